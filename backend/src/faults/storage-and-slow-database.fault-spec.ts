import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmdirSync } from 'node:fs';
import { open, rm, statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import sharp from 'sharp';
import { idleInTransaction, printFigures } from '../testing/faults/intake-checks';
import { FAULT_SCALE, FaultSystem, startFaultSystem } from '../testing/faults/fault-system';
import { BEN_THANH } from '../testing/places';

// Fault 6 (docs/reliability.md): the attachments disk full, and a database too slow to answer
// within the API's statement_timeout. Each gives a clear answer (507 / 503 with Retry-After, in
// Vietnamese and English) and leaves nothing half-written: no file, no upload row, no report,
// no idempotency record, no session idle in a transaction.

const STATEMENT_TIMEOUT_MS = 1000;

/** A 1 MB tmpfs to fill up (root only); null where mounting is not allowed. */
function mountTinyDisk(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'hcmc1022-fulldisk-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status === 0) return dir;
  rmdirSync(dir);
  return null;
}

/** Writes zeroes until the file system says ENOSPC; returns the filler's path. */
async function fill(dir: string): Promise<string> {
  const path = join(dir, 'filler');
  const handle = await open(path, 'w');
  const chunk = Buffer.alloc(4096);
  try {
    for (;;) await handle.write(chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    await handle.close();
  }
  return path;
}

const photo = () =>
  sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .toBuffer();

const disk = mountTinyDisk();
if (!disk) process.stdout.write('[fault] attachments disk full: skipped, mounting a tmpfs is not allowed here (it needs root)\n');

// One system for both (each start costs a cluster's initdb, migrations and seed): photos on the
// tiny disk where it can be mounted, and a short statement timeout.
describe(`attachments disk full, and a database slower than the statement timeout (${FAULT_SCALE} scale)`, () => {
  let system: FaultSystem;

  beforeAll(async () => {
    system = await startFaultSystem({
      storageDir: disk ?? undefined,
      env: { DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS) },
    });
  });
  afterAll(async () => {
    await system?.close();
    if (disk) {
      spawnSync('umount', [disk]);
      rmdirSync(disk);
    }
  });

  const upload = async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await photo())], { type: 'image/jpeg' }), 'photo.jpg');
    const res = await fetch(`${system.baseUrl}/api/v1/uploads`, { method: 'POST', body: form });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Record<string, unknown> };
  };

  (disk ? it : it.skip)(
    'answers 507 in Vietnamese and English, keeps no partial file or row, and works again once there is room',
    async () => {
      const before = await system.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM upload`);
      const filler = await fill(disk!);
      const { bavail } = await statfs(disk!);
      const full = await upload();
      const filesWhileFull = readdirSync(disk!, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile() && d.name !== 'filler')
        .map((d) => d.name);
      const after = await system.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM upload`);

      await rm(filler);
      const again = await upload();
      const report = await fetch(`${system.baseUrl}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ category: 'pothole', ...BEN_THANH, description: `Ổ gà có ảnh ${randomUUID()}`, photos: [again.body.id] }),
      });
      printFigures('fault 6: attachments disk full', {
        'free blocks when full': bavail,
        'upload while full': `${full.status} ${String(full.body.code)}`,
        'files left while full': filesWhileFull.length,
        'upload rows added while full': after[0].n - before[0].n,
        'upload with room again': again.status,
        'report with that photo': report.status,
      });

      expect(full.status).toBe(507);
      expect(full.body).toMatchObject({ code: 'attachments.storage_full', message: expect.any(String), messageVi: expect.any(String) });
      expect(full.retryAfter).not.toBeNull();
      expect(filesWhileFull).toEqual([]);
      expect(after[0].n).toBe(before[0].n);
      expect(again.status).toBe(201);
      expect(report.status).toBe(201);
      expect(system.unexpectedExits()).toEqual([]);
    },
  );

  const file = (description: string, key?: string) =>
    fetch(`${system.baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify({ category: 'pothole', ...BEN_THANH, description }),
      signal: AbortSignal.timeout(30_000),
    });

  it('answers 503 with Retry-After when a lock holds the write past the timeout, and writes nothing', async () => {
    // Another session holds the report table against inserts (as a long migration or a stuck
    // batch would) for three times the statement timeout.
    const locker = new Client({ connectionString: system.db.url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE report IN EXCLUSIVE MODE');
    const key = randomUUID();
    const withKey = `Ổ gà khi cơ sở dữ liệu chậm ${randomUUID()}`;
    const plain = `Ổ gà khi cơ sở dữ liệu chậm ${randomUUID()}`;
    const started = Date.now();
    const [a, b] = await Promise.all([file(withKey, key), file(plain)]);
    const answeredMs = Date.now() - started;
    const bodies = [(await a.json()) as Record<string, unknown>, (await b.json()) as Record<string, unknown>];
    const idleWhileLocked = await idleInTransaction(system.db);
    await locker.query('ROLLBACK');
    await locker.end();

    const stored = await system.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM report WHERE description = ANY($1)`, [
      [withKey, plain],
    ]);
    const keys = await system.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM idempotency_key WHERE key = $1`, [key]);
    // The client retries with its key once the database is fast again: one report.
    const retried = await file(withKey, key);
    const afterRetry = await system.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM report WHERE description = $1`, [withKey]);
    printFigures('fault 6: a statement past the statement timeout', {
      'statement timeout (ms)': STATEMENT_TIMEOUT_MS,
      answers: `${a.status} ${String(bodies[0].code)}, ${b.status} ${String(bodies[1].code)}`,
      'answered after (ms)': answeredMs,
      'reports written meanwhile': stored[0].n,
      'idle in transaction meanwhile': idleWhileLocked,
      'retry with the same key': retried.status,
    });

    for (const [res, body] of [
      [a, bodies[0]],
      [b, bodies[1]],
    ] as const) {
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).not.toBeNull();
      expect(body).toMatchObject({ code: 'database.timeout', message: expect.any(String), messageVi: expect.any(String) });
    }
    expect(answeredMs).toBeLessThan(STATEMENT_TIMEOUT_MS * 3);
    expect(stored[0].n).toBe(0);
    expect(keys[0].n).toBe(0);
    expect(idleWhileLocked).toBe(0);
    expect(retried.status).toBe(201);
    expect(afterRetry[0].n).toBe(1);
    expect(await idleInTransaction(system.db)).toBe(0);
    expect(system.unexpectedExits()).toEqual([]);
  });
});
