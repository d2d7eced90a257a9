import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestHttpAppWithDb } from '../../testing/http-app';
import { callApi, demoTokens } from '../../testing/http-client';
import { RoutingService } from '../routing/routing.service';

describe('a ticket through its life (in-process HTTP, real PostgreSQL)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let tokens: Record<string, string>;

  const call = (method: 'GET' | 'POST', url: string, who?: string, payload?: object, secret?: string) =>
    callApi(app, method, url, who && tokens[who], payload, secret ? { 'x-reporter-secret': secret } : {});

  beforeAll(async () => {
    ({ app, db } = await createTestHttpAppWithDb());
    tokens = await demoTokens(app, ['ward.benthanh', 'ward.saigon', 'operator']);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('walks accept → ask → reply → resolve → reject → reopen → resolve → rate → close, with the clocks following', async () => {
    const filed = await call('POST', '/api/v1/reports', undefined, {
      category: 'illegal-construction',
      lat: 10.7725,
      lng: 106.6981,
      description: 'Nhà đang xây thêm tầng không phép',
      reporter: { email: 'nguoidan@example.com', hideIdentity: false },
      consent: true,
    });
    expect(filed.status).toBe(201);
    await app.get(RoutingService).routeNew(filed.body.id);
    const id = filed.body.id;
    const code = filed.body.code;
    const secret = filed.body.reporterSecret;
    const version = async () => (await db.query(`SELECT version FROM report WHERE id = $1`, [id]))[0].version;
    /** UBND Bến Thành answers the ticket, at the version its page was loaded on. */
    const resolveAsWard = (at: number, publicMessage: string) =>
      call('POST', `/api/v1/reports/${id}/actions/resolve`, 'ward.benthanh', { version: at, publicMessage });
    const clock = async (kind: string) =>
      (await db.query(`SELECT state, cycle FROM sla_clock WHERE report_id = $1 AND kind = $2 ORDER BY cycle DESC LIMIT 1`, [id, kind]))[0];

    // Another ward can neither see nor act.
    expect((await call('POST', `/api/v1/reports/${id}/actions/accept`, 'ward.saigon', { version: await version() })).status).toBe(404);

    let r = await call('POST', `/api/v1/reports/${id}/actions/accept`, 'ward.benthanh', { version: await version() });
    expect(r.body).toMatchObject({ status: 'in_progress', allowedActions: expect.arrayContaining(['request_info', 'resolve']) });
    expect(await clock('response')).toMatchObject({ state: 'stopped' });
    const view = await call('GET', `/api/v1/reports/${id}`, 'ward.benthanh');
    expect(view.body).toMatchObject({
      version: r.body.version,
      status: 'in_progress',
      allowedActions: r.body.allowedActions,
      transferable: true,
      callersAttachable: true,
    });
    expect(view.body.sla).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'response', state: 'stopped' }),
        expect.objectContaining({ kind: 'resolution', state: 'running' }),
      ]),
    );
    expect(view.body.reporter).toMatchObject({ email: 'nguoidan@example.com' });
    expect((await call('GET', `/api/v1/reports/${id}`, 'ward.saigon')).status).toBe(404);

    // A stale page loses: 409, nothing changed.
    const stale = await resolveAsWard(r.body.version - 1, 'Đã xử lý xong');
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('tickets.stale_version');

    r = await call('POST', `/api/v1/reports/${id}/actions/request-info`, 'ward.benthanh', {
      version: r.body.version,
      publicMessage: 'Xin cho biết số nhà cụ thể',
      internalNote: 'Đã liên hệ đội trật tự',
    });
    expect(r.body.status).toBe('waiting_citizen');
    expect(await clock('resolution')).toMatchObject({ state: 'paused' });

    // An illegal move names what is allowed.
    const illegal = await resolveAsWard(r.body.version, 'Đã xong rồi');
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({ code: 'tickets.illegal_transition', allowedActions: ['citizen_reply', 'reject', 'merge'] });

    r = await call('POST', `/api/v1/track/${code}/reply`, undefined, { message: 'Số 12 đường Lê Lợi' }, secret);
    expect(r.body.status).toBe('in_progress');
    expect(await clock('resolution')).toMatchObject({ state: 'running', cycle: 1 });

    r = await resolveAsWard(r.body.version, 'Đã lập biên bản và đình chỉ thi công');
    expect(r.body.status).toBe('resolved');
    expect(await clock('resolution')).toMatchObject({ state: 'stopped' });

    r = await call('POST', `/api/v1/track/${code}/reject`, undefined, { message: 'Vẫn còn thi công ban đêm' }, secret);
    expect(r.body.status).toBe('reopened');
    expect(await clock('resolution')).toMatchObject({ state: 'running', cycle: 2 });

    r = await resolveAsWard(r.body.version, 'Đã cưỡng chế tháo dỡ phần sai phép');
    expect(r.body.status).toBe('resolved');
    r = await call('POST', `/api/v1/track/${code}/rating`, undefined, { rating: 4, comment: 'Cảm ơn phường' }, secret);
    expect(r.body.status).toBe('closed');
    expect((await call('GET', `/api/v1/reports/${id}`, 'ward.benthanh')).body).toMatchObject({
      allowedActions: [],
      transferable: false,
      callersAttachable: false,
    });

    const track = await call('GET', `/api/v1/track/${code}`);
    const types = track.body.timeline.map((e: { type: string }) => e.type);
    expect(types).toEqual([
      'created',
      'assigned',
      'accepted',
      'info_requested',
      'citizen_replied',
      'resolved',
      'reopened',
      'resolved',
      'rated',
      'closed',
    ]);
    expect(JSON.stringify(track.body)).not.toContain('Đã liên hệ đội trật tự');
    const notes = await db.query(`SELECT count(*)::int AS n FROM notification WHERE report_id = $1 AND channel = 'email'`, [id]);
    expect(notes[0].n).toBeGreaterThanOrEqual(7);

    // The rating feeds the unit's published figures.
    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const stats = await call(
      'GET',
      `/api/v1/stats/on-time?groupBy=unit&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      'ward.benthanh',
    );
    const own = stats.body.find((row: { key: string }) => row.key === 'UBND-26743');
    expect(own.rated).toBeGreaterThanOrEqual(1);
    expect(own.satisfaction).toBeGreaterThanOrEqual(1);
    expect(own.satisfaction).toBeLessThanOrEqual(5);
  });

  /** A noise report at Bến Thành, routed to the ward's queue. */
  const fileRoutedNoise = async (description: string) => {
    const f = await call('POST', '/api/v1/reports', undefined, { category: 'noise', lat: 10.7725, lng: 106.6981, description });
    await app.get(RoutingService).routeNew(f.body.id);
    return f.body as { id: string; code: string };
  };

  it('merges a duplicate into its master, which the duplicate then follows', async () => {
    const master = await fileRoutedNoise('Quán nhậu mở nhạc lớn sau nửa đêm');
    const duplicate = await fileRoutedNoise('Quán nhậu ồn ào sau 24 giờ');
    const [{ version }] = await db.query(`SELECT version FROM report WHERE id = $1`, [duplicate.id]);
    const merged = await call('POST', `/api/v1/reports/${duplicate.id}/actions/merge`, 'ward.benthanh', { version, masterId: master.id });
    expect(merged.body.status).toBe('merged');
    const tracked = await call('GET', `/api/v1/track/${duplicate.code}`);
    expect(tracked.body.mergedInto).toEqual({ code: master.code, status: 'assigned' });
    expect((await call('GET', `/api/v1/track/${master.code}`)).body.followerCount).toBe(1);
  });

  it('refuses an answer without its public message, naming the field', async () => {
    const filed = await fileRoutedNoise('Tiếng ồn công trình ban đêm');
    const [{ version }] = await db.query(`SELECT version FROM report WHERE id = $1`, [filed.id]);
    const res = await call('POST', `/api/v1/reports/${filed.id}/actions/resolve`, 'ward.benthanh', { version });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].field).toBe('publicMessage');
  });

  it('keeps operators from acting as officials', async () => {
    const filed = await fileRoutedNoise('Loa kẹo kéo sau 22 giờ');
    const [{ version }] = await db.query(`SELECT version FROM report WHERE id = $1`, [filed.id]);
    expect((await call('POST', `/api/v1/reports/${filed.id}/actions/accept`, 'operator', { version })).status).toBe(403);
  });
});
