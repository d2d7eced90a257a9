import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { readSession } from '../auth/sessionStore';
import { announceTokenRefused, apiErrorOf, ApiError, refusesToken } from './apiError';
import { DEVICE_HEADER, deviceId } from './deviceId';
import type { components, paths } from './schema';

/** Base path of the REST API; the SPA is served by the same origin as the API. */
export const API_BASE = '/api/v1';

export type ApiClient = Client<paths>;
/** The API's named shapes (requests and answers), as the OpenAPI document describes them. */
export type Schemas = components['schemas'];

/** The session's bearer token, read from one place for every request of the signed-in client. */
export function sessionToken(): string | null {
  return readSession()?.accessToken ?? null;
}

const BEARER = /^Bearer (.+)$/;

/** Adds the headers every request carries: Accept, the device id the rate limits read, and the bearer token when there is one. */
export function requestHeaders(token: () => string | null): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('Accept', 'application/json');
      request.headers.set(DEVICE_HEADER, deviceId());
      const current = token();
      if (current && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${current}`);
      return request;
    },
  };
}

async function readErrorBody(response: Response): Promise<unknown> {
  try {
    return await response.clone().json();
  } catch {
    return null;
  }
}

/**
 * Every error answer becomes an ApiError (thrown, so a query or mutation fails with it); a refused
 * bearer token also ends the session. A request that never got an answer is an ApiError with
 * status 0; an aborted one stays an AbortError.
 */
export const errorAnswers: Middleware = {
  async onResponse({ request, response }) {
    if (response.ok) return undefined;
    const error = apiErrorOf(response.status, response.statusText, await readErrorBody(response), response.headers.get('Retry-After'));
    const sent = BEARER.exec(request.headers.get('Authorization') ?? '')?.[1];
    if (sent && refusesToken(error)) announceTokenRefused(sent);
    throw error;
  },
  onError({ error }) {
    if (error instanceof DOMException && error.name === 'AbortError') return error;
    return new ApiError(0, undefined, error instanceof Error ? error.message : String(error));
  },
};

export function createApiClient(options: { token: () => string | null; baseUrl?: string; fetch?: typeof fetch }): ApiClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl ?? '', fetch: options.fetch });
  client.use(requestHeaders(options.token), errorAnswers);
  return client;
}

/** The API as the signed-in user (the session's token), or anonymously when no one is. */
export const api = createApiClient({ token: sessionToken });

/** The API as the public: no token even when staff are signed in (the citizen's pages file and track as a citizen). */
export const publicApi = createApiClient({ token: () => null });

/**
 * The data of a request whose error answers throw (errorAnswers), so a successful one always has
 * its data. `await data(api.GET('/api/v1/categories'))`.
 */
export async function data<T>(request: Promise<{ data?: T }>): Promise<T> {
  return (await request).data as T;
}
