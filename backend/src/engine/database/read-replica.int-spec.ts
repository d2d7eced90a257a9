import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { tileOf } from '../../modules/maps/tile-grid';
import { runSeed } from '../../../../seed/src/run-seed';
import { forSuite } from '../../testing/for-suite';
import { createTestHttpApp } from '../../testing/http-app';
import { callApi, demoTokens } from '../../testing/http-client';
import { TestPostgresCluster } from '../../testing/faults/postgres-cluster';
import { freePort, waitFor } from '../../testing/ports';
import { deleteRedisKeys, setEnv } from '../../testing/process-env';
import { TEST_REDIS_URL, testConfig } from '../../testing/test-env';
import { createDataSource } from './data-source';
import { runMigrations } from './migrator';
import { READ_APPLICATION_NAME, READ_DATA_SOURCE, ReadReplica } from './read-replica';

// Chợ Bến Thành (Phường Bến Thành, ward 26743); z16 tiles hold one point per report.
const BEN_THANH = { lat: 10.7725, lng: 106.6981 };
const TILE = tileOf(16, BEN_THANH.lat, BEN_THANH.lng);
const REPLICA_SCRIPT = resolve(__dirname, '..', '..', '..', '..', 'scripts', 'replica.mjs');
const execFileAsync = promisify(execFile);
const QUEUE_PREFIX = `{hcmc1022replica${process.pid}}`;

async function sql<T>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Waits (bounded) until the replica has replayed everything the primary has written so far. */
async function caughtUp(cluster: TestPostgresCluster): Promise<void> {
  const [{ lsn }] = await sql<{ lsn: string }>(cluster.databaseUrl('hcmc1022'), `SELECT pg_current_wal_lsn()::text AS lsn`);
  for (let i = 0; i < 300; i++) {
    const [{ done }] = await sql<{ done: boolean }>(
      cluster.replicaUrl('hcmc1022'),
      `SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS done`,
      [lsn],
    );
    if (done) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the replica did not replay up to ${lsn} within 30 s`);
}

describe('a streaming replica behind DATABASE_READ_URL (private primary and replica in a temp dir)', () => {
  const suite = forSuite(
    async () => {
      const cluster = await TestPostgresCluster.start({ bare: true });
      try {
        await sql(cluster.databaseUrl(), `CREATE DATABASE hcmc1022`);
        const migrator = createDataSource(testConfig({ DATABASE_URL: cluster.databaseUrl('hcmc1022') }));
        await migrator.initialize();
        await runMigrations(migrator);
        await migrator.destroy();
        const pool = new Pool({ connectionString: cluster.databaseUrl('hcmc1022'), max: 2 });
        await runSeed(pool, { demo: true, reports: 200, log: () => undefined });
        await pool.end();

        const made = await cluster.startReplica();
        // Run again, the script finds its replica running and leaves it be.
        const again = await cluster.startReplica();
        await caughtUp(cluster);

        const restoreEnv = setEnv({
          DATABASE_URL: cluster.databaseUrl('hcmc1022'),
          DATABASE_READ_URL: cluster.replicaUrl('hcmc1022'),
          DATABASE_POOL_SIZE: '4',
          QUEUE_PREFIX,
          // Every tile is computed, so what it shows is what the replica holds.
          TILE_CACHE_SECONDS: '0',
        });
        try {
          const app = await createTestHttpApp();
          const tokens = await demoTokens(app, ['leader']);
          return { cluster, app, token: tokens.leader, restoreEnv, made, again };
        } catch (err) {
          restoreEnv();
          throw err;
        }
      } catch (err) {
        await cluster.destroy();
        throw err;
      }
    },
    async ({ cluster, app, restoreEnv }) => {
      await app.close();
      restoreEnv();
      await cluster.destroy();
      await deleteRedisKeys(TEST_REDIS_URL, QUEUE_PREFIX);
    },
    240_000,
  );
  const app = (): NestFastifyApplication => suite().app;
  const primary = () => suite().cluster.databaseUrl('hcmc1022');
  const replica = () => suite().cluster.replicaUrl('hcmc1022');

  const tileCodes = async (): Promise<string[]> => {
    const res = await app().inject({
      method: 'GET',
      url: `/api/v1/tiles/reports/${TILE.z}/${TILE.x}/${TILE.y}.mvt`,
      headers: { authorization: `Bearer ${suite().token}` },
    });
    expect(res.statusCode).toBe(200);
    const { VectorTile } = await esm('@mapbox/vector-tile');
    const { PbfReader } = await esm('pbf');
    const layer = new VectorTile(new PbfReader(res.rawPayload)).layers.points;
    return layer ? Array.from({ length: layer.length }, (_, i) => String(layer.feature(i).properties.code)) : [];
  };
  const received = async (): Promise<number> => {
    const res = await callApi(app(), 'GET', '/api/v1/insights/wards', suite().token);
    expect(res.status).toBe(200);
    return (res.body.wards as { received: number }[]).reduce((n, w) => n + w.received, 0);
  };
  const file = async () => {
    const res = await callApi(app(), 'POST', '/api/v1/reports', undefined, {
      category: 'pothole',
      ...BEN_THANH,
      description: `Ổ gà trước chợ ${randomUUID()}`,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; code: string };
  };

  it('the script made the replica once: the second run found it running', () => {
    expect(suite().made).toContain('base backup');
    expect(suite().again).toContain('already runs');
    expect(suite().again).not.toContain('base backup');
  });

  it.each([
    ['a directory of the system clusters', () => ['--dir', '/var/lib/postgresql/15/replica'], 'where system clusters live'],
    [
      'a port another server listens on',
      () => ['--dir', join(suite().cluster.directory, 'other'), '--port', String(suite().cluster.port)],
      'is taken',
    ],
    ['a non-empty directory it did not make', () => ['--dir', suite().cluster.directory], 'not empty and not a replica'],
  ])('the script refuses %s', async (_name, args, message) => {
    const run = execFileAsync(process.execPath, [REPLICA_SCRIPT, '--primary', suite().cluster.databaseUrl(), ...args()]);
    await expect(run).rejects.toMatchObject({ stderr: expect.stringContaining(message) });
  });

  it('reads tiles and the leaders’ figures from the replica, in read-only transactions', async () => {
    await tileCodes();
    await received();
    const onReplica = await sql<{ n: number }>(
      replica(),
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = 'hcmc1022'`,
      [READ_APPLICATION_NAME],
    );
    expect(onReplica[0].n).toBeGreaterThan(0);
    const onPrimary = await sql<{ n: number }>(primary(), `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1`, [
      READ_APPLICATION_NAME,
    ]);
    expect(onPrimary[0].n).toBe(0);
    const read = app().get<DataSource>(READ_DATA_SOURCE);
    await expect(read.query(`SHOW default_transaction_read_only`)).resolves.toEqual([{ default_transaction_read_only: 'on' }]);
  });

  it('files on the primary while replay is paused; maps and figures show the report only once the replica replays it, and the lag shows meanwhile', async () => {
    const [tileBefore, countBefore] = [await tileCodes(), await received()];
    await sql(replica(), `SELECT pg_wal_replay_pause()`);
    try {
      const report = await file();
      // The write went to the primary, which staff reads (their own write) still see at once.
      const own = await callApi(app(), 'GET', `/api/v1/reports/${report.id}`, suite().token);
      expect(own.status).toBe(200);
      expect(own.body.code).toBe(report.code);

      expect(await tileCodes()).not.toContain(report.code);
      expect(await tileCodes()).toEqual(tileBefore);
      expect(await received()).toBe(countBefore);
      // Something to replay is waiting: time since the last replayed transaction, bytes behind.
      const lag = await callApi(app(), 'GET', '/api/v1/insights/map-data-lag', suite().token);
      expect(lag.status).toBe(200);
      expect(lag.body.replica).toBe(true);
      expect(lag.body.seconds).toBeGreaterThan(0);
      expect(lag.body.bytes).toBeGreaterThan(0);
      // A tile made now predates the report: the tile cache must not keep it (TileGenerations).
      const [{ wal }] = await sql<{ wal: string }>(primary(), `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint::text AS wal`);
      await expect(app().get(ReadReplica).hasReplayed(Number(wal))).resolves.toBe(false);

      await sql(replica(), `SELECT pg_wal_replay_resume()`);
      await caughtUp(suite().cluster);
      expect(await tileCodes()).toContain(report.code);
      expect(await received()).toBe(countBefore + 1);
      // Caught up, the lag reads zero — once any record the primary wrote meanwhile on its own (a
      // standby snapshot every 15 s) has been replayed too: a bounded wait, not one reading.
      let after: unknown = null;
      await waitFor(
        'the lag to read zero',
        async () => {
          after = (await callApi(app(), 'GET', '/api/v1/insights/map-data-lag', suite().token)).body;
          return JSON.stringify(after) === JSON.stringify({ replica: true, seconds: 0, bytes: 0 });
        },
        30_000,
      ).catch(() => undefined);
      expect(after).toEqual({ replica: true, seconds: 0, bytes: 0 });
      await expect(app().get(ReadReplica).hasReplayed(Number(wal))).resolves.toBe(true);
    } finally {
      await sql(replica(), `SELECT pg_wal_replay_resume()`);
    }
  });

  it('reads the primary while the replica is away, and the replica again once the script has restarted it', async () => {
    const reads = app().get(ReadReplica);
    await suite().cluster.stopReplica();
    await expect(reads.probe()).resolves.toBe(false);

    const report = await file();
    // The primary is current: the report is on the map at once, and nothing is behind.
    expect(await tileCodes()).toContain(report.code);
    expect((await callApi(app(), 'GET', '/api/v1/insights/map-data-lag', suite().token)).body).toEqual({ replica: false });

    const restarted = await suite().cluster.startReplica();
    expect(restarted).toContain('starting the replica');
    expect(restarted).not.toContain('base backup');
    // Dead pooled connections fail one probe each before a new one answers.
    let back = false;
    for (let i = 0; i < 10 && !back; i++) back = await reads.probe();
    expect(back).toBe(true);
    await caughtUp(suite().cluster);
    expect(await tileCodes()).toContain(report.code);
    expect((await callApi(app(), 'GET', '/api/v1/insights/map-data-lag', suite().token)).body).toEqual({
      replica: true,
      seconds: 0,
      bytes: 0,
    });
  });
});

describe('DATABASE_READ_URL on a server that does not answer', () => {
  const suite = forSuite(
    async () => {
      const restoreEnv = setEnv({ DATABASE_READ_URL: `postgres://postgres@127.0.0.1:${await freePort()}/hcmc1022` });
      try {
        return { app: await createTestHttpApp(), restoreEnv };
      } catch (err) {
        restoreEnv();
        throw err;
      }
    },
    async ({ app, restoreEnv }) => {
      await app.close();
      restoreEnv();
    },
  );

  it('boots on the primary alone, and maps and figures read the primary', async () => {
    const { app } = suite();
    expect(app.get(ReadReplica).used).toBe(false);
    const { leader } = await demoTokens(app, ['leader']);
    const t = tileOf(12, BEN_THANH.lat, BEN_THANH.lng);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/v1/tiles/reports/${t.z}/${t.x}/${t.y}.mvt`,
          headers: { authorization: `Bearer ${leader}` },
        })
      ).statusCode,
    ).toBe(200);
    expect((await callApi(app, 'GET', '/api/v1/insights/map-data-lag', leader)).body).toEqual({ replica: false });
  });
});

// swc compiles `import()` to `require()`, which cannot load these ESM-only packages; eval keeps a real dynamic import.
const esm = (name: string): Promise<any> => eval(`import(${JSON.stringify(name)})`);
