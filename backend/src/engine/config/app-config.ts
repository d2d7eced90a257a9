import { z } from 'zod';
import { parsePolicy, PolicyName, RateLimitPolicy } from '../rate-limit/rate-limit-policy';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

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
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  // Which proxies may set X-Forwarded-For (Fastify's trustProxy): addresses or CIDRs of the load
  // balancers, comma-separated. None by default: any other host on a private network (another
  // container, a compromised machine) could otherwise name its own client address and dodge limits.
  TRUST_PROXY: z.string().default(''),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/hcmc1022'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379/0'),
  // BullMQ keys live under this prefix; the braces make it a Redis Cluster hash tag.
  QUEUE_PREFIX: z.string().default('{hcmc1022}'),
  STORAGE_DIR: z.string().default('var/storage'),
  WEB_DIR: z.string().default(''),
  JWT_SECRET: z.string().min(16).default('local-dev-secret-change-me-in-production'),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).default(8 * 3600),
  OPEN311_API_KEYS: z.string().default('demo-open311-key'),
  DEMO_SEED: bool.default(true),
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
  // Map tiles stay cached this long unless their region changes first; 0 turns the cache off.
  TILE_CACHE_SECONDS: z.coerce.number().int().min(0).default(600),
  // The worker keeps the map's density aggregates current; off only to measure what it costs.
  MAP_AGGREGATOR: bool.default(true),
});

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  http: { host: string; port: number; trustProxy: string[] };
  database: { url: string; poolSize: number };
  redis: { url: string; queuePrefix: string };
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
  };
  maps: { tileCacheSeconds: number; aggregator: boolean };
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
    auth: { jwtSecret: c.JWT_SECRET, jwtTtlSeconds: c.JWT_TTL_SECONDS },
    open311ApiKeys: c.OPEN311_API_KEYS.split(',').map((k) => k.trim()).filter(Boolean),
    demoSeed: c.NODE_ENV === 'production' ? false : c.DEMO_SEED,
    logLevel: c.LOG_LEVEL,
    rateLimits: {
      policies: {
        filing: c.RATE_LIMIT_FILING,
        upload: c.RATE_LIMIT_UPLOAD,
        citizenAction: c.RATE_LIMIT_CITIZEN_ACTION,
        tracking: c.RATE_LIMIT_TRACKING,
        open311Post: c.RATE_LIMIT_OPEN311_POST,
        login: c.RATE_LIMIT_LOGIN,
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
      publicBaseUrl: c.NOTIFY_PUBLIC_BASE_URL.replace(/\/+$/, ''),
      deliveryEveryMs: c.NOTIFY_DELIVERY_EVERY_MS,
      batchSize: c.NOTIFY_BATCH_SIZE,
      maxAttempts: c.NOTIFY_MAX_ATTEMPTS,
      retryBaseMs: c.NOTIFY_RETRY_BASE_MS,
    },
    maps: { tileCacheSeconds: c.TILE_CACHE_SECONDS, aggregator: c.MAP_AGGREGATOR },
  };
}
