import { createHash, randomUUID } from 'node:crypto';
import { api, login } from '../support/api';
import { baseUrl } from '../support/browser';
import { queryDatabase } from '../support/db';
import { until } from '../support/until';

/**
 * Finding "anyone can act on any ticket": the tracking code is public (Open311 lists it), so
 * acting on a ticket must need the reporter's secret (invariant 7). Each attack is tried over
 * HTTP as an outsider would, then as the reporter.
 */
/** The report every ticket of this suite is filed with: at UBND Bến Thành, with the reporter's e-mail. */
const FILING = {
  category: 'illegal-construction',
  lat: 10.7725,
  lng: 106.6981,
  description: 'Công trình xây dựng không phép',
  reporter: { email: 'chu.nha@example.com', hideIdentity: false },
  consent: true,
};

describe("the reporter's secret over HTTP (API + worker)", () => {
  let official: string;
  let operator: string;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the cast gives the row type a default (any), which the rule misses
  const db = { query: queryDatabase as <T = any>(sql: string, params?: unknown[]) => Promise<T[]> };

  const call = async (
    method: 'GET' | 'POST',
    url: string,
    opts: { token?: string; secret?: string; payload?: object; headers?: Record<string, string> } = {},
  ) =>
    api(method, url, {
      token: opts.token,
      json: opts.payload,
      headers: { ...(opts.secret !== undefined ? { 'x-reporter-secret': opts.secret } : {}), ...opts.headers },
    });
  const version = async (id: string) => (await db.query(`SELECT version FROM report WHERE id = $1`, [id]))[0].version as number;
  const eventCount = async (id: string) =>
    (await db.query(`SELECT count(*)::int AS n FROM report_event WHERE report_id = $1`, [id]))[0].n as number;

  /** A ticket filed with contact details, routed to UBND Bến Thành and taken to `stage`. */
  const ticket = async (stage: 'assigned' | 'waiting_citizen' | 'resolved', extra: Record<string, string> = {}) => {
    const filed = await call('POST', '/api/v1/reports', { payload: FILING, headers: extra });
    expect(filed.status).toBe(201);
    const id: string = filed.body.id;
    await until(async () => (await call('GET', `/api/v1/track/${filed.body.code}`)).body.status === 'assigned');
    if (stage !== 'assigned') {
      await call('POST', `/api/v1/reports/${id}/actions/accept`, { token: official, payload: { version: await version(id) } });
      const next = stage === 'resolved' ? 'resolve' : 'request-info';
      const r = await call('POST', `/api/v1/reports/${id}/actions/${next}`, {
        token: official,
        payload: { version: await version(id), publicMessage: 'Đã kiểm tra tại chỗ' },
      });
      expect(r.body.status).toBe(stage);
    }
    return { id, code: filed.body.code as string, secret: filed.body.reporterSecret as string, url: filed.body.reporterUrl as string };
  };

  beforeAll(async () => {
    [official, operator] = await Promise.all(['ward.benthanh', 'operator'].map(login));
  });

  it('gives the filer a secret once, in a private link, and keeps only its hash', async () => {
    const t = await ticket('assigned');
    expect(t.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Absolute from the configured public address (PUBLIC_BASE_URL), a path without one.
    expect(t.url).toMatch(new RegExp(`^(https?://[^/]+)?/track/${t.code}#secret=${t.secret}$`));
    const rows = await db.query(`SELECT kind, encode(secret_hash, 'hex') AS hash FROM reporter_secret WHERE report_id = $1`, [t.id]);
    expect(rows).toEqual([{ kind: 'filing', hash: createHash('sha256').update(t.secret).digest('hex') }]);
    // Nowhere in plain: not in the report, its timeline, its notifications.
    const [found] = await db.query(
      `SELECT (SELECT count(*) FROM report r WHERE r.id = $1 AND row_to_json(r)::text LIKE '%' || $2 || '%')::int
            + (SELECT count(*) FROM report_event e WHERE e.report_id = $1 AND row_to_json(e)::text LIKE '%' || $2 || '%')::int
            + (SELECT count(*) FROM notification n WHERE n.report_id = $1 AND row_to_json(n)::text LIKE '%' || $2 || '%')::int AS n`,
      [t.id, t.secret],
    );
    expect(found.n).toBe(0);
  });

  it("refuses every action with the public code alone or with another ticket's secret, and writes nothing", async () => {
    const t = await ticket('resolved');
    const other = await ticket('assigned');
    const before = await eventCount(t.id);
    for (const [path, payload] of [
      ['reject', { message: 'Chưa xử lý gì cả' }],
      ['rating', { rating: 1 }],
      ['reply', { message: 'Thông tin bổ sung' }],
    ] as const) {
      const none = await call('POST', `/api/v1/track/${t.code}/${path}`, { payload });
      expect({ path, status: none.status, code: none.body.code }).toEqual({ path, status: 401, code: 'tickets.reporter_secret_required' });
      expect(none.body.issues[0].field).toBe('X-Reporter-Secret');
      const wrong = await call('POST', `/api/v1/track/${t.code}/${path}`, { payload, secret: other.secret });
      expect({ path, status: wrong.status, code: wrong.body.code }).toEqual({ path, status: 403, code: 'tickets.reporter_secret_invalid' });
      const garbage = await call('POST', `/api/v1/track/${t.code}/${path}`, { payload, secret: 'x'.repeat(43) });
      expect({ path, status: garbage.status }).toEqual({ path, status: 403 });
    }
    const [row] = await db.query(`SELECT status::text AS status FROM report WHERE id = $1`, [t.id]);
    expect(row.status).toBe('resolved');
    expect(await eventCount(t.id)).toBe(before);
    expect(await db.query(`SELECT * FROM report_rating WHERE report_id = $1`, [t.id])).toEqual([]);
  });

  it('keeps the public page read-only with the code alone, and tells the reporter what they may do', async () => {
    const t = await ticket('resolved');
    const anyone = await call('GET', `/api/v1/track/${t.code}`);
    expect(anyone.status).toBe(200);
    expect(anyone.body).toMatchObject({ code: t.code, status: 'resolved', asReporter: false, allowedActions: [] });
    const wrong = await call('GET', `/api/v1/track/${t.code}`, { secret: 'y'.repeat(43) });
    expect(wrong.body).toMatchObject({ asReporter: false, allowedActions: [] });
    const reporter = await call('GET', `/api/v1/track/${t.code}`, { secret: t.secret });
    expect(reporter.body).toMatchObject({ asReporter: true, allowedActions: ['reject', 'rate'] });
  });

  it('takes one rating per cycle: the second is 409 and the figures keep the first', async () => {
    const t = await ticket('resolved');
    const first = await call('POST', `/api/v1/track/${t.code}/rating`, { secret: t.secret, payload: { rating: 5, comment: 'Tốt' } });
    expect(first.body).toMatchObject({ status: 'closed' });
    const again = await call('POST', `/api/v1/track/${t.code}/rating`, { secret: t.secret, payload: { rating: 1 } });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'tickets.already_rated' });
    const ratings = await db.query(
      `SELECT (data->>'rating')::int AS rating, (data->>'cycle')::int AS cycle FROM report_event WHERE report_id = $1 AND type = 'rated'`,
      [t.id],
    );
    expect(ratings).toEqual([{ rating: 5, cycle: 1 }]);
    expect((await call('GET', `/api/v1/track/${t.code}`, { secret: t.secret })).body.allowedActions).toEqual([]);
  });

  it('holds the one rating against a burst of concurrent ones', async () => {
    const t = await ticket('resolved');
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call('POST', `/api/v1/track/${t.code}/rating`, { secret: t.secret, payload: { rating: 1 + (i % 5) } }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(11).fill(409)]);
    expect(await db.query(`SELECT cycle FROM report_rating WHERE report_id = $1`, [t.id])).toEqual([{ cycle: 1 }]);
    const [n] = await db.query(`SELECT count(*)::int AS n FROM report_event WHERE report_id = $1 AND type = 'rated'`, [t.id]);
    expect(n.n).toBe(1);
  });

  it('refuses a second rating of the same cycle in the database itself', async () => {
    const t = await ticket('resolved');
    await call('POST', `/api/v1/track/${t.code}/rating`, { secret: t.secret, payload: { rating: 4 } });
    const [{ id: eventId }] = await db.query(`SELECT id FROM report_event WHERE report_id = $1 AND type = 'rated'`, [t.id]);
    await expect(db.query(`INSERT INTO report_rating (report_id, cycle, event_id) VALUES ($1, 1, $2)`, [t.id, eventId])).rejects.toThrow(
      /pk_report_rating/,
    );
  });

  it('lets the reporter reply with the secret', async () => {
    const t = await ticket('waiting_citizen');
    expect((await call('GET', `/api/v1/track/${t.code}`, { secret: t.secret })).body.allowedActions).toEqual(['reply']);
    const r = await call('POST', `/api/v1/track/${t.code}/reply`, { secret: t.secret, payload: { message: 'Số nhà 12, hẻm 34' } });
    expect(r.body.status).toBe('in_progress');
  });

  it('rotates the secret on an idempotent replay: the new one works, the first no longer does', async () => {
    const key = `secret-${randomUUID()}`;
    const first = await ticket('resolved', { 'idempotency-key': key });
    const replay = await call('POST', '/api/v1/reports', { payload: FILING, headers: { 'idempotency-key': key } });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toMatchObject({ id: first.id, code: first.code });
    expect(replay.body.reporterSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(replay.body.reporterSecret).not.toBe(first.secret);
    const [stored] = await db.query(`SELECT response::text AS text FROM idempotency_key WHERE key = $1`, [key]);
    expect(stored.text).not.toContain(first.secret);
    expect(stored.text).not.toContain(replay.body.reporterSecret);
    expect((await call('POST', `/api/v1/track/${first.code}/rating`, { secret: first.secret, payload: { rating: 3 } })).status).toBe(403);
    expect(
      (await call('POST', `/api/v1/track/${first.code}/rating`, { secret: replay.body.reporterSecret, payload: { rating: 3 } })).status,
    ).toBe(200);
  });

  it('answers an Open311 filer the secret in an extension field, JSON and XML', async () => {
    const form = (extra: Record<string, string> = {}) =>
      new URLSearchParams({
        api_key: 'demo-open311-key',
        service_code: 'illegal-construction',
        lat: '10.7725',
        long: '106.6981',
        description: 'Xây dựng lấn chiếm vỉa hè',
        ...extra,
      }).toString();
    const post = (format: string) =>
      fetch(`${baseUrl}/open311/v2/requests.${format}`, {
        method: 'POST',
        body: form(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const json = await post('json');
    expect(json.status).toBe(201);
    const [created] = await json.json();
    expect(created.reporter_secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.reporter_url).toMatch(new RegExp(`/track/${created.service_request_id}#secret=${created.reporter_secret}$`));
    expect((await call('GET', `/api/v1/track/${created.service_request_id}`, { secret: created.reporter_secret })).body.asReporter).toBe(
      true,
    );

    const xml = await post('xml');
    expect(xml.status).toBe(201);
    const text = await xml.text();
    const secret = /<reporter_secret>([A-Za-z0-9_-]{43})<\/reporter_secret>/.exec(text)?.[1];
    const code = /<service_request_id>([^<]+)<\/service_request_id>/.exec(text)?.[1];
    expect(secret).toBeDefined();
    expect((await call('GET', `/api/v1/track/${code}`, { secret })).body.asReporter).toBe(true);
  });

  it('lets an operator act for a caller on the phone, recorded as on behalf of the reporter', async () => {
    const t = await ticket('waiting_citizen');
    expect(
      (
        await call('POST', `/api/v1/reports/${t.id}/for-reporter/reply`, {
          token: official,
          payload: { message: 'Người dân gọi điện bổ sung' },
        })
      ).status,
    ).toBe(403);
    expect(
      (await call('POST', `/api/v1/reports/${t.id}/for-reporter/reply`, { payload: { message: 'Người dân gọi điện bổ sung' } })).status,
    ).toBe(401);
    const reply = await call('POST', `/api/v1/reports/${t.id}/for-reporter/reply`, {
      token: operator,
      payload: { message: 'Người dân gọi điện: số nhà 12' },
    });
    expect(reply.body.status).toBe('in_progress');
    await call('POST', `/api/v1/reports/${t.id}/actions/resolve`, {
      token: official,
      payload: { version: await version(t.id), publicMessage: 'Đã xử lý xong' },
    });
    const reject = await call('POST', `/api/v1/reports/${t.id}/for-reporter/reject`, {
      token: operator,
      payload: { message: 'Người dân báo vẫn còn' },
    });
    expect(reject.body.status).toBe('reopened');
    await call('POST', `/api/v1/reports/${t.id}/actions/accept`, { token: official, payload: { version: await version(t.id) } });
    await call('POST', `/api/v1/reports/${t.id}/actions/resolve`, {
      token: official,
      payload: { version: await version(t.id), publicMessage: 'Đã cưỡng chế' },
    });
    const rate = await call('POST', `/api/v1/reports/${t.id}/for-reporter/rating`, { token: operator, payload: { rating: 4 } });
    expect(rate.body.status).toBe('closed');
    expect((await call('POST', `/api/v1/reports/${t.id}/for-reporter/rating`, { token: operator, payload: { rating: 2 } })).status).toBe(
      409,
    );

    const events = await db.query(
      `SELECT e.type, e.actor_role AS role, u.username, e.data->>'onBehalfOf' AS "onBehalfOf", (e.data->>'cycle')::int AS cycle
         FROM report_event e LEFT JOIN app_user u ON u.id = e.actor_user_id
        WHERE e.report_id = $1 AND e.type IN ('citizen_replied', 'reopened', 'rated') ORDER BY e.id`,
      [t.id],
    );
    expect(events).toEqual([
      { type: 'citizen_replied', role: 'operator', username: 'operator', onBehalfOf: 'reporter', cycle: null },
      { type: 'reopened', role: 'operator', username: 'operator', onBehalfOf: 'reporter', cycle: null },
      { type: 'rated', role: 'operator', username: 'operator', onBehalfOf: 'reporter', cycle: 2 },
    ]);
  });

  it("gives each message to the reporter its own link token: hashed, with an expiry, never in the message's row", async () => {
    const t = await ticket('resolved');
    // Accepting and resolving each told the reporter (e-mail); the worker sends them.
    const tokens = await until(async () => {
      // One statement: a message is marked sent in the transaction that stored its token.
      const rows = await db.query<{ notification: string; expiresAt: Date | null; payload: string }>(
        `SELECT n.id::text AS notification, s.expires_at AS "expiresAt", n.payload::text AS payload
           FROM notification n LEFT JOIN reporter_secret s ON s.notification_id = n.id AND s.kind = 'message' AND s.report_id = n.report_id
          WHERE n.report_id = $1 AND n.template LIKE 'citizen.%' AND n.status = 'sent'`,
        [t.id],
      );
      return rows.length >= 2 ? rows : null;
    }, 30_000);
    for (const r of tokens) {
      expect(r.expiresAt).not.toBeNull();
      const days = (new Date(r.expiresAt!).getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(29);
      expect(days).toBeLessThanOrEqual(30);
      expect(r.payload).not.toMatch(/secret/i);
    }
  });
});
