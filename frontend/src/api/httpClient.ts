import { DEVICE_HEADER, deviceId } from './deviceId';

/** Base path of the REST API; the SPA is served by the same origin as the API. */
export const API_BASE = '/api/v1';

/**
 * Dispatched on `window` when the API refuses a bearer token (401): the session ended on the
 * server (signed out elsewhere, the account disabled). The detail is the refused token, so a
 * token renewed meanwhile is not thrown away.
 */
export const TOKEN_REFUSED_EVENT = 'hcmc1022:token-refused';
/** The answers that refuse the token itself (a wrong second-factor code is a 401 too, and ends nothing). */
const TOKEN_REFUSALS = ['auth.session_ended', 'auth.invalid_token'];

/** One invalid field of a 400 `validation_failed` (or 422) answer, in both languages. */
export interface ApiIssue {
  field: string;
  rule?: string;
  message: string;
  messageVi?: string;
}

/** Body of every 4xx/5xx answer of the API (one exception filter maps domain errors to it). */
export interface ApiErrorBody {
  statusCode: number;
  code?: string;
  message?: string | string[];
  /** Sent with 429 answers; the Retry-After header is read too. */
  retryAfterSeconds?: number;
  issues?: ApiIssue[];
}

/** status 0 means the request never got an HTTP answer (network down, server unreachable). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly retryAfterSeconds?: number,
    readonly issues: readonly ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  token?: string | null;
  signal?: AbortSignal;
  /** Extra request headers, e.g. Idempotency-Key. */
  headers?: Record<string, string>;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readErrorBody(response: Response): Promise<ApiErrorBody | null> {
  try {
    return (await response.json()) as ApiErrorBody;
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
    const body = await readErrorBody(response);
    if (response.status === 401 && options.token && TOKEN_REFUSALS.includes(body?.code ?? '')) {
      window.dispatchEvent(new CustomEvent(TOKEN_REFUSED_EVENT, { detail: options.token }));
    }
    const message = Array.isArray(body?.message) ? body.message.join('; ') : (body?.message ?? response.statusText);
    const retryAfter =
      typeof body?.retryAfterSeconds === 'number'
        ? Math.ceil(body.retryAfterSeconds)
        : parseRetryAfter(response.headers.get('Retry-After'));
    throw new ApiError(response.status, body?.code, message, retryAfter, Array.isArray(body?.issues) ? body.issues : []);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
