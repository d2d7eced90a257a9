import { announceTokenRefused, apiErrorOf, ApiError, refusesToken } from './apiError';
import { API_BASE } from './client';
import { DEVICE_HEADER, deviceId } from './deviceId';

export { ApiError, TOKEN_REFUSED_EVENT, type ApiErrorBody, type ApiIssue } from './apiError';

export { API_BASE } from './client';

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  token?: string | null;
  signal?: AbortSignal;
  /** Extra request headers, e.g. Idempotency-Key. */
  headers?: Record<string, string>;
}

async function readErrorBody(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json', [DEVICE_HEADER]: deviceId() };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, undefined, error instanceof Error ? error.message : String(error));
  }

  if (!response.ok) {
    const error = apiErrorOf(response.status, response.statusText, await readErrorBody(response), response.headers.get('Retry-After'));
    if (options.token && refusesToken(error)) announceTokenRefused(options.token);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
