import Redis from 'ioredis';
import { spawn } from 'node:child_process';
import { createScratchDatabase, ScratchDatabase } from '../../testing/scratch-database';
import { TestRedisServer } from '../../testing/redis-server';
import { testConfig } from '../../testing/test-env';
import { WORKER_SCRIPT } from '../../testing/worker-stage';
import { refuseUnsafeSettings, UnsafeStartupError, REFUSED_EXIT_CODE } from './startup-checks';

/** Fault 5: the entry points refuse settings that would lose data later, naming each and its fix. */
describe('startup refuses unsafe settings (own PostgreSQL database and redis-server)', () => {
  // Each check opens its own connections (and waits up to 2 s for an absent Redis): more than jest's 5 s on a busy machine.
  jest.setTimeout(60_000);
  let db: ScratchDatabase;
  let redis: TestRedisServer;
  let client: Redis;

  beforeAll(async () => {
    [db, redis] = await Promise.all([createScratchDatabase({ migrate: true }), TestRedisServer.start()]);
    client = new Redis(redis.url);
  }, 60_000);
  afterAll(async () => {
    client?.disconnect();
    await redis?.stop();
    await db?.drop();
  });
  afterEach(async () => {
    await client.config('SET', 'maxmemory-policy', 'noeviction');
  });

  const config = () => testConfig({ DATABASE_URL: db.url, REDIS_URL: redis.url });
  const refusal = async () => {
    try {
      await refuseUnsafeSettings(config());
      return null;
    } catch (err) {
      if (err instanceof UnsafeStartupError) return err;
      throw err;
    }
  };

  it('starts on a migrated database and a noeviction Redis, quickly', async () => {
    const started = Date.now();
    expect(await refusal()).toBeNull();
    console.log(`startup checks took ${Date.now() - started} ms`);
  });

  it.each(['allkeys-lru', 'volatile-ttl', 'allkeys-random'])(
    'refuses Redis with maxmemory-policy %s, saying how to fix it',
    async (policy) => {
      await client.config('SET', 'maxmemory-policy', policy);
      const err = await refusal();
      expect(err?.unsafe).toEqual([
        expect.objectContaining({ setting: 'Redis maxmemory-policy', fix: expect.stringContaining('noeviction') }),
      ]);
      expect(err?.message).toContain(`"${policy}"`);
    },
  );

  it('refuses a schema that differs from the migrations (the drift test, at boot)', async () => {
    await db.dataSource.query('DROP INDEX ix_notification_sending');
    try {
      const err = await refusal();
      expect(err?.unsafe).toEqual([
        expect.objectContaining({
          setting: 'DATABASE_URL schema',
          problem: expect.stringMatching(/differs from what the migrations make/),
        }),
      ]);
      expect(err?.message).toContain('ix_notification_sending');
    } finally {
      await db.dataSource.query(`CREATE INDEX ix_notification_sending ON notification (sending_since) WHERE status = 'sending'`);
    }
  });

  it('refuses pending migrations, naming them', async () => {
    const [last] = await db.dataSource.query(`SELECT id, timestamp, name FROM schema_migrations ORDER BY timestamp DESC LIMIT 1`);
    await db.dataSource.query(`DELETE FROM schema_migrations WHERE id = $1`, [last.id]);
    try {
      const err = await refusal();
      expect(err?.unsafe).toEqual([
        expect.objectContaining({ problem: expect.stringContaining(last.name), fix: expect.stringContaining('migrate') }),
      ]);
    } finally {
      await db.dataSource.query(`INSERT INTO schema_migrations (timestamp, name) VALUES ($1, $2)`, [last.timestamp, last.name]);
    }
  });

  it('starts while Redis is away (a process must), without hanging', async () => {
    await redis.kill();
    try {
      expect(await refusal()).toBeNull();
    } finally {
      await redis.restart();
    }
  });

  it('makes the built worker exit with the message, before it takes any job', async () => {
    await client.config('SET', 'maxmemory-policy', 'allkeys-lru');
    const child = spawn(process.execPath, [WORKER_SCRIPT], {
      env: { ...process.env, NODE_OPTIONS: '', NODE_ENV: 'test', DATABASE_URL: db.url, REDIS_URL: redis.url, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(REFUSED_EXIT_CODE); // a supervisor does not start it again
    expect(output).toContain('Refusing to start');
    expect(output).toContain('Redis maxmemory-policy: is "allkeys-lru"');
    expect(output).not.toContain('worker started');
  }, 60_000);
});
