import { parse } from 'csv-parse/sync';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { runSeed } from '../../../../../seed/src/run-seed';
import { createScratchDatabase, ScratchDatabase } from '../../../testing/scratch-database';
import { GeoRepository } from '../../geo/geo.repository';
import { TRACKING_CODE_PATTERN } from '../tracking-code';
import { ImportRepository } from './import.repository';
import { ImportOptions, ImportService } from './import.service';
import { ImportException } from './import.exception';
import { forSuite } from '../../../testing/for-suite';

const NOW = new Date('2025-11-01T00:00:00Z');
const HEADER = 'external_id,category,lat,lng,description,address,created_at,status,closed_at,channel';
// Landmarks and the current unit each lies in (seed/src/seed.integration.spec.ts).
const BEN_THANH = { lat: 10.7725, lng: 106.6981, ward: 'Phường Bến Thành' };
const DUC_BA = { lat: 10.7798, lng: 106.699, ward: 'Phường Sài Gòn' };
const BINH_TAY = { lat: 10.7497, lng: 106.651, ward: 'Phường Bình Tây' };
const HANOI = { lat: 21.0285, lng: 105.8542 };

interface SeededImport {
  db: ScratchDatabase;
  pool: Pool;
  service: ImportService;
  dir: string;
}

/** A migrated scratch database with the reference seed, the service on it, and a folder for the files. */
async function openSeededImport(): Promise<SeededImport> {
  const db = await createScratchDatabase({ migrate: true });
  const pool = new Pool({ connectionString: db.url, max: 2 });
  await runSeed(pool, { reports: 0, demo: false, log: () => undefined });
  const service = new ImportService(new ImportRepository(db.dataSource));
  const dir = await mkdtemp(join(tmpdir(), 'hcmc1022-import-'));
  return { db, pool, service, dir };
}

async function closeSeededImport({ db, pool, dir }: SeededImport): Promise<void> {
  await pool.end();
  await db.drop();
  await rm(dir, { recursive: true, force: true });
}

describe('bulk import (real PostgreSQL + PostGIS, scratch database with the reference seed)', () => {
  const seeded = forSuite(openSeededImport, closeSeededImport, 120_000);
  let n = 0;

  const rows = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await seeded().pool.query(sql, params)).rows as T[];
  const file = async (name: string, content: string) => {
    const path = join(seeded().dir, `${++n}-${name}`);
    await writeFile(path, content);
    return path;
  };
  const run = (path: string, options: Partial<ImportOptions> = {}) =>
    seeded().service.importFile(path, { format: 'csv', now: NOW, ...options });
  const reportsOf = (prefix: string) =>
    rows<{ external_id: string; status: string; ward: string; channel: string; priority: string; default_priority: string; code: string }>(
      `SELECT r.attributes ->> 'external_id' AS external_id, r.status::text, a.name AS ward, r.channel::text, r.priority::text,
              c.default_priority::text, r.code
         FROM report r JOIN admin_unit a ON a.id = r.admin_unit_id JOIN category c ON c.id = r.category_id
        WHERE r.attributes ->> 'external_id' LIKE $1 ORDER BY 1`,
      [`${prefix}%`],
    );
  const csvLine = (...fields: (string | number)[]) =>
    fields.map((f) => (/[",\n]/.test(String(f)) ? `"${String(f).replace(/"/g, '""')}"` : f)).join(',');

  it('imports the good rows of a CSV into the right wards and writes the bad ones, with their reasons, beside it', async () => {
    const p = 'mixed-';
    const path = await file(
      'mixed.csv',
      [
        HEADER,
        csvLine(
          `${p}1`,
          'pothole',
          BEN_THANH.lat,
          BEN_THANH.lng,
          'Ổ gà lớn giữa đường',
          'Chợ Bến Thành',
          '2024-03-05T23:30:00+07:00',
          'closed',
          '2024-03-07T10:00:00+07:00',
          'phone',
        ),
        csvLine(
          `${p}2`,
          'garbage',
          DUC_BA.lat,
          DUC_BA.lng,
          'Rác, "nhiều" ngày\nchưa thu',
          '',
          '2024-03-06T08:00:00+07:00',
          'open',
          '',
          'web',
        ),
        csvLine(`${p}3`, 'street-light', BINH_TAY.lat, BINH_TAY.lng, 'Đèn đường hỏng', '', '2024-03-06T01:00:00Z', 'resolved', '', 'app'),
        csvLine(`${p}4`, 'flooding', BEN_THANH.lat, BEN_THANH.lng, 'Ngập sâu', '', '2024-03-06T01:00:00Z', 'in_progress', '', ''),
        csvLine(`${p}5`, 'no-such-thing', DUC_BA.lat, DUC_BA.lng, 'Không rõ', '', '2024-03-06T08:00:00+07:00', 'open', '', 'web'),
        csvLine(`${p}6`, 'garbage', HANOI.lat, HANOI.lng, 'Hà Nội', '', '2024-03-06T08:00:00+07:00', 'open', '', 'web'),
        csvLine(`${p}7`, 'garbage', DUC_BA.lat, DUC_BA.lng, 'Ngày sai', '', '05/03/2024 08:00', 'open', '', 'web'),
        csvLine(`${p}8`, 'garbage', DUC_BA.lat, DUC_BA.lng, '', '', '2024-03-06T08:00:00+07:00', 'open', '', 'web'),
        csvLine(
          `${p}9`,
          'garbage',
          DUC_BA.lat,
          DUC_BA.lng,
          'Đóng trước khi mở',
          '',
          '2024-03-06T08:00:00+07:00',
          'closed',
          '2024-03-01T08:00:00+07:00',
          'web',
        ),
        csvLine(`${p}10`, 'garbage', DUC_BA.lat, DUC_BA.lng, 'Gộp', '', '2024-03-06T08:00:00+07:00', 'merged', '', 'web'),
        csvLine(`${p}11`, 'garbage', 'mười', DUC_BA.lng, 'Toạ độ chữ', '', '2024-03-06T08:00:00+07:00', 'open', '', 'web'),
        `${p}12,garbage,10.7798,106.699,thừa cột,,2024-03-06T08:00:00+07:00,open,,web,extra`,
      ].join('\n') + '\n',
    );

    const summary = await run(path);

    expect(summary).toMatchObject({ read: 12, imported: 4, open: 2, skipped: 0, rejected: 8, rejectedFile: `${path}.rejected.csv` });
    expect(summary.rejectedByKind).toEqual({
      unknown_category: 1,
      outside_city: 1,
      bad_date: 2,
      missing_field: 1,
      bad_status: 1,
      bad_coordinate: 1,
      malformed: 1,
    });
    expect(await reportsOf(p)).toEqual([
      expect.objectContaining({ external_id: `${p}1`, status: 'closed', ward: BEN_THANH.ward }),
      expect.objectContaining({ external_id: `${p}2`, status: 'new', ward: DUC_BA.ward }),
      expect.objectContaining({ external_id: `${p}3`, status: 'resolved', ward: BINH_TAY.ward }),
      expect.objectContaining({ external_id: `${p}4`, status: 'new', ward: BEN_THANH.ward }),
    ]);
    for (const r of await reportsOf(p)) {
      expect(r.channel).toBe('import');
      expect(r.priority).toBe(r.default_priority);
      expect(r.code).toMatch(TRACKING_CODE_PATTERN);
    }
    const [kept] = await rows<{ description: string }>(`SELECT description FROM report WHERE attributes ->> 'external_id' = $1`, [`${p}2`]);
    expect(kept.description).toBe('Rác, "nhiều" ngày\nchưa thu');

    // Only the open ones are routed; historical closed reports need no routing.
    const outbox = await rows<{ external_id: string }>(
      `SELECT r.attributes ->> 'external_id' AS external_id FROM outbox o JOIN report r ON r.id::text = o.aggregate_id
        WHERE o.topic = 'report.created' AND r.attributes ->> 'external_id' LIKE $1 ORDER BY 1`,
      [`${p}%`],
    );
    expect(outbox.map((o) => o.external_id)).toEqual([`${p}2`, `${p}4`]);

    const rejected: Record<string, string>[] = parse(await readFile(`${path}.rejected.csv`), { columns: true });
    const reasons = Object.fromEntries(rejected.filter((r) => r.external_id).map((r) => [r.external_id, r.reason]));
    expect(reasons).toEqual({
      [`${p}5`]: 'unknown category "no-such-thing"',
      [`${p}6`]: expect.stringMatching(/^outside the city: no current ward contains 21.0285, 105.8542/),
      [`${p}7`]: expect.stringMatching(/^bad date: created_at "05\/03\/2024 08:00" is not ISO 8601 with an offset/),
      [`${p}8`]: 'missing field: description',
      [`${p}9`]: expect.stringMatching(/^bad date: closed_at .* is before created_at/),
      [`${p}10`]: expect.stringMatching(/^bad status: merged/),
      [`${p}11`]: 'bad coordinate: lat "mười" is not a latitude',
    });
    const malformed = rejected.find((r) => !r.external_id)!;
    // Rows are file lines: the quoted line break of ${p}2 moves the later ones down by one.
    expect(malformed).toMatchObject({ row: '14', reason: expect.stringMatching(/^malformed record: .*columns/i) });
    expect(rejected.find((r) => r.external_id === `${p}7`)).toMatchObject({
      row: '9',
      created_at: '05/03/2024 08:00',
      category: 'garbage',
    });
    // The rejected file keeps the import's columns: fixed, it imports as it is.
    expect(Object.keys(rejected[0])).toEqual(['row', 'reason', ...HEADER.split(',')]);
  });

  it('writes the timeline: created at the file date, the end at its date, or at import time marked dateUnknown', async () => {
    const p = 'timeline-';
    const path = await file(
      'timeline.csv',
      [
        HEADER,
        csvLine(
          `${p}closed`,
          'pothole',
          BEN_THANH.lat,
          BEN_THANH.lng,
          'Ổ gà',
          '',
          '2024-03-05T23:30:00.123456+07:00',
          'closed',
          '2024-03-07T10:00:00+07:00',
          'phone',
        ),
        csvLine(`${p}resolved`, 'pothole', BEN_THANH.lat, BEN_THANH.lng, 'Ổ gà', '', '2024-03-05T10:00:00Z', 'resolved', '', 'zalo'),
        csvLine(
          `${p}rejected`,
          'pothole',
          BEN_THANH.lat,
          BEN_THANH.lng,
          'Ổ gà',
          '',
          '2024-03-05T10:00:00Z',
          'rejected',
          '2024-03-05T11:00:00Z',
          '',
        ),
        csvLine(`${p}open`, 'pothole', BEN_THANH.lat, BEN_THANH.lng, 'Ổ gà', '', '2024-03-05T10:00:00Z', 'open', '', ''),
      ].join('\n'),
    );
    expect(await run(path)).toMatchObject({ imported: 4, rejected: 0 });

    const reports = await rows(
      `SELECT attributes ->> 'external_id' AS id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS created,
              resolved_at, closed_at, updated_at, version, status::text, substr(code, 5, 6) AS code_day
         FROM report WHERE attributes ->> 'external_id' LIKE $1 ORDER BY 1`,
      [`${p}%`],
    );
    expect(reports).toEqual([
      {
        id: `${p}closed`,
        created: '2024-03-05 16:30:00.123456',
        code_day: '240305',
        status: 'closed',
        version: 2,
        resolved_at: new Date('2024-03-07T03:00:00Z'),
        closed_at: new Date('2024-03-07T03:00:00Z'),
        updated_at: new Date('2024-03-07T03:00:00Z'),
      },
      {
        id: `${p}open`,
        created: '2024-03-05 10:00:00.000000',
        code_day: '240305',
        status: 'new',
        version: 1,
        resolved_at: null,
        closed_at: null,
        updated_at: new Date('2024-03-05T10:00:00Z'),
      },
      {
        id: `${p}rejected`,
        created: '2024-03-05 10:00:00.000000',
        code_day: '240305',
        status: 'rejected',
        version: 2,
        resolved_at: null,
        closed_at: null,
        updated_at: new Date('2024-03-05T11:00:00Z'),
      },
      {
        id: `${p}resolved`,
        created: '2024-03-05 10:00:00.000000',
        code_day: '240305',
        status: 'resolved',
        version: 2,
        resolved_at: null,
        closed_at: null,
        updated_at: NOW,
      },
    ]);

    const events = await rows(
      `SELECT r.attributes ->> 'external_id' AS id, e.type, e.from_status::text AS "from", e.to_status::text AS "to", e.created_at AS at, e.data, e.is_public
         FROM report_event e JOIN report r ON r.id = e.report_id WHERE r.attributes ->> 'external_id' LIKE $1 ORDER BY 1, e.id`,
      [`${p}%`],
    );
    const created = (id: string, at: Date, sourceStatus: string, sourceChannel?: string) => ({
      id: `${p}${id}`,
      type: 'created',
      from: null,
      to: 'new',
      at,
      is_public: true,
      data: { channel: 'import', externalId: `${p}${id}`, sourceStatus, ...(sourceChannel ? { sourceChannel } : {}) },
    });
    expect(events).toEqual([
      created('closed', new Date('2024-03-05T16:30:00.123Z'), 'closed', 'phone'),
      {
        id: `${p}closed`,
        type: 'closed',
        from: 'new',
        to: 'closed',
        at: new Date('2024-03-07T03:00:00Z'),
        is_public: true,
        data: { imported: true },
      },
      created('open', new Date('2024-03-05T10:00:00Z'), 'open'),
      created('rejected', new Date('2024-03-05T10:00:00Z'), 'rejected'),
      {
        id: `${p}rejected`,
        type: 'rejected',
        from: 'new',
        to: 'rejected',
        at: new Date('2024-03-05T11:00:00Z'),
        is_public: true,
        data: { imported: true },
      },
      created('resolved', new Date('2024-03-05T10:00:00Z'), 'resolved', 'zalo'),
      {
        id: `${p}resolved`,
        type: 'resolved',
        from: 'new',
        to: 'resolved',
        at: NOW,
        is_public: true,
        data: { imported: true, dateUnknown: true },
      },
    ]);
  });

  it('reads Open311 GeoReport v2 JSON', async () => {
    const p = 'o311-';
    const request = (id: string | number, extra: Record<string, unknown>) => ({
      service_request_id: id,
      service_code: 'garbage',
      lat: DUC_BA.lat,
      long: DUC_BA.lng,
      description: 'Rác không được thu gom',
      address: '1 Công xã Paris',
      requested_datetime: '2024-01-02T08:00:00+07:00',
      updated_datetime: '2024-01-03T08:00:00+07:00',
      status: 'closed',
      ...extra,
    });
    const path = await file(
      'requests.json',
      JSON.stringify([
        request(`${p}1`, {}),
        request(`${p}2`, { status: 'open' }),
        request(`${p}3`, { service_code: 'potholes-nyc' }),
        request(`${p}4`, { lat: '10.7725', long: '106.6981', requested_datetime: 'Tue Jan 2 2024' }),
        request(`${p}5`, { lat: '10.7725', long: '106.6981', status: 'closed', updated_datetime: undefined }),
      ]),
    );

    const summary = await run(path, { format: 'open311' });

    expect(summary).toMatchObject({ read: 5, imported: 3, open: 1, rejected: 2, rejectedByKind: { unknown_category: 1, bad_date: 1 } });
    expect((await reportsOf(p)).map((r) => [r.external_id, r.status, r.ward])).toEqual([
      [`${p}1`, 'closed', DUC_BA.ward],
      [`${p}2`, 'new', DUC_BA.ward],
      [`${p}5`, 'closed', BEN_THANH.ward],
    ]);
    const [closed] = await rows(`SELECT closed_at, address FROM report WHERE attributes ->> 'external_id' = $1`, [`${p}1`]);
    expect(closed).toEqual({ closed_at: new Date('2024-01-03T01:00:00Z'), address: '1 Công xã Paris' });
    const rejected: Record<string, string>[] = parse(await readFile(`${path}.rejected.csv`), { columns: true });
    expect(rejected.map((r) => [r.row, r.external_id, r.channel])).toEqual(
      expect.arrayContaining([
        ['3', `${p}3`, 'open311'],
        ['4', `${p}4`, 'open311'],
      ]),
    );
  });

  it('imports nothing the second time, in any batching, with ids repeated within and across batches', async () => {
    const p = 'twice-';
    const ids = [1, 2, 3, 2, 4, 5, 6, 1, 7, 8, 9, 10, 3];
    const path = await file(
      'twice.csv',
      [
        HEADER,
        ...ids.map((i) =>
          csvLine(
            `${p}${i}`,
            'noise',
            DUC_BA.lat,
            DUC_BA.lng,
            `Ồn ${i}`,
            '',
            '2024-05-01T22:00:00+07:00',
            i % 2 ? 'closed' : 'open',
            i % 2 ? '2024-05-02T08:00:00+07:00' : '',
            'phone',
          ),
        ),
      ].join('\n'),
    );
    const counts = async () =>
      (
        await rows<{ reports: number; events: number; outbox: number }>(
          `SELECT count(DISTINCT r.id)::int AS reports, count(e.id)::int AS events,
                (SELECT count(*)::int FROM outbox o JOIN report x ON x.id::text = o.aggregate_id WHERE x.attributes ->> 'external_id' LIKE $1) AS outbox
           FROM report r JOIN report_event e ON e.report_id = r.id WHERE r.attributes ->> 'external_id' LIKE $1`,
          [`${p}%`],
        )
      )[0];

    const first = await run(path, { batchSize: 3, concurrency: 2 });
    expect(first).toMatchObject({ read: 13, imported: 10, skipped: 3, rejected: 0 });
    expect(await counts()).toEqual({ reports: 10, events: 15, outbox: 5 });

    const again = await run(path, { batchSize: 4 });
    expect(again).toMatchObject({ read: 13, imported: 0, skipped: 13, rejected: 0 });
    const once = await run(path);
    expect(once).toMatchObject({ imported: 0, skipped: 13 });
    expect(await counts()).toEqual({ reports: 10, events: 15, outbox: 5 });
    expect(existsSync(`${path}.rejected.csv`)).toBe(false);
  });

  it('wakes the outbox relay after each batch that has open reports, and only then', async () => {
    const listener = await seeded().pool.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.channel));
    try {
      await listener.query('LISTEN outbox');
      const p = 'notify-';
      const line = (i: number, status: string, closed: string) =>
        csvLine(`${p}${i}`, 'pothole', BEN_THANH.lat, BEN_THANH.lng, 'Ổ gà', '', '2024-03-05T10:00:00Z', status, closed, '');
      const ended = await file(
        'ended.csv',
        [HEADER, line(1, 'closed', '2024-03-06T10:00:00Z'), line(2, 'closed', '2024-03-06T10:00:00Z')].join('\n'),
      );
      await run(ended);
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toEqual([]);
      const open = await file(
        'open.csv',
        [HEADER, line(3, 'open', ''), line(4, 'closed', '2024-03-06T10:00:00Z'), line(5, 'open', '')].join('\n'),
      );
      await run(open, { batchSize: 2, concurrency: 1 });
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toEqual(['outbox', 'outbox']);
    } finally {
      await listener.query('UNLISTEN *');
      listener.release();
    }
  });

  it('finds wards by the intake rule, the nearest within 100 m for points in the slivers between units', async () => {
    const p = 'edge-';
    // Points 60 m off the units' vertices in four directions: those in no unit lie in a sliver
    // or just off the coast, and still within 100 m of one.
    const points = await rows<{ lat: number; lng: number }>(`
      WITH pts AS (
        SELECT ST_Project((dp).geom::geography, 60, radians(b))::geometry AS p
          FROM admin_unit a, LATERAL ST_DumpPoints(a.geom) dp, unnest(ARRAY[0, 90, 180, 270]) b
         WHERE a.valid_to IS NULL AND (dp).path[3] % 40 = 1)
      SELECT ST_Y(p) AS lat, ST_X(p) AS lng FROM pts ORDER BY ST_Y(p), ST_X(p) LIMIT 300`);
    const outside = await rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM unnest($1::float8[], $2::float8[]) AS q(lat, lng)
        WHERE NOT EXISTS (SELECT 1 FROM admin_unit a WHERE a.valid_to IS NULL AND ST_Intersects(a.geom, ST_SetSRID(ST_MakePoint(q.lng, q.lat), 4326)))`,
      [points.map((q) => q.lat), points.map((q) => q.lng)],
    );
    expect(outside[0].n).toBeGreaterThan(20);

    const path = await file(
      'edge.csv',
      [
        HEADER,
        ...points.map((q, i) => csvLine(`${p}${i}`, 'pothole', q.lat, q.lng, 'Ổ gà', '', '2024-05-01T08:00:00+07:00', 'closed', '', '')),
      ].join('\n'),
    );
    expect(await run(path, { batchSize: 150 })).toMatchObject({ read: points.length, imported: points.length, rejected: 0 });

    const geo = new GeoRepository(seeded().db.dataSource);
    const imported = await rows<{ i: string; code: string; admin_unit_id: string }>(
      `SELECT substr(attributes ->> 'external_id', ${p.length + 1}) AS i, ward_code AS code, admin_unit_id::text FROM report WHERE attributes ->> 'external_id' LIKE $1`,
      [`${p}%`],
    );
    for (const r of imported) {
      const q = points[Number(r.i)];
      const ward = await geo.locate(q.lng, q.lat);
      expect({ i: r.i, code: r.code, id: r.admin_unit_id }).toEqual({ i: r.i, code: ward?.code, id: String(ward?.id) });
    }
  });

  it('changes nothing in a dry run, yet counts and rejects as a real run would', async () => {
    const p = 'dry-';
    const path = await file(
      'dry.csv',
      [
        HEADER,
        csvLine(`${p}1`, 'pothole', BEN_THANH.lat, BEN_THANH.lng, 'Ổ gà', '', '2024-03-05T10:00:00Z', 'open', '', ''),
        csvLine(`${p}2`, 'pothole', HANOI.lat, HANOI.lng, 'Ổ gà', '', '2024-03-05T10:00:00Z', 'open', '', ''),
        csvLine(`${p}1`, 'pothole', BEN_THANH.lat, BEN_THANH.lng, 'Ổ gà', '', '2024-03-05T10:00:00Z', 'open', '', ''),
      ].join('\n'),
    );
    const before = await rows(
      `SELECT (SELECT count(*) FROM report) AS r, (SELECT count(*) FROM report_event) AS e, (SELECT count(*) FROM outbox) AS o`,
    );
    expect(await run(path, { dryRun: true, batchSize: 1 })).toMatchObject({ dryRun: true, read: 3, imported: 1, skipped: 1, rejected: 1 });
    expect(
      await rows(`SELECT (SELECT count(*) FROM report) AS r, (SELECT count(*) FROM report_event) AS e, (SELECT count(*) FROM outbox) AS o`),
    ).toEqual(before);
    expect(existsSync(`${path}.rejected.csv`)).toBe(true);
  });

  it('refuses a CSV without the required columns, and a missing file, before importing anything', async () => {
    const path = await file('columns.csv', 'id,category,lat,lng\n1,pothole,10.77,106.69\n');
    await expect(run(path)).rejects.toThrow(ImportException);
    await expect(run(path)).rejects.toThrow(/lacks column\(s\): external_id, description, created_at, status/);
    await expect(run(join(seeded().dir, 'nowhere.csv'))).rejects.toThrow(/cannot read/);
    await expect(run(await file('broken.json', '[{"service_request_id": 1,'), { format: 'open311' })).rejects.toThrow(
      /not a valid Open311 JSON file/,
    );
  });
});
