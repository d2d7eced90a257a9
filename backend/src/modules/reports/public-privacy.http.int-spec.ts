import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { snapToPublicCell } from '../maps/tile-grid';
import { createTestHttpAppWithDb } from '../../testing/http-app';
import { callApi, demoTokens } from '../../testing/http-client';

/**
 * Issue 14, finding 4, over HTTP against the real database: what reporters type about themselves
 * (phone, e-mail, ID number, plate) and where they stood never reach a public surface — the
 * tracking page and Open311 feeds — while the staff who handle the ticket still see them.
 */

// Pins at a few metres' distance from the centres of their public cells, so a snapped point differs from the pin.
const PIN = { lat: 10.776543, lng: 106.700321 };

/** A number no other suite uses: 09 + 8 digits from the clock and a counter. */
let serial = 0;
const freshPhone = () => `09${String((Date.now() * 10 + ++serial) % 1e8).padStart(8, '0')}`;

describe('reporters’ details on public surfaces (in-process HTTP, real PostgreSQL)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let tokens: Record<string, string>;

  const call = (method: 'GET' | 'POST', url: string, who?: string, payload?: object) =>
    callApi(app, method, url, who && tokens[who], payload);
  const file = async (body: object) => {
    const res = await call('POST', '/api/v1/reports', undefined, { ...PIN, consent: true, ...body });
    expect(res.status).toBe(201);
    return res.body as { id: string; code: string; reporterSecret: string };
  };

  beforeAll(async () => {
    ({ app, db } = await createTestHttpAppWithDb());
    tokens = await demoTokens(app, ['operator', 'admin']);
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('text', () => {
    const phone = '0903 123 456';
    const email = `chu.nha.${randomUUID().slice(0, 8)}@example.vn`;
    const cccd = '079201001234';
    const plate = '51F-123.45';
    const description = `Xe ${plate} đậu chắn hẻm 51 Nguyễn Trãi. Gọi tôi ${phone} hoặc ${email}, CCCD ${cccd}.`;
    const answer = 'Đã làm việc với chủ xe, liên hệ cán bộ 0283 829 1234.';
    let filed: { id: string; code: string };

    beforeAll(async () => {
      filed = await file({ category: 'pothole', description, address: `Hẻm 51 Nguyễn Trãi, ĐT ${phone}` });
      // An official's public answer on the timeline, as the workbench writes it.
      await db.query(
        `WITH e AS (INSERT INTO report_event (report_id, type, actor_role, is_public) VALUES ($1, 'comment', 'ward_official', true) RETURNING id)
         INSERT INTO report_event_personal (event_id, message) SELECT id, $2 FROM e`,
        [filed.id, answer],
      );
    });

    it('are masked on the public tracking page', async () => {
      const res = await call('GET', `/api/v1/track/${filed.code}`);
      expect(res.status).toBe(200);
      for (const secret of [phone, '0903123456', email, cccd, plate, '0283 829 1234']) expect(res.text).not.toContain(secret);
      expect(res.body.description).toBe('Xe […] đậu chắn hẻm 51 Nguyễn Trãi. Gọi tôi […] hoặc […], CCCD […].');
      expect(res.body.address).toBe('Hẻm 51 Nguyễn Trãi, ĐT […]');
      expect(res.body.timeline.map((e: { message: string | null }) => e.message)).toContain('Đã làm việc với chủ xe, liên hệ cán bộ […].');
    });

    it('are masked in Open311 requests, description and status notes', async () => {
      const res = await call('GET', `/open311/v2/requests/${filed.code}.json`);
      expect(res.status).toBe(200);
      for (const secret of [phone, email, cccd, plate, '0283 829 1234']) expect(res.text).not.toContain(secret);
      expect(res.body[0]).toMatchObject({
        description: 'Xe […] đậu chắn hẻm 51 Nguyễn Trãi. Gọi tôi […] hoặc […], CCCD […].',
        status_notes: 'Đã làm việc với chủ xe, liên hệ cán bộ […].',
      });
      const xml = await app.inject({ method: 'GET', url: `/open311/v2/requests/${filed.code}.xml` });
      for (const secret of [phone, email, cccd, plate]) expect(xml.body).not.toContain(secret);
    });

    it('stay whole for the staff who handle the ticket', async () => {
      const res = await call('GET', `/api/v1/reports/${filed.id}`, 'admin');
      expect(res.status).toBe(200);
      expect(res.body.description).toBe(description);
      expect(res.body.timeline.map((e: { message: string | null }) => e.message)).toContain(answer);
    });
  });

  describe('the address on the public tracking page', () => {
    it('is left out for a reporter who hid their identity, but shown to them with their secret', async () => {
      const { code, reporterSecret } = await file({
        category: 'pothole',
        description: `Phản ánh ${randomUUID()}`,
        address: '12 Lê Thánh Tôn',
        reporter: { phone: freshPhone(), hideIdentity: true },
      });
      expect((await call('GET', `/api/v1/track/${code}`)).body.address).toBeNull();
      const own = await app.inject({ method: 'GET', url: `/api/v1/track/${code}`, headers: { 'x-reporter-secret': reporterSecret } });
      expect(own.json().address).toBe('12 Lê Thánh Tôn');
    });

    it('is left out where the category does not mark a public place, and shown where it does', async () => {
      const { code: private_ } = await file({ category: 'noise', description: `Phản ánh ${randomUUID()}`, address: '12 Lê Thánh Tôn' });
      expect((await call('GET', `/api/v1/track/${private_}`)).body.address).toBeNull();
      const { code: public_ } = await file({ category: 'pothole', description: `Phản ánh ${randomUUID()}`, address: '12 Lê Thánh Tôn' });
      expect((await call('GET', `/api/v1/track/${public_}`)).body.address).toBe('12 Lê Thánh Tôn');
    });
  });

  describe('Open311 coordinates', () => {
    const point = async (body: object) => {
      const { code } = await file({ description: `Phản ánh ${randomUUID()}`, ...body });
      const res = await call('GET', `/open311/v2/requests/${code}.json`);
      expect(res.status).toBe(200);
      return { lat: res.body[0].lat, lng: res.body[0].long };
    };
    const snapped = snapToPublicCell(PIN.lat, PIN.lng);

    it('snaps the point of a reporter who hid their identity, even in a public-place category, and leaves out the address', async () => {
      expect(snapped).not.toEqual(PIN);
      expect(
        await point({
          category: 'pothole',
          reporter: { name: 'Ẩn danh', email: `an.${randomUUID().slice(0, 8)}@example.vn`, hideIdentity: true },
        }),
      ).toEqual(snapped);
      const { code } = await file({
        category: 'pothole',
        description: `Phản ánh ${randomUUID()}`,
        address: '12 Lê Thánh Tôn',
        reporter: { phone: freshPhone(), hideIdentity: true },
      });
      const res = await call('GET', `/open311/v2/requests/${code}.json`);
      expect(res.body[0].address).toBeNull();
      expect(res.text).not.toContain('12 Lê Thánh Tôn');
    });

    it('snaps the point of a category that is not a public-place problem', async () => {
      expect(await point({ category: 'noise', reporter: { phone: freshPhone(), hideIdentity: false } })).toEqual(snapped);
      expect(await point({ category: 'garbage' })).toEqual(snapped);
    });

    it('shows the point and address as filed for a public-place problem whose reporter did not hide', async () => {
      expect(await point({ category: 'pothole' })).toEqual(PIN);
      const { code } = await file({ category: 'pothole', description: `Phản ánh ${randomUUID()}`, address: '12 Lê Thánh Tôn' });
      expect((await call('GET', `/open311/v2/requests/${code}.json`)).body[0].address).toBe('12 Lê Thánh Tôn');
      expect(await point({ category: 'street-light', reporter: { phone: freshPhone(), hideIdentity: false } })).toEqual(PIN);
    });

    it('snaps in the list too', async () => {
      const { code } = await file({
        category: 'pothole',
        description: `Phản ánh ${randomUUID()}`,
        reporter: { phone: freshPhone(), hideIdentity: true },
      });
      const res = await call('GET', `/open311/v2/requests.json?service_request_id=${code}`);
      expect(res.body.map((r: { lat: number; long: number }) => ({ lat: r.lat, lng: r.long }))).toEqual([snapped]);
    });
  });

  describe('caller history', () => {
    it('never shows a report whose reporter hid their identity as the number’s own', async () => {
      const phone = freshPhone();
      const hidden = await file({
        category: 'pothole',
        description: 'Tôi không muốn lộ danh tính',
        reporter: { phone, hideIdentity: true },
      });
      const open = await file({ category: 'pothole', description: 'Ổ gà, cứ liên hệ tôi', reporter: { phone, hideIdentity: false } });
      const res = await call('GET', `/api/v1/callers/${phone}/reports`, 'operator');
      expect(res.status).toBe(200);
      expect(res.body.map((r: { id: string; relation: string }) => [r.id, r.relation])).toEqual([[open.id, 'reporter']]);
      expect(res.text).not.toContain(hidden.code);
    });

    it('still shows it when that number called about it and the operator attached the call', async () => {
      const phone = freshPhone();
      const hidden = await file({ category: 'pothole', description: 'Ẩn danh, sau đó gọi lại', reporter: { phone, hideIdentity: true } });
      expect((await call('POST', `/api/v1/reports/${hidden.id}/callers`, 'operator', { phone })).status).toBe(201);
      const res = await call('GET', `/api/v1/callers/${phone}/reports`, 'operator');
      expect(res.body.map((r: { id: string; relation: string }) => [r.id, r.relation])).toEqual([[hidden.id, 'caller']]);
    });
  });
});
