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

/** Seconds to wait from a Retry-After header: a number of seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The ApiError of an error answer; `body` is its parsed JSON, or null when it had none. */
export function apiErrorOf(status: number, statusText: string, body: unknown, retryAfterHeader: string | null): ApiError {
  const error = (body !== null && typeof body === 'object' ? body : {}) as Partial<ApiErrorBody>;
  const message = Array.isArray(error.message) ? error.message.join('; ') : (error.message ?? statusText);
  const retryAfter = typeof error.retryAfterSeconds === 'number' ? Math.ceil(error.retryAfterSeconds) : parseRetryAfter(retryAfterHeader);
  return new ApiError(status, error.code, message, retryAfter, Array.isArray(error.issues) ? error.issues : []);
}

/** True when the error is the API refusing the bearer token itself, which ends the session. */
export function refusesToken(error: ApiError): boolean {
  return error.status === 401 && TOKEN_REFUSALS.includes(error.code ?? '');
}

/** Tells the session (AuthProvider) that the API refused this token. */
export function announceTokenRefused(token: string): void {
  window.dispatchEvent(new CustomEvent(TOKEN_REFUSED_EVENT, { detail: token }));
}
