import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { get as httpGet, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../http/http-app';
import { APP_CONFIG } from '../config/config.module';
import { ReportAggregatorService } from '../../modules/maps/aggregates/report-aggregator.service';
import { TileGenerations } from '../../modules/maps/tile-generations';
import {
  fromMercator,
  PUBLIC_MIN_COUNT,
  publicCellMetres,
  snapToPublicCell,
  tileOf,
  toMercator,
  WORLD_M,
} from '../../modules/maps/tile-grid';
import { callApi, demoTokens, postOpen311Form } from '../../testing/http-client';
import { captureAppLogs, parsedLines } from '../../testing/log-capture';
import { leaksIn as leaksOf, seededPersonalValues } from '../../testing/seeded-personal-values';
import { decodeVectorTile } from '../../testing/vector-tile';

/**
 * Nothing personal leaves through a public or aggregate surface. Reports are filed through every
 * channel with contact details and numbers typed into their text, each value unique to this run;
 * then every public answer (tracking page, Open311, public figures, public vector tiles, the live
 * map's event streams), the leaders' figures and tiles, /metrics and the API's own log lines —
 * the access log included — are read as raw text, and none of the values may appear in them.
 * (There is no export or open-data route yet: the leaders' figures are what leaves in bulk.)
 */

const PLACE = { lat: 10.7791, lng: 106.6958 };
const { values: SEEDED } = seededPersonalValues();
const leaksIn = (text: string) => leaksOf(SEEDED, text);

// The public map's cell holding PLACE, and a point 31 m east and 23 m north of its centre: inside
// the cell at every public zoom (cells are ≥ 150 m and coarser ones are unions of finer ones), and
// far enough from any cell centre that a tile showing it unsnapped is told apart.
const CELL_CENTRE = toMercator(snapToPublicCell(PLACE.lat, PLACE.lng).lat, snapToPublicCell(PLACE.lat, PLACE.lng).lng);
const EXACT = { x: CELL_CENTRE.x + 31, y: CELL_CENTRE.y + 23 };
const EXACT_POINT = fromMercator(EXACT.x, EXACT.y);
// The transparency map reads z5–16 (frontend public-map: minZoom 5, PUBLIC_MAX_ZOOM 16).
const PUBLIC_ZOOMS = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
const ORIGIN = -WORLD_M / 2;

/** A 3857 point in tile units of tile t. */
const inTile = (t: { z: number; x: number; y: number }, p: { x: number; y: number }) => {
  const size = WORLD_M / 2 ** t.z;
  return { x: ((p.x - ORIGIN - t.x * size) / size) * 4096, y: ((-ORIGIN - p.y - t.y * size) / size) * 4096 };
};
/** Tile units back to 3857 metres. */
const fromTile = (t: { z: number; x: number; y: number }, u: { x: number; y: number }) => {
  const size = WORLD_M / 2 ** t.z;
  return { x: ORIGIN + t.x * size + (u.x / 4096) * size, y: -ORIGIN - t.y * size - (u.y / 4096) * size };
};
/** The centre of the public cell of zoom z holding a 3857 point. */
const cellCentre = (z: number, p: { x: number; y: number }) => {
  const m = publicCellMetres(z);
  const c = (v: number) => (Math.floor((v - ORIGIN) / m) + 0.5) * m + ORIGIN;
  return { x: c(p.x), y: c(p.y) };
};

describe('nothing personal leaves through public surfaces, figures, live streams, metrics or logs (in-process HTTP)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let aggregator: ReportAggregatorService;
  let logs: ReturnType<typeof captureAppLogs>;
  let tokens: Record<string, string>;
  const codes: string[] = [];
  let webReportId = '';
  let hiddenCode = '';

  const fileReport = async (body: object, token?: string) => {
    const res = await callApi(app, 'POST', '/api/v1/reports', token, body);
    expect(res.status).toBe(201);
    codes.push(res.body.code);
    return res.body as { id: string; code: string };
  };

  beforeAll(async () => {
    // The production logger (not the silenced one of createTestHttpApp), at its most talkative,
    // writing to this suite instead of stdout.
    app = await createHttpApp();
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    logs = captureAppLogs();
    db = app.get(DataSource);
    aggregator = new ReportAggregatorService(db, app.get(TileGenerations), app.get(APP_CONFIG));
    tokens = await demoTokens(app, ['operator', 'leader']);

    const web = await fileReport({
      category: 'pothole',
      ...PLACE,
      description: `Tôi là ${SEEDED.reporterName}: ổ gà sâu, gọi ${SEEDED.typedPhone} hoặc viết ${SEEDED.typedEmail}`,
      reporter: { name: SEEDED.reporterName, phone: SEEDED.reporterPhone, email: SEEDED.reporterEmail, hideIdentity: false },
      consent: true,
      channel: 'web',
    });
    webReportId = web.id;

    await fileReport(
      {
        category: 'pothole',
        ...PLACE,
        description: `Người gọi ${SEEDED.callerPhone} báo ổ gà`,
        reporter: { phone: SEEDED.callerPhone, hideIdentity: false },
        channel: 'phone',
      },
      tokens.operator,
    );

    const open311 = await postOpen311Form(app, {
      api_key: 'demo-open311-key',
      service_code: 'pothole',
      lat: String(PLACE.lat),
      long: String(PLACE.lng),
      description: `Ổ gà, liên hệ ${SEEDED.open311TypedPhone}, Lê ${SEEDED.open311Name}`,
      first_name: SEEDED.open311Name,
      last_name: 'Lê',
      phone: SEEDED.open311Phone,
      email: SEEDED.open311Email,
    });
    expect(open311.statusCode).toBe(201);
    codes.push(open311.json()[0].service_request_id);

    // Enough reports at one exact point for the public map to show its cell, one of them by a
    // reporter who hid their identity (a pothole's point is otherwise public as it is).
    hiddenCode = (
      await fileReport({
        category: 'pothole',
        ...EXACT_POINT,
        description: `Ổ gà trước nhà, SĐT ${SEEDED.hiddenPhone}, ${SEEDED.hiddenEmail}`,
        reporter: { name: SEEDED.hiddenName, phone: SEEDED.hiddenPhone, email: SEEDED.hiddenEmail, hideIdentity: true },
        consent: true,
      })
    ).code;
    for (let k = 0; k < PUBLIC_MIN_COUNT; k++) {
      await fileReport({
        category: 'pothole',
        ...EXACT_POINT,
        description: `Ổ gà lần ${k}, gọi ${SEEDED.typedPhone} hoặc ${SEEDED.typedEmail}`,
      });
    }
    // The operator looks the caller up by number: the number travels in the URL.
    const history = await callApi(app, 'GET', `/api/v1/callers/${SEEDED.callerPhone}/reports`, tokens.operator);
    expect(history.status).toBe(200);
    await aggregator.drain();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('files the reports, and what the application logs reaches this suite, access log included', () => {
    expect(codes).toHaveLength(4 + PUBLIC_MIN_COUNT);
    app.get(Logger).log('capture check', 'PersonalDataLeaks');
    expect(logs.text()).toContain('capture check');
    const filings = parsedLines(logs.lines).filter(
      (l) => l.msg === 'request completed' && l.route === '/api/v1/reports' && l.method === 'POST',
    );
    expect(filings.length).toBe(3 + PUBLIC_MIN_COUNT);
  });

  const get = async (url: string, token?: string) => {
    const res = await app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect(res.statusCode).toBe(200);
    return res.rawPayload.toString('latin1') + res.body;
  };

  it.each([
    ['the public tracking page', () => Promise.all(codes.map((c) => get(`/api/v1/track/${c}`)))],
    ['Open311 requests (JSON)', () => Promise.all(codes.map((c) => get(`/open311/v2/requests/${c}.json`)))],
    ['Open311 requests (XML)', () => Promise.all(codes.map((c) => get(`/open311/v2/requests/${c}.xml`)))],
    ['the Open311 list (JSON and XML)', () => Promise.all([get('/open311/v2/requests.json'), get('/open311/v2/requests.xml')])],
    [
      'the public insights',
      () => Promise.all([get(`/api/v1/public/insights/cell?lat=${PLACE.lat}&lng=${PLACE.lng}&z=14`), get('/api/v1/public/insights/wards')]),
    ],
    ['the public map tiles', () => Promise.all(PUBLIC_ZOOMS.map((z) => get(publicTileUrl(z))))],
    ['/metrics', () => Promise.all([get('/metrics')])],
  ])('%s carries none of the seeded values', async (surface, read) => {
    const bodies = await read();
    expect(bodies.join('\n').length).toBeGreaterThan(0);
    // The reports themselves are there, with their descriptions masked rather than left out.
    if (/tracking|Open311/.test(surface)) for (const code of codes) expect(bodies.join('\n')).toContain(code);
    expect(leaksIn(bodies.join('\n'))).toEqual([]);
  });

  /** The public tile of zoom z holding the centre of the cell of EXACT (a cell is drawn in that tile only). */
  const publicTileOf = (z: number) => {
    const c = fromMercator(cellCentre(z, EXACT).x, cellCentre(z, EXACT).y);
    return tileOf(z, c.lat, c.lng);
  };
  const publicTileUrl = (z: number) => {
    const t = publicTileOf(z);
    return `/api/v1/public/tiles/reports/${t.z}/${t.x}/${t.y}.mvt`;
  };

  it.each(PUBLIC_ZOOMS)(
    'the public map at z%i counts the reports in their snapped cell, with nothing but a count and never the exact point',
    async (z) => {
      const t = publicTileOf(z);
      const res = await app.inject({ method: 'GET', url: publicTileUrl(z) });
      expect(res.statusCode).toBe(200);
      const features = (await decodeVectorTile(res.rawPayload)).heat ?? [];
      // The cluster is there (the check is not empty): at the centre of its cell, counted.
      const expected = inTile(t, cellCentre(z, EXACT));
      const mine = features.find((f) => Math.abs(f.x - expected.x) <= 1 && Math.abs(f.y - expected.y) <= 1);
      expect(mine?.properties.count).toBeGreaterThanOrEqual(PUBLIC_MIN_COUNT + 1);
      for (const f of features) {
        expect(Object.keys(f.properties)).toEqual(['count']);
        expect(f.properties.count).toBeGreaterThanOrEqual(PUBLIC_MIN_COUNT);
        // Every feature sits on a cell centre, none within 10 m of the hidden reporter's point.
        const p = fromTile(t, f);
        const centre = cellCentre(z, p);
        const unit = WORLD_M / 2 ** z / 4096;
        expect(Math.hypot(p.x - centre.x, p.y - centre.y)).toBeLessThanOrEqual(1.5 * unit);
        expect(Math.hypot(p.x - EXACT.x, p.y - EXACT.y)).toBeGreaterThan(10);
      }
    },
  );

  it("shows the hidden reporter's report on Open311 at its snapped point only", async () => {
    const res = await callApi(app, 'GET', `/open311/v2/requests/${hiddenCode}.json`);
    expect(res.status).toBe(200);
    const [request] = res.body as { lat: number; long: number }[];
    const shown = toMercator(request.lat, request.long);
    expect(Math.hypot(shown.x - EXACT.x, shown.y - EXACT.y)).toBeGreaterThan(10);
  });

  it('the leaders’ figures and tiles carry aggregates and ids, no contact details', async () => {
    const ward = (await callApi(app, 'GET', `/api/v1/reports/${webReportId}`, tokens.operator)).body.ward.code as string;
    const day = new Date();
    const from = new Date(day.getTime() - 7 * 86_400_000).toISOString();
    const to = new Date(day.getTime() + 86_400_000).toISOString();
    const z15 = tileOf(15, EXACT_POINT.lat, EXACT_POINT.lng);
    const bodies = await Promise.all(
      [
        '/api/v1/insights/top-issues?period=week',
        `/api/v1/insights/hotspots?from=${from}&to=${to}`,
        '/api/v1/insights/wards',
        `/api/v1/insights/wards/${ward}`,
        '/api/v1/insights/rankings',
        '/api/v1/insights/recurring',
        '/api/v1/insights/change',
        `/api/v1/stats/on-time?groupBy=ward&from=${from}&to=${to}`,
        `/api/v1/tiles/reports/${z15.z}/${z15.x}/${z15.y}.mvt`,
      ].map((url) => get(url, tokens.leader)),
    );
    // The leaders' street-level tile holds the reports (by code), so the check is not empty.
    expect(bodies.at(-1)).toContain(hiddenCode);
    expect(leaksIn(bodies.join('\n'))).toEqual([]);
  });

  it('the live map streams, public and leaders’, carry a generation, a count and a time only', async () => {
    const address = await listening();
    const streams = await Promise.all([
      openStream(address, '/api/v1/public/live/reports'),
      openStream(address, '/api/v1/live/reports', tokens.leader),
    ]);
    try {
      await fileReport({
        category: 'pothole',
        ...EXACT_POINT,
        description: `Ổ gà mới, gọi ${SEEDED.typedPhone}`,
        reporter: { name: SEEDED.reporterName, phone: SEEDED.reporterPhone, hideIdentity: false },
        consent: true,
      });
      await aggregator.drain();
      const texts = await Promise.all(streams.map((s) => s.untilEvent()));
      for (const text of texts) {
        const data = text
          .split('\n')
          .filter((l) => l.startsWith('data: '))
          .map((l) => JSON.parse(l.slice(6)) as Record<string, unknown>);
        expect(data.length).toBeGreaterThan(0);
        for (const d of data) expect(Object.keys(d).sort()).toEqual(['at', 'changed', 'generation']);
        expect(leaksIn(text)).toEqual([]);
      }
    } finally {
      for (const s of streams) s.close();
    }
    // A stream is logged once it closed (the log scan below reads those lines too).
    await logs.until((l) => l.route === '/api/v1/public/live/reports');
    await logs.until((l) => l.route === '/api/v1/live/reports');
  });

  /** The application on a port of its own (an event stream cannot go through inject). */
  let port = 0;
  const listening = async () => {
    if (!port) {
      await app.listen(0, '127.0.0.1');
      port = (app.getHttpServer().address() as AddressInfo).port;
    }
    return `http://127.0.0.1:${port}`;
  };

  it('finds the seeded values where they belong: the report as the operator reads it', async () => {
    const staffView = await callApi(app, 'GET', `/api/v1/reports/${webReportId}`, tokens.operator);
    expect(staffView.status).toBe(200);
    expect(leaksIn(staffView.text)).toEqual(expect.arrayContaining(['reporterName', 'reporterPhone', 'reporterEmail']));
  });

  it('a filing the database refuses (web form and Open311) answers 500 and logs the fault without the values it carried', async () => {
    // A check this suite adds refuses one marked description, as a constraint a bug breaks would:
    // PostgreSQL's error then details the failing row, the reporter's contact included.
    const marker = `leak-scan-refuse-${codes[0]}`;
    await db.query(`ALTER TABLE report ADD CONSTRAINT leak_scan_refuse CHECK (description NOT LIKE '%leak-scan-refuse-%')`);
    try {
      const from = logs.lines.length;
      const res = await callApi(app, 'POST', '/api/v1/reports', undefined, {
        category: 'pothole',
        ...PLACE,
        description: `${marker} ${SEEDED.typedEmail}`,
        reporter: { name: SEEDED.reporterName, phone: SEEDED.reporterPhone, email: SEEDED.reporterEmail, hideIdentity: false },
        consent: true,
      });
      expect(res.status).toBe(500);
      const open311 = await postOpen311Form(app, {
        api_key: 'demo-open311-key',
        service_code: 'pothole',
        lat: String(PLACE.lat),
        long: String(PLACE.lng),
        description: `${marker} ${SEEDED.open311TypedPhone}`,
        first_name: SEEDED.open311Name,
        phone: SEEDED.open311Phone,
        email: SEEDED.open311Email,
      });
      expect(open311.statusCode).toBe(500);
      const written = logs.lines.slice(from).join('');
      // The fault is logged, with what finds it: PostgreSQL's code and the constraint's name.
      const faults = parsedLines(logs.lines.slice(from)).filter((l) => l.msg === 'unexpected error');
      expect(faults.map((l) => l.context)).toEqual(['HttpExceptionFilter', 'Open311ExceptionFilter']);
      for (const fault of faults) expect(fault.error).toMatchObject({ code: '23514', constraint: 'leak_scan_refuse', table: 'report' });
      expect(leaksIn(written)).toEqual([]);
    } finally {
      await db.query(`ALTER TABLE report DROP CONSTRAINT leak_scan_refuse`);
    }
  });

  it('no log line written while filing and reading carries a seeded value', () => {
    // The access log is read too: the number looked up travelled in a URL, and the streams are logged.
    const routes = parsedLines(logs.lines).map((l) => l.route);
    expect(routes).toEqual(
      expect.arrayContaining(['/api/v1/callers/:phone/reports', '/api/v1/live/reports', '/api/v1/public/live/reports']),
    );
    expect(logs.lines.length).toBeGreaterThan(codes.length);
    expect(leaksIn(logs.text())).toEqual([]);
  });
});

/** An open event stream: what it carried once an event arrived (at most 20 s), then closed by the caller. */
function openStream(base: string, path: string, token?: string): Promise<{ untilEvent(): Promise<string>; close(): void }> {
  return new Promise((resolve, reject) => {
    const req = httpGet(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }, (res: IncomingMessage) => {
      if (res.statusCode !== 200) return reject(new Error(`${path}: ${res.statusCode}`));
      let text = '';
      const waiters: (() => void)[] = [];
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (text.includes('event: ')) waiters.splice(0).forEach((w) => w());
      });
      resolve({
        untilEvent: () =>
          new Promise<string>((done, fail) => {
            const timer = setTimeout(() => fail(new Error(`${path}: no event within 20 s`)), 20_000);
            const finish = () => {
              clearTimeout(timer);
              done(text);
            };
            if (text.includes('event: ')) finish();
            else waiters.push(finish);
          }),
        close: () => req.destroy(),
      });
    });
    req.on('error', (err) => {
      if (!req.destroyed) reject(err);
    });
  });
}
