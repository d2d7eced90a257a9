import { isIP } from 'node:net';
import { z } from 'zod';
import { ACCESS_KEY, SIGNING_SECRET, weakSecretReason } from './secret-strength';
import { parsePolicy, PolicyName, RateLimitPolicy } from '../rate-limit/rate-limit-policy';
import { parseSentinels, RedisConnectionSettings, RedisLocation } from '../redis/redis-connection';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off']).transform((v) => ['true', '1', 'yes', 'on'].includes(v));

// A rate-limit policy setting (see RATE_LIMIT_* below), parsed at boot.
const policy = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const parsed = parsePolicy(text);
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed });
        return z.NEVER;
      }
      return parsed;
    });

const schema = z.object({
  // Unset means production: the development conveniences below (a built-in signing secret, demo
  // accounts, the demo Open311 key) need NODE_ENV=development or test, which npm start/test/bench set.
  NODE_ENV: z.enum(['development', 'test', 'production']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  // Which proxies may set X-Forwarded-For (Fastify's trustProxy): addresses or CIDRs of the load
  // balancers, comma-separated. None by default: any other host on a private network (another
  // container, a compromised machine) could otherwise name its own client address and dodge limits.
  TRUST_PROXY: z.string().default(''),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/hcmc1022'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  // How long a request waits for a database connection before answering 503 (docs/reliability.md).
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  // PostgreSQL's statement_timeout for the API and worker sessions: a statement slower than this
  // (a lock held too long, a plan gone wrong) is cancelled and the request answered 503, instead
  // of holding a connection while clients give up. 0 turns it off (the migrate and seed tools).
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  // A transaction idle this long (a process stopped in the middle of one) is ended by the server.
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  // Redis (engine/redis/redis-connection.ts makes every connection from these): one server by
  // REDIS_URL (redis://[user:password@]host:port/db, rediss:// for TLS), or a Sentinel group:
  // REDIS_SENTINELS (host:port,host:port) and REDIS_SENTINEL_NAME (the primary's name), with
  // REDIS_USERNAME/REDIS_PASSWORD for the data nodes, REDIS_SENTINEL_PASSWORD for the sentinels
  // and REDIS_DB; REDIS_URL is then not used.
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379/0'),
  REDIS_SENTINELS: z
    .string()
    .transform((text, ctx) => {
      const parsed = parseSentinels(text);
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed });
        return z.NEVER;
      }
      return parsed;
    })
    .optional(),
  REDIS_SENTINEL_NAME: z.string().optional(),
  REDIS_USERNAME: z.string().optional(),
  REDIS_PASSWORD: z.string().optional(),
  REDIS_SENTINEL_PASSWORD: z.string().optional(),
  REDIS_DB: z.coerce.number().int().min(0).max(15).default(0),
  // BullMQ keys live under this prefix; the braces make it a Redis Cluster hash tag.
  QUEUE_PREFIX: z.string().default('{hcmc1022}'),
  // How often the worker checks that every recurring job is still in Redis (engine/queue/job-schedules.ts).
  JOB_SCHEDULES_CHECK_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
  STORAGE_DIR: z.string().default('var/storage'),
  WEB_DIR: z.string().default(''),
  JWT_SECRET: z.string().min(16).default('local-dev-secret-change-me-in-production'),
  // Access tokens are short: the session behind each (SESSION_*) is what a sign-in keeps.
  JWT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(3600)
    .default(15 * 60),
  OPEN311_API_KEYS: z.string().default('demo-open311-key'),
  // Default: on in development and test, off in production (where setting it stops the process).
  DEMO_SEED: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Rate limits (engine/rate-limit): one setting per policy, `dimension=limit/seconds` pairs
  // (rate-limit-policy.ts says what each dimension counts; docs/operations.md the reasons for the
  // defaults). Counted in Redis for every API process; while Redis is away, per process.
  RATE_LIMIT_FILING: policy('device=10/3600,client=60/600,global=300/60,user=600/3600'),
  RATE_LIMIT_UPLOAD: policy('device=30/600,client=120/600,global=1200/60,user=2000/3600'),
  RATE_LIMIT_CITIZEN_ACTION: policy('device=20/3600,client=60/600,global=300/60,user=600/3600'),
  RATE_LIMIT_TRACKING: policy('device=120/60,client=300/60,global=6000/60,user=6000/60'),
  RATE_LIMIT_OPEN311_POST: policy('apiKey=120/60,global=600/60'),
  RATE_LIMIT_LOGIN: policy('account=20/60,client=30/60,global=600/60'),
  // Codes of the second sign-in step per account: a million TOTP codes would otherwise fall to a patient script.
  RATE_LIMIT_SECOND_FACTOR: policy('account=5/300'),
  // A limit check waits this long for Redis before counting in the process instead.
  RATE_LIMIT_REDIS_TIMEOUT_MS: z.coerce.number().int().min(10).max(5000).default(250),
  // Failed sign-ins in a row (per account, per address, per account from one address) are free up
  // to FREE_FAILURES, then wait BASE, 2·BASE … seconds; per account capped at ACCOUNT_MAX_SECONDS
  // so that nobody can shut out an official by naming them, per address at MAX_SECONDS.
  LOGIN_BACKOFF_FREE_FAILURES: z.coerce.number().int().min(0).default(5),
  LOGIN_BACKOFF_BASE_SECONDS: z.coerce.number().int().min(1).default(1),
  LOGIN_BACKOFF_MAX_SECONDS: z.coerce.number().int().min(1).default(900),
  LOGIN_BACKOFF_ACCOUNT_MAX_SECONDS: z.coerce.number().int().min(1).default(30),
  // Password hashing is CPU-bound (argon2, ~0.1 s each): at most CONCURRENCY sign-ins per process
  // hash at once and QUEUE wait; the rest hear 503 with Retry-After at once.
  LOGIN_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  LOGIN_HASH_QUEUE: z.coerce.number().int().min(0).max(1000).default(8),
  // Notification delivery (worker). 'recording' sends nothing: the row is the record, so
  // development and tests need no network; 'smtp' needs SMTP_URL (smtp://user:pass@host:587).
  NOTIFY_EMAIL_DRIVER: z.enum(['recording', 'smtp']).default('recording'),
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().default('Tổng đài 1022 TP.HCM <no-reply@1022.tphcm.gov.vn>'),
  // Prefixed to the tracking path in messages (/track/<code>); empty leaves the path relative.
  NOTIFY_PUBLIC_BASE_URL: z.string().default(''),
  NOTIFY_DELIVERY_EVERY_MS: z.coerce.number().int().min(500).default(5000),
  NOTIFY_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(50),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  // Retry after base * 2^(attempt-1): with the defaults 1, 2, 4, 8, 16 minutes, then failed.
  NOTIFY_RETRY_BASE_MS: z.coerce.number().int().min(0).default(60_000),
  // A message handed to a driver and not marked sent after this long (its worker died in between)
  // becomes 'unconfirmed' and is not sent again by itself (docs/reliability.md, "Notifications").
  // Far above the SMTP driver's own timeouts (40 s at most), so a slow send is never taken for a dead one.
  NOTIFY_UNCONFIRMED_AFTER_MS: z.coerce.number().int().min(60_000).default(600_000),
  // Fault tests only (refused in production): the worker waits this long between a driver's
  // acceptance and marking the row sent, so a test can kill it exactly there.
  NOTIFY_FAULT_PAUSE_AFTER_SEND_MS: z.coerce.number().int().min(0).max(600_000).default(0),
  // Map tiles stay cached this long unless their region changes first; 0 turns the cache off.
  TILE_CACHE_SECONDS: z.coerce.number().int().min(0).default(600),
  // The worker keeps the map's density aggregates current; off only to measure what it costs.
  MAP_AGGREGATOR: bool.default(true),
  // Public surfaces (issue 14, docs/security.md). The address the public reaches the app at, for
  // absolute links (Open311, messages) instead of the request's Host; HSTS when it is https.
  PUBLIC_BASE_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL')
    .optional(),
  HSTS_MAX_AGE_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .default(180 * 24 * 3600),
  // Origins (scheme://host[:port], comma-separated) another site may call the API from; none by default.
  CORS_ORIGINS: z.string().default(''),
  // The OpenAPI page and document: default on in development and test, off in production.
  API_DOCS: bool.optional(),
  // /metrics answers a bearer METRICS_TOKEN, or a client address in METRICS_ALLOW (IPs or CIDRs).
  METRICS_TOKEN: z.string().optional(),
  METRICS_ALLOW: z.string().default('127.0.0.1/32,::1/128'),
  // Open live-event streams per API process for one client: a signed-in user, or an address (a
  // mobile carrier's NAT puts many citizens behind one, hence not 1 or 2).
  LIVE_STREAMS_PER_CLIENT: z.coerce.number().int().min(1).max(1000).default(10),
  // Reporter links (invariant 7): the link token in each message to a reporter acts on the
  // ticket like the filing secret for this many days; the filing secret itself does not expire.
  REPORTER_LINK_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  // Staff sessions (issue 14, finding 3). A session ends SESSION_MAX_AGE_SECONDS after sign-in
  // (a long shift), or when it was not refreshed for SESSION_IDLE_SECONDS. Each API process
  // takes a session's state as at most SESSION_CHECK_SECONDS old (Redis holds it as long), so a
  // revocation is felt everywhere within twice that (invariant 7: a minute). With Redis and
  // PostgreSQL both away, the last state known is used for SESSION_STALE_SECONDS, then 503.
  SESSION_MAX_AGE_SECONDS: z.coerce
    .number()
    .int()
    .min(300)
    .default(12 * 3600),
  SESSION_IDLE_SECONDS: z.coerce
    .number()
    .int()
    .min(300)
    .default(2 * 3600),
  SESSION_CHECK_SECONDS: z.coerce.number().int().min(1).max(30).default(30),
  SESSION_STALE_SECONDS: z.coerce.number().int().min(0).max(3600).default(300),
  // Retention of personal data (issue 19; docs/privacy.md gives each default its legal basis):
  // days after which the retention job anonymises what the policy covers. The reporter's contact,
  // callers and citizens' photos count from the end of their report (resolved, closed, rejected,
  // merged); 180 days outlast the 90 days the Law on Complaints gives to complain about an answer.
  RETENTION_REPORTER_CONTACT_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  RETENTION_CALLER_NUMBERS_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  RETENTION_CLOSED_TICKET_PHOTOS_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  // A message's recipient, from its delivery (or giving up): long enough to answer "was I told?".
  RETENTION_NOTIFICATION_LOG_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  // A staff session's address and browser, from its end: long enough to investigate a stolen account.
  RETENTION_LOGIN_RECORDS_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  // The audit trail's personal values (numbers searched in the caller history, sign-in
  // addresses), from the event: a year to answer "who looked my number up?" and to investigate
  // misuse; the event itself (who, when, how many) stays.
  RETENTION_AUDIT_PERSONAL_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  // Roles whose accounts must sign in with a second factor (TOTP), comma-separated; "none" for
  // none. Unset: admin and leader in production, none elsewhere. Demo accounts are exempt.
  MFA_REQUIRED_ROLES: z
    .string()
    .transform((v) =>
      v.trim() === 'none'
        ? []
        : v
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean),
    )
    .pipe(z.array(z.enum(['operator', 'ward_official', 'department_official', 'leader', 'admin'])))
    .optional(),
});

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  http: { host: string; port: number; trustProxy: string[] };
  database: { url: string; poolSize: number; connectTimeoutMs: number; statementTimeoutMs: number; idleInTransactionTimeoutMs: number };
  redis: RedisConnectionSettings & { queuePrefix: string };
  queue: { schedulesCheckMs: number };
  storageDir: string;
  webDir: string;
  auth: { jwtSecret: string; jwtTtlSeconds: number };
  open311ApiKeys: string[];
  demoSeed: boolean;
  logLevel: string;
  rateLimits: {
    policies: Record<PolicyName, RateLimitPolicy>;
    redisTimeoutMs: number;
    loginBackoff: { freeFailures: number; baseSeconds: number; maxSeconds: number; accountMaxSeconds: number };
    loginHashes: { concurrency: number; queue: number };
  };
  notifications: {
    emailDriver: 'recording' | 'smtp';
    smtpUrl: string | null;
    smtpFrom: string;
    publicBaseUrl: string;
    deliveryEveryMs: number;
    batchSize: number;
    maxAttempts: number;
    retryBaseMs: number;
    unconfirmedAfterMs: number;
    faultPauseAfterSendMs: number;
  };
  maps: { tileCacheSeconds: number; aggregator: boolean };
  surface: {
    publicBaseUrl: string;
    hstsMaxAgeSeconds: number | null;
    corsOrigins: string[];
    apiDocs: boolean;
    metricsToken: string | null;
    metricsAllow: string[];
    liveStreamsPerClient: number;
  };
  reporterAccess: { messageLinkTtlDays: number };
  sessions: { maxAgeSeconds: number; idleSeconds: number; checkSeconds: number; staleSeconds: number; mfaRequiredRoles: string[] };
  retention: RetentionDays;
}

/** Days each retention policy keeps personal data (engine/privacy/personal-data-registry.ts names the policies). */
export interface RetentionDays {
  reporterContact: number;
  callerNumbers: number;
  closedTicketPhotos: number;
  notificationLog: number;
  loginRecords: number;
  auditPersonal: number;
}

export class ConfigError extends Error {}

function redisLocation(c: z.infer<typeof schema>): RedisLocation {
  if (!c.REDIS_SENTINELS) return { kind: 'url', url: c.REDIS_URL };
  return {
    kind: 'sentinel',
    sentinels: c.REDIS_SENTINELS,
    name: c.REDIS_SENTINEL_NAME ?? '',
    db: c.REDIS_DB,
    username: c.REDIS_USERNAME,
    password: c.REDIS_PASSWORD,
    sentinelPassword: c.REDIS_SENTINEL_PASSWORD,
  };
}

/** Validates the environment once; the only place that reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(defined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  const unsafe = production ? unsafeInProduction(c) : [];
  if (unsafe.length > 0) {
    throw new ConfigError(
      `Invalid configuration for production (NODE_ENV unset or production; NODE_ENV=development allows the demo settings):\n${unsafe.map((l) => `  ${l}`).join('\n')}`,
    );
  }
  const badAddress = c.METRICS_ALLOW.split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .find((a) => !isAddressOrSubnet(a));
  if (badAddress !== undefined)
    throw new ConfigError(`Invalid configuration:\n  METRICS_ALLOW: "${badAddress}" is not an IP address or CIDR range`);
  const corsOrigins = c.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  const badOrigin = corsOrigins.find((o) => !isOrigin(o));
  if (badOrigin !== undefined) {
    throw new ConfigError(
      `Invalid configuration:\n  CORS_ORIGINS: "${badOrigin}" is not an origin (scheme://host[:port], no path, never "*" or "null")`,
    );
  }
  if (c.REDIS_SENTINELS && !c.REDIS_SENTINEL_NAME)
    throw new ConfigError('Invalid configuration:\n  REDIS_SENTINEL_NAME: required with REDIS_SENTINELS (the name the sentinels monitor)');
  if (c.NOTIFY_EMAIL_DRIVER === 'smtp' && !c.SMTP_URL) {
    throw new ConfigError('Invalid configuration:\n  SMTP_URL: required when NOTIFY_EMAIL_DRIVER=smtp');
  }
  return {
    env: c.NODE_ENV,
    http: {
      host: c.HOST,
      port: c.PORT,
      trustProxy: c.TRUST_PROXY.split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    },
    database: {
      url: c.DATABASE_URL,
      poolSize: c.DATABASE_POOL_SIZE,
      connectTimeoutMs: c.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: c.DATABASE_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: c.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    redis: { location: redisLocation(c), requestTimeoutMs: c.RATE_LIMIT_REDIS_TIMEOUT_MS, queuePrefix: c.QUEUE_PREFIX },
    queue: { schedulesCheckMs: c.JOB_SCHEDULES_CHECK_MS },
    storageDir: c.STORAGE_DIR,
    webDir: c.WEB_DIR,
    auth: { jwtSecret: c.JWT_SECRET, jwtTtlSeconds: c.JWT_TTL_SECONDS },
    open311ApiKeys: c.OPEN311_API_KEYS.split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    demoSeed: !production && (c.DEMO_SEED ?? true),
    logLevel: c.LOG_LEVEL,
    rateLimits: {
      policies: {
        filing: c.RATE_LIMIT_FILING,
        upload: c.RATE_LIMIT_UPLOAD,
        citizenAction: c.RATE_LIMIT_CITIZEN_ACTION,
        tracking: c.RATE_LIMIT_TRACKING,
        open311Post: c.RATE_LIMIT_OPEN311_POST,
        login: c.RATE_LIMIT_LOGIN,
        secondFactor: c.RATE_LIMIT_SECOND_FACTOR,
      },
      redisTimeoutMs: c.RATE_LIMIT_REDIS_TIMEOUT_MS,
      loginBackoff: {
        freeFailures: c.LOGIN_BACKOFF_FREE_FAILURES,
        baseSeconds: c.LOGIN_BACKOFF_BASE_SECONDS,
        maxSeconds: c.LOGIN_BACKOFF_MAX_SECONDS,
        accountMaxSeconds: c.LOGIN_BACKOFF_ACCOUNT_MAX_SECONDS,
      },
      loginHashes: { concurrency: c.LOGIN_HASH_CONCURRENCY, queue: c.LOGIN_HASH_QUEUE },
    },
    notifications: {
      emailDriver: c.NOTIFY_EMAIL_DRIVER,
      smtpUrl: c.SMTP_URL ?? null,
      smtpFrom: c.SMTP_FROM,
      // The public address by default: a message's link must not depend on who happened to send it.
      publicBaseUrl: (c.NOTIFY_PUBLIC_BASE_URL || c.PUBLIC_BASE_URL || '').replace(/\/+$/, ''),
      deliveryEveryMs: c.NOTIFY_DELIVERY_EVERY_MS,
      batchSize: c.NOTIFY_BATCH_SIZE,
      maxAttempts: c.NOTIFY_MAX_ATTEMPTS,
      retryBaseMs: c.NOTIFY_RETRY_BASE_MS,
      unconfirmedAfterMs: c.NOTIFY_UNCONFIRMED_AFTER_MS,
      faultPauseAfterSendMs: c.NOTIFY_FAULT_PAUSE_AFTER_SEND_MS,
    },
    maps: { tileCacheSeconds: c.TILE_CACHE_SECONDS, aggregator: c.MAP_AGGREGATOR },
    surface: {
      publicBaseUrl: (c.PUBLIC_BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, ''),
      hstsMaxAgeSeconds: c.PUBLIC_BASE_URL?.startsWith('https:') && c.HSTS_MAX_AGE_SECONDS > 0 ? c.HSTS_MAX_AGE_SECONDS : null,
      corsOrigins: corsOrigins.map((o) => new URL(o).origin),
      apiDocs: c.API_DOCS ?? !production,
      metricsToken: c.METRICS_TOKEN ?? null,
      metricsAllow: c.METRICS_ALLOW.split(',')
        .map((a) => a.trim())
        .filter(Boolean),
      liveStreamsPerClient: c.LIVE_STREAMS_PER_CLIENT,
    },
    reporterAccess: { messageLinkTtlDays: c.REPORTER_LINK_TTL_DAYS },
    sessions: {
      maxAgeSeconds: c.SESSION_MAX_AGE_SECONDS,
      idleSeconds: c.SESSION_IDLE_SECONDS,
      checkSeconds: c.SESSION_CHECK_SECONDS,
      staleSeconds: c.SESSION_STALE_SECONDS,
      mfaRequiredRoles: c.MFA_REQUIRED_ROLES ?? (c.NODE_ENV === 'production' ? ['admin', 'leader'] : []),
    },
    retention: {
      reporterContact: c.RETENTION_REPORTER_CONTACT_DAYS,
      callerNumbers: c.RETENTION_CALLER_NUMBERS_DAYS,
      closedTicketPhotos: c.RETENTION_CLOSED_TICKET_PHOTOS_DAYS,
      notificationLog: c.RETENTION_NOTIFICATION_LOG_DAYS,
      loginRecords: c.RETENTION_LOGIN_RECORDS_DAYS,
      auditPersonal: c.RETENTION_AUDIT_PERSONAL_DAYS,
    },
  };
}

const DEMO_OPEN311_KEY = 'demo-open311-key';

/** Settings a development machine may keep but production may not, each naming its variable. */
function unsafeInProduction(c: z.infer<typeof schema>): string[] {
  const problems: string[] = [];
  if (c.JWT_SECRET.startsWith('local-dev-secret'))
    problems.push('JWT_SECRET: must be set (e.g. openssl rand -hex 32); the built-in one is public');
  else {
    const weak = weakSecretReason(c.JWT_SECRET, SIGNING_SECRET);
    if (weak) problems.push(`JWT_SECRET: too weak: ${weak}`);
  }
  for (const [i, key] of c.OPEN311_API_KEYS.split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .entries()) {
    if (key === DEMO_OPEN311_KEY)
      problems.push(`OPEN311_API_KEYS: the demo key "${DEMO_OPEN311_KEY}" is public (set keys, e.g. openssl rand -hex 16 each)`);
    else {
      const weak = weakSecretReason(key, ACCESS_KEY);
      if (weak) problems.push(`OPEN311_API_KEYS: key ${i + 1} is too weak: ${weak}`);
    }
  }
  if (c.NOTIFY_FAULT_PAUSE_AFTER_SEND_MS > 0) problems.push('NOTIFY_FAULT_PAUSE_AFTER_SEND_MS: a fault-test hook; must be unset (0)');
  if (c.DEMO_SEED === true) problems.push('DEMO_SEED: demo accounts share a published password; never in production');
  if (c.METRICS_TOKEN !== undefined) {
    const weak = weakSecretReason(c.METRICS_TOKEN, ACCESS_KEY);
    if (weak) problems.push(`METRICS_TOKEN: too weak: ${weak}`);
  }
  if (c.PUBLIC_BASE_URL === undefined)
    problems.push('PUBLIC_BASE_URL: must be set to the address the public uses (e.g. https://1022.tphcm.gov.vn)');
  return problems;
}

function isAddressOrSubnet(value: string): boolean {
  const [address, prefix, extra] = value.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

function isOrigin(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === value.replace(/\/$/, '');
  } catch {
    return false;
  }
}
