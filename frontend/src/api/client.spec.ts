import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, TOKEN_REFUSED_EVENT } from './apiError';
import { createApiClient, data } from './client';
import { DEVICE_HEADER } from './deviceId';

const BASE = 'http://api.test';

/** A fetch that answers every request with `answer` and keeps the requests it saw. */
function fakeFetch(answer: () => Response | Promise<Response>) {
  const seen: Request[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push(input instanceof Request ? input : new Request(input, init));
    return answer();
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, seen };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

async function failure(request: Promise<unknown>): Promise<ApiError> {
  const error = await request.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('the typed API client', () => {
  let refused: string[];
  beforeEach(() => {
    refused = [];
    const target = new EventTarget();
    target.addEventListener(TOKEN_REFUSED_EVENT, (event) => refused.push((event as CustomEvent<string>).detail));
    vi.stubGlobal('window', target);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends the session token, the device id and Accept on every request', async () => {
    const { fetch, seen } = fakeFetch(() => json(200, []));
    const client = createApiClient({ token: () => 'token-1', baseUrl: BASE, fetch });
    await expect(data(client.GET('/api/v1/categories'))).resolves.toEqual([]);
    expect(seen[0].url).toBe(`${BASE}/api/v1/categories`);
    expect(seen[0].headers.get('Authorization')).toBe('Bearer token-1');
    expect(seen[0].headers.get('Accept')).toBe('application/json');
    expect(seen[0].headers.get(DEVICE_HEADER)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('reads the token at each request, and sends none without one', async () => {
    const { fetch, seen } = fakeFetch(() => json(200, []));
    let token: string | null = null;
    const client = createApiClient({ token: () => token, baseUrl: BASE, fetch });
    await client.GET('/api/v1/categories');
    token = 'renewed';
    await client.GET('/api/v1/categories');
    expect(seen.map((r) => r.headers.get('Authorization'))).toEqual([null, 'Bearer renewed']);
  });

  it('turns a validation answer into an ApiError with its issues', async () => {
    const issues = [{ field: 'description', rule: 'too_small', message: 'Too short', messageVi: 'Quá ngắn' }];
    const { fetch } = fakeFetch(() => json(400, { statusCode: 400, code: 'validation_failed', message: ['a', 'b'], issues }));
    const error = await failure(createApiClient({ token: () => null, baseUrl: BASE, fetch }).GET('/api/v1/categories'));
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', message: 'a; b', retryAfterSeconds: undefined });
    expect(error.issues).toEqual(issues);
  });

  it.each([
    ['the body', { statusCode: 429, code: 'rate_limited', message: 'slow down', retryAfterSeconds: 4.2 }, {}, 5],
    ['the Retry-After header', { statusCode: 503, code: 'unavailable', message: 'later' }, { 'Retry-After': '7' }, 7],
  ])('reads when to try again from %s', async (_from, body, headers, seconds) => {
    const { fetch } = fakeFetch(() => json(body.statusCode, body, headers));
    const error = await failure(createApiClient({ token: () => null, baseUrl: BASE, fetch }).GET('/api/v1/categories'));
    expect(error.retryAfterSeconds).toBe(seconds);
  });

  it('falls back to the status text when the error answer has no JSON body', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = await failure(createApiClient({ token: () => null, baseUrl: BASE, fetch }).GET('/api/v1/categories'));
    expect(error).toMatchObject({ status: 502, code: undefined, message: 'Bad Gateway' });
    expect(error.issues).toEqual([]);
  });

  it.each([
    ['auth.session_ended', 'token-9', ['token-9']],
    ['auth.invalid_token', 'token-9', ['token-9']],
    ['auth.invalid_second_factor', 'token-9', []],
    ['auth.session_ended', null, []],
  ])('a 401 %s with token %s ends the session: %j', async (code, token, expected) => {
    const { fetch } = fakeFetch(() => json(401, { statusCode: 401, code, message: 'no' }));
    const error = await failure(createApiClient({ token: () => token, baseUrl: BASE, fetch }).GET('/api/v1/categories'));
    expect(error).toMatchObject({ status: 401, code });
    expect(refused).toEqual(expected);
  });

  it('reports a request that got no answer as status 0', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await failure(createApiClient({ token: () => null, baseUrl: BASE, fetch }).GET('/api/v1/categories'));
    expect(error).toMatchObject({ status: 0, message: 'Failed to fetch' });
  });

  it('leaves an aborted request an AbortError', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new DOMException('aborted', 'AbortError')));
    const outcome = await createApiClient({ token: () => null, baseUrl: BASE, fetch })
      .GET('/api/v1/categories')
      .catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(DOMException);
    expect((outcome as DOMException).name).toBe('AbortError');
  });
});
