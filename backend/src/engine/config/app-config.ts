import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  // Which proxies may set X-Forwarded-For (Fastify's trustProxy): by default only private
  // networks, where the load balancer lives; a client on the internet cannot fake its address.
  TRUST_PROXY: z.string().default('loopback,linklocal,uniquelocal'),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/hcmc1022'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379/0'),
  // BullMQ keys live under this prefix; the braces make it a Redis Cluster hash tag.
  QUEUE_PREFIX: z.string().default('{hcmc1022}'),
  STORAGE_DIR: z.string().default('var/storage'),
  WEB_DIR: z.string().default(''),
  JWT_SECRET: z.string().min(16).default('local-dev-secret-change-me-in-production'),
  // Access tokens are short: the session behind each (SESSION_*) is what a sign-in keeps.
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(15 * 60),
  OPEN311_API_KEYS: z.string().default('demo-open311-key'),
  DEMO_SEED: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_THROTTLE_LIMIT: z.coerce.number().int().min(1).default(10),
  LOGIN_THROTTLE_TTL_SECONDS: z.coerce.number().int().min(1).default(60),
  // Photo uploads are public and cost a re-encode each: a citizen sends a handful per report,
  // so 30 per address in 10 minutes leaves room for a family behind one NAT but not for a flood.
  UPLOAD_THROTTLE_LIMIT: z.coerce.number().int().min(1).default(30),
  UPLOAD_THROTTLE_TTL_SECONDS: z.coerce.number().int().min(1).default(600),
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
  // Map tiles stay cached this long unless their region changes first; 0 turns the cache off.
  TILE_CACHE_SECONDS: z.coerce.number().int().min(0).default(600),
  // The worker keeps the map's density aggregates current; off only to measure what it costs.
  MAP_AGGREGATOR: bool.default(true),
  // Staff sessions (issue 14, finding 3). A session ends SESSION_MAX_AGE_SECONDS after sign-in
  // (a long shift), or when it was not refreshed for SESSION_IDLE_SECONDS. Each API process
  // takes a session's state as at most SESSION_CHECK_SECONDS old (Redis holds it as long), so a
  // revocation is felt everywhere within twice that (invariant 7: a minute). With Redis and
  // PostgreSQL both away, the last state known is used for SESSION_STALE_SECONDS, then 503.
  SESSION_MAX_AGE_SECONDS: z.coerce.number().int().min(300).default(12 * 3600),
  SESSION_IDLE_SECONDS: z.coerce.number().int().min(300).default(2 * 3600),
  SESSION_CHECK_SECONDS: z.coerce.number().int().min(1).max(30).default(30),
  SESSION_STALE_SECONDS: z.coerce.number().int().min(0).max(3600).default(300),
  // Roles whose accounts must sign in with a second factor (TOTP), comma-separated; "none" for
  // none. Unset: admin and leader in production, none elsewhere. Demo accounts are exempt.
  MFA_REQUIRED_ROLES: z
    .string()
    .transform((v) => (v.trim() === 'none' ? [] : v.split(',').map((r) => r.trim()).filter(Boolean)))
    .pipe(z.array(z.enum(['operator', 'ward_official', 'department_official', 'leader', 'admin'])))
    .optional(),
});

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  http: { host: string; port: number; trustProxy: string[] };
  database: { url: string; poolSize: number };
  redis: { url: string; queuePrefix: string };
  storageDir: string;
  webDir: string;
  auth: { jwtSecret: string; jwtTtlSeconds: number; loginLimit: number; loginTtlSeconds: number };
  open311ApiKeys: string[];
  demoSeed: boolean;
  logLevel: string;
  uploads: { throttleLimit: number; throttleTtlSeconds: number };
  notifications: {
    emailDriver: 'recording' | 'smtp';
    smtpUrl: string | null;
    smtpFrom: string;
    publicBaseUrl: string;
    deliveryEveryMs: number;
    batchSize: number;
    maxAttempts: number;
    retryBaseMs: number;
  };
  maps: { tileCacheSeconds: number; aggregator: boolean };
  sessions: { maxAgeSeconds: number; idleSeconds: number; checkSeconds: number; staleSeconds: number; mfaRequiredRoles: string[] };
}

export class ConfigError extends Error {}

/** Validates the environment once; the only place that reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(defined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production' && c.JWT_SECRET.startsWith('local-dev-secret')) {
    throw new ConfigError('Invalid configuration:\n  JWT_SECRET: must be set in production');
  }
  if (c.NODE_ENV === 'production' && c.OPEN311_API_KEYS.split(',').some((k) => k.trim() === 'demo-open311-key')) {
    throw new ConfigError('Invalid configuration:\n  OPEN311_API_KEYS: the demo key is not allowed in production');
  }
  if (c.NOTIFY_EMAIL_DRIVER === 'smtp' && !c.SMTP_URL) {
    throw new ConfigError('Invalid configuration:\n  SMTP_URL: required when NOTIFY_EMAIL_DRIVER=smtp');
  }
  return {
    env: c.NODE_ENV,
    http: { host: c.HOST, port: c.PORT, trustProxy: c.TRUST_PROXY.split(',').map((p) => p.trim()).filter(Boolean) },
    database: { url: c.DATABASE_URL, poolSize: c.DATABASE_POOL_SIZE },
    redis: { url: c.REDIS_URL, queuePrefix: c.QUEUE_PREFIX },
    storageDir: c.STORAGE_DIR,
    webDir: c.WEB_DIR,
    auth: {
      jwtSecret: c.JWT_SECRET,
      jwtTtlSeconds: c.JWT_TTL_SECONDS,
      loginLimit: c.LOGIN_THROTTLE_LIMIT,
      loginTtlSeconds: c.LOGIN_THROTTLE_TTL_SECONDS,
    },
    open311ApiKeys: c.OPEN311_API_KEYS.split(',').map((k) => k.trim()).filter(Boolean),
    demoSeed: c.NODE_ENV === 'production' ? false : c.DEMO_SEED,
    logLevel: c.LOG_LEVEL,
    uploads: { throttleLimit: c.UPLOAD_THROTTLE_LIMIT, throttleTtlSeconds: c.UPLOAD_THROTTLE_TTL_SECONDS },
    notifications: {
      emailDriver: c.NOTIFY_EMAIL_DRIVER,
      smtpUrl: c.SMTP_URL ?? null,
      smtpFrom: c.SMTP_FROM,
      publicBaseUrl: c.NOTIFY_PUBLIC_BASE_URL.replace(/\/+$/, ''),
      deliveryEveryMs: c.NOTIFY_DELIVERY_EVERY_MS,
      batchSize: c.NOTIFY_BATCH_SIZE,
      maxAttempts: c.NOTIFY_MAX_ATTEMPTS,
      retryBaseMs: c.NOTIFY_RETRY_BASE_MS,
    },
    maps: { tileCacheSeconds: c.TILE_CACHE_SECONDS, aggregator: c.MAP_AGGREGATOR },
    sessions: {
      maxAgeSeconds: c.SESSION_MAX_AGE_SECONDS,
      idleSeconds: c.SESSION_IDLE_SECONDS,
      checkSeconds: c.SESSION_CHECK_SECONDS,
      staleSeconds: c.SESSION_STALE_SECONDS,
      mfaRequiredRoles: c.MFA_REQUIRED_ROLES ?? (c.NODE_ENV === 'production' ? ['admin', 'leader'] : []),
    },
  };
}
