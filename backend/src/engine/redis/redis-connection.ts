import Redis, { RedisOptions } from 'ioredis';

/**
 * Where Redis is: one URL, or a Sentinel group (REDIS_SENTINELS + REDIS_SENTINEL_NAME) that
 * names the current primary after a failover. Parsed once by app-config.
 */
export type RedisLocation =
  | { kind: 'url'; url: string }
  | {
      kind: 'sentinel';
      sentinels: Array<{ host: string; port: number }>;
      name: string;
      db: number;
      username?: string;
      password?: string;
      sentinelPassword?: string;
    };

/**
 * What a connection is for, which decides how it behaves while Redis is away:
 * - `queue`: BullMQ queues, workers and schedulers. Commands wait for the reconnect (BullMQ
 *   requires maxRetriesPerRequest null for its blocking connections); nothing on a request path.
 * - `request`: anything an HTTP request waits on (limits, sessions, tile cache, clock, health).
 *   No offline queue and a command timeout, so that a request fails over within `commandTimeoutMs`
 *   instead of hanging until Redis returns.
 * - `subscriber`: pub/sub. Waits for Redis and re-subscribes after a reconnect.
 */
export type RedisPurpose = 'queue' | 'request' | 'subscriber';

export interface RedisConnectionSettings {
  location: RedisLocation;
  /** The command timeout of `request` connections. */
  requestTimeoutMs: number;
}

// Reconnect quickly at first, then every 2 s: a restarted Redis is found again within 2 s.
const retryStrategy = (attempt: number) => Math.min(attempt * 200, 2000);

// A node that answers READONLY was the primary and is a replica now (a failover the connection
// did not see: the sentinels disconnect the old primary's clients, but not across a partition,
// nor after a REPLICAOF by hand). Reconnecting asks the sentinels (or the URL) for the primary
// again. A refused write was not applied, so a queue connection sends it again after the
// reconnect (2); a request's command fails at once (1) and the request answers 503.
const READONLY = /^READONLY\b/;
const reconnectAndResend = (err: Error) => (READONLY.test(err.message) ? 2 : false);
const reconnectAndFail = (err: Error) => (READONLY.test(err.message) ? 1 : false);

/** The ioredis options for one connection; BullMQ takes the same object as its `connection`. */
export function redisOptions(
  settings: RedisConnectionSettings,
  purpose: RedisPurpose,
  name: string,
  commandTimeoutMs = settings.requestTimeoutMs,
): RedisOptions {
  const where = locationOptions(settings.location);
  const common: RedisOptions = { ...where, connectionName: name, retryStrategy };
  switch (purpose) {
    case 'queue':
      return { ...common, maxRetriesPerRequest: null, reconnectOnError: reconnectAndResend };
    case 'subscriber':
      return { ...common, maxRetriesPerRequest: null, lazyConnect: true, reconnectOnError: reconnectAndResend };
    case 'request':
      return {
        ...common,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        commandTimeout: commandTimeoutMs,
        reconnectOnError: reconnectAndFail,
      };
  }
}

/**
 * The one place a Redis connection is made (redis-connection.spec.ts fails on any other `new
 * Redis`). A connection's own 'error' events are expected while Redis is away: commands fail
 * (request) or wait (queue, subscriber) on their own, and an unheard 'error' would only be logged
 * by ioredis on every reconnect attempt.
 */
export function createRedis(settings: RedisConnectionSettings, purpose: RedisPurpose, name: string, commandTimeoutMs?: number): Redis {
  const redis = new Redis(redisOptions(settings, purpose, name, commandTimeoutMs));
  redis.on('error', () => undefined);
  return redis;
}

/** Resolves once the connection is ready, or after `ms` whatever its state; true when ready. */
export function untilReady(redis: Redis, ms: number): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ready);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), ms);
    redis.on('ready', onReady);
  });
}

/** Closes a connection politely, or at once if Redis does not answer. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  if (redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  await redis.quit().catch(() => redis.disconnect());
}

function locationOptions(location: RedisLocation): RedisOptions {
  if (location.kind === 'sentinel') {
    return {
      sentinels: location.sentinels,
      name: location.name,
      db: location.db,
      username: location.username,
      password: location.password,
      sentinelPassword: location.sentinelPassword,
    };
  }
  const u = new URL(location.url);
  const db = u.pathname.replace(/^\//, '');
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    db: db ? Number(db) : 0,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
}

/** Parses `host:port,host:port` (REDIS_SENTINELS); a string naming the fault when it is not that. */
export function parseSentinels(text: string): Array<{ host: string; port: number }> | string {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return 'lists no sentinel (host:port,host:port)';
  const out: Array<{ host: string; port: number }> = [];
  for (const part of parts) {
    const m = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(part);
    const port = m ? Number(m[2]) : NaN;
    if (!m || port < 1 || port > 65535) return `"${part}" is not host:port`;
    out.push({ host: m[1].replace(/^\[|\]$/g, ''), port });
  }
  return out;
}
