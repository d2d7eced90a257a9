import { DomainException } from './domain.exception';

/**
 * Whether an error means "the database cannot answer now" rather than "this request is wrong":
 * the server is down, restarting or refusing connections, a connection broke under a query,
 * the pool had no connection to give in time, or a statement ran past `statement_timeout`.
 * The answer to those is 503 with Retry-After (the client retries; with its Idempotency-Key a
 * report that did commit is answered, not filed twice), never a 500.
 */
export type DatabaseTrouble = 'unavailable' | 'timeout';

// SQLSTATEs (PostgreSQL appendix A): 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03
// cannot_connect_now (starting up, recovering); class 08 connection exceptions; 53300
// too_many_connections. 57014 query_canceled is what statement_timeout raises; 55P03
// lock_not_available what lock_timeout raises.
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
const TIMEOUT_STATES = new Set(['57014', '55P03']);
// Node's socket errors under node-postgres, when the server is gone or the link broke.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// node-postgres and pg-pool say these in words only (no code).
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /is not queryable/,
  /^Client was closed and is not queryable/,
  /^Cannot use a pool after calling end/,
  /^terminating connection/,
  /^the database system is (starting up|shutting down|in recovery mode)/,
];

// TypeORM releases a transaction's connection when it breaks (PostgresQueryRunner's 'error'
// listener); the transaction's next statement (or its COMMIT, which is then never sent) fails
// with one of these instead of the socket error.
const RELEASED_BY_BREAK = new Set(['QueryRunnerProviderAlreadyReleasedError', 'QueryRunnerAlreadyReleasedError']);

export function databaseTrouble(err: unknown): DatabaseTrouble | null {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { code, message, name } = e as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof name === 'string' && RELEASED_BY_BREAK.has(name)) return 'unavailable';
    if (typeof code === 'string') {
      if (TIMEOUT_STATES.has(code)) return 'timeout';
      if (UNAVAILABLE_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || SOCKET_CODES.has(code)) return 'unavailable';
    }
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => m.test(message))) return 'unavailable';
    // TypeORM wraps the driver's error (QueryFailedError.driverError); others give a cause.
    e = (e as { driverError?: unknown; cause?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
  }
  return null;
}

/** Seconds a client should wait before retrying: a restart takes a few seconds, a failover some more. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The domain answer to a database that cannot answer now: 503 with Retry-After, in Vietnamese and English. */
export function databaseUnavailable(trouble: DatabaseTrouble): DomainException {
  return trouble === 'timeout'
    ? new DomainException(
        'unavailable',
        'database.timeout',
        'The database took too long to answer; nothing was saved by this request. Try again shortly',
        {
          messageVi: 'Cơ sở dữ liệu phản hồi quá chậm; yêu cầu này chưa được lưu. Vui lòng thử lại sau ít phút',
          retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
        },
      )
    : new DomainException('unavailable', 'database.unavailable', 'The database is unavailable right now; try again shortly', {
        messageVi: 'Cơ sở dữ liệu tạm thời không khả dụng; vui lòng thử lại sau ít phút',
        retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      });
}
