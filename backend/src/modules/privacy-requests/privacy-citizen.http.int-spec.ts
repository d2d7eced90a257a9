import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '../../engine/clock/clock';
import { APP_CONFIG } from '../../engine/config/config.module';
import { createTestHttpAppWithDb } from '../../testing/http-app';
import { advanceClock, callApi } from '../../testing/http-client';
import { setEnv } from '../../testing/process-env';
import { NotificationDeliveryRepository } from '../notifications/notification-delivery.repository';
import { NotificationDeliveryService } from '../notifications/notification-delivery.service';
import { NotificationDriver, OutgoingMessage } from '../notifications/notification-driver';
import { RecordingDriver } from '../notifications/recording.driver';
import { PrivacyCodesService } from '../privacy-codes/privacy-codes.service';
import { ReporterAccessService } from '../reporter-access/reporter-access.service';

const OPEN = 'client=1000000/60,global=1000000/60,user=1000000/60';
const stamp = `${Date.now()}`.slice(-8);
const letters = stamp.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);
const A = { name: `Chủ Thể ${letters} An`, phone: `091${stamp.slice(0, 7)}`, email: `chu.the.${letters}@example.com` };
const B = { name: `Người Khác ${letters} Bình`, phone: `092${stamp.slice(0, 7)}`, email: `nguoi.khac.${letters}@example.net` };
const UNKNOWN = `khong.co.${letters}@example.org`;
const MINUTE = 60_000;

/** The e-mail driver of this suite's delivery: keeps every message it is given. */
class MailboxDriver implements NotificationDriver {
  readonly name = 'mailbox';
  readonly sent: OutgoingMessage[] = [];
  async send(m: OutgoingMessage) {
    this.sent.push(m);
    return { providerId: `mailbox:${m.id}` };
  }
}

/**
 * A data subject's own requests over HTTP: the e-mailed code (read from the message the delivery
 * sends), its expiry, its few tries, an answer that never tells whose address is known, the
 * reporter link, a token that shows its own subject's data only, the HTML copy, and the erasure
 * request that voids the token.
 */
describe('privacy: a data subject verifies, reads and downloads their data, asks for erasure (in-process HTTP)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let restoreEnv: () => void;
  let delivery: NotificationDeliveryService;
  const mailbox = new MailboxDriver();
  const filed: Record<'A' | 'B', { id: string; code: string; secret: string }> = {} as never;

  beforeAll(async () => {
    restoreEnv = setEnv({
      RATE_LIMIT_PRIVACY_CODE: `account=1000000/60,${OPEN}`,
      RATE_LIMIT_PRIVACY_ACCESS: OPEN,
      PRIVACY_CODE_MAX_ATTEMPTS: '3',
    });
    ({ app, db } = await createTestHttpAppWithDb());
    // The worker's delivery of messages, on the API's clock and database, with a mailbox for e-mail.
    delivery = new NotificationDeliveryService(
      new NotificationDeliveryRepository(db),
      app.get(APP_CONFIG),
      new RecordingDriver(),
      mailbox,
      new RecordingDriver(),
      app.get(ReporterAccessService),
      app.get(PrivacyCodesService),
      app.get<Clock>(CLOCK),
    );
    for (const [key, who] of [
      ['A', A],
      ['B', B],
    ] as const) {
      const res = await callApi(app, 'POST', '/api/v1/reports', undefined, {
        category: 'pothole',
        lat: 10.7791,
        lng: 106.6958,
        description: `Ổ gà sâu trước nhà, liên hệ ${who.name}`,
        reporter: { name: who.name, phone: who.phone, email: who.email },
        consent: true,
      });
      expect(res.status).toBe(201);
      filed[key] = { id: res.body.id, code: res.body.code, secret: res.body.reporterSecret };
    }
  });
  afterAll(async () => {
    await app?.close();
    restoreEnv?.();
  });

  /** Delivers due messages until one reached `to` after `since` messages; its six-digit code. */
  async function codeSentTo(to: string): Promise<string> {
    const before = mailbox.sent.filter((m) => m.recipient === to).length;
    for (let pass = 0; pass < 50; pass++) {
      const mine = mailbox.sent.filter((m) => m.recipient === to);
      if (mine.length > before) {
        const m = /Mã xác minh của Quý người dân là: (\d{6})/.exec(mine[mine.length - 1].text);
        expect(m).not.toBeNull();
        return m![1];
      }
      await delivery.deliverDue(app.get<Clock>(CLOCK).now());
    }
    throw new Error(`no message reached ${to}`);
  }
  const askCode = (email: string) => callApi(app, 'POST', '/api/v1/privacy/verification-codes', undefined, { email });
  const access = (body: object) => callApi(app, 'POST', '/api/v1/privacy/access', undefined, body);
  const myData = (token: string | undefined) =>
    callApi(app, 'GET', '/api/v1/privacy/my-data', undefined, undefined, token ? { 'x-privacy-access': token } : {});
  const myPage = (token: string) =>
    app.inject({ method: 'GET', url: '/api/v1/privacy/my-data?format=html', headers: { 'x-privacy-access': token } });

  it('answers 202 { sent: true } whether or not the address is known, and sends a code only to a known one', async () => {
    const known = await askCode(A.email.toUpperCase());
    const unknown = await askCode(UNKNOWN);
    expect([known.status, known.body]).toEqual([202, { sent: true }]);
    expect([unknown.status, unknown.body]).toEqual([202, { sent: true }]);
    const rows: { recipient: string; payload: Record<string, unknown> }[] = await db.query(
      `SELECT recipient, payload FROM notification WHERE template = 'privacy.verification_code' AND lower(recipient) IN ($1, $2)`,
      [A.email, UNKNOWN],
    );
    expect(rows.map((r) => r.recipient.toLowerCase())).toEqual([A.email]);
    // The message's row names the verification, never a code (it is made at sending).
    expect(Object.keys(rows[0].payload).sort()).toEqual(['minutes', 'verificationId']);
  });

  it('gives a token for the code read from the e-mail, once, and the token shows that subject’s data only', async () => {
    const code = await codeSentTo(A.email.toUpperCase());
    // Only a keyed digest of the code is stored.
    const stored: { code_hash: Buffer }[] = await db.query(`SELECT code_hash FROM privacy_verification WHERE code_hash IS NOT NULL`);
    expect(stored.some((r) => r.code_hash.toString('hex').includes(Buffer.from(code).toString('hex')))).toBe(false);

    const before = app.get<Clock>(CLOCK).now().getTime();
    const granted = await access({ email: `  ${A.email.toUpperCase()} `, code });
    const after = app.get<Clock>(CLOCK).now().getTime();
    expect(granted.status).toBe(200);
    // PRIVACY_ACCESS_TTL_MINUTES (30) from the moment it was granted.
    const expiresAt = new Date(granted.body.expiresAt).getTime();
    expect(expiresAt >= before + 30 * MINUTE && expiresAt <= after + 30 * MINUTE).toBe(true);
    expect((await access({ email: A.email, code })).status).toBe(403);

    const res = await myData(granted.body.accessToken);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.subject).toEqual({ phones: [], emails: [A.email] });
    expect(res.body.reports.map((r: { code: string }) => r.code)).toEqual([filed.A.code]);
    const report = res.body.reports[0];
    expect(report.personal).toMatchObject({ reporter_name: A.name, reporter_phone: A.phone, reporter_email: A.email });
    expect(report.personal.description).toContain(A.name);
    expect(report.category.code).toBe('pothole');
    // The code's own message is among the messages sent to the subject.
    expect(res.body.notifications.map((n: { template: string }) => n.template)).toContain('privacy.verification_code');
    for (const value of [B.name, B.phone, B.email, filed.B.code]) expect(res.text).not.toContain(value);
    // The first download is recorded as a handled access request.
    expect(res.body.privacyRequests).toEqual([]);
    const again = await myData(granted.body.accessToken);
    expect(again.body.privacyRequests).toMatchObject([{ kind: 'access', channel: 'email_code', status: 'completed' }]);

    const audit: { subject: string; data: unknown }[] = await db.query(
      `SELECT subject, data FROM audit_event WHERE type IN ('privacy_access_granted', 'privacy_data_exported') ORDER BY id DESC LIMIT 3`,
    );
    expect(audit).toHaveLength(3);
    for (const value of [A.name, A.phone, A.email, code, granted.body.accessToken]) expect(JSON.stringify(audit)).not.toContain(value);
  });

  it('gives a standalone HTML copy to keep, escaped, with Vietnamese and English headings', async () => {
    const granted = await access({ trackingCode: filed.A.code, secret: filed.A.secret });
    const page = await myPage(granted.body.accessToken);
    const res = { status: page.statusCode, headers: page.headers, text: page.body };
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="du-lieu-ca-nhan-1022-\d{4}-\d{2}-\d{2}\.html"$/);
    expect(res.text).toMatch(/^<!doctype html>/);
    expect(res.text).toContain('Phản ánh <span lang="en">/ Reports</span>');
    for (const value of [A.name, A.phone, A.email, filed.A.code]) expect(res.text).toContain(value);
    expect(res.text).not.toContain('<script');
    for (const value of [B.name, B.phone, B.email]) expect(res.text).not.toContain(value);
  });

  it('from the reporter link, verifies that report’s phone and address; a wrong secret is refused', async () => {
    const granted = await access({ trackingCode: filed.B.code, secret: filed.B.secret });
    expect(granted.status).toBe(200);
    const res = await myData(granted.body.accessToken);
    expect(res.body.subject).toEqual({ phones: [B.phone], emails: [B.email] });
    expect(res.body.reports.map((r: { code: string }) => r.code)).toEqual([filed.B.code]);
    expect(res.text).not.toContain(A.email);

    const wrong = await access({ trackingCode: filed.B.code, secret: filed.A.secret });
    expect([wrong.status, wrong.body.code]).toEqual([403, 'privacy.proof_invalid']);
    expect(wrong.body.messageVi).toBeTruthy();
  });

  it('counts wrong codes: after the allowed tries the code is spent, even the right one', async () => {
    await askCode(B.email);
    const code = await codeSentTo(B.email);
    const wrong = code === '000000' ? '000001' : '000000';
    const first = await access({ email: B.email, code: wrong });
    const second = await access({ email: B.email, code: wrong });
    const third = await access({ email: B.email, code: wrong });
    expect([first.body.code, second.body.code, third.body.code]).toEqual([
      'privacy.proof_invalid',
      'privacy.proof_invalid',
      'privacy.code_exhausted',
    ]);
    const right = await access({ email: B.email, code });
    expect([right.status, right.body.code]).toEqual([403, 'privacy.code_exhausted']);
  });

  it('names the field of every input error in Vietnamese and English; no token is 401', async () => {
    const cases: [string, object, string][] = [
      ['/api/v1/privacy/verification-codes', { email: 'không-phải-email' }, 'email'],
      ['/api/v1/privacy/verification-codes', {}, 'email'],
      ['/api/v1/privacy/access', {}, 'trackingCode'],
      ['/api/v1/privacy/access', { trackingCode: filed.A.code }, 'secret'],
      ['/api/v1/privacy/access', { email: A.email }, 'code'],
      ['/api/v1/privacy/access', { email: A.email, code: '12ab' }, 'code'],
      ['/api/v1/privacy/access', { email: 'x@', code: '123456' }, 'email'],
      ['/api/v1/privacy/access', { email: A.email, code: '123456', trackingCode: filed.A.code, secret: filed.A.secret }, 'email'],
    ];
    for (const [url, body, field] of cases) {
      const res = await callApi(app, 'POST', url, undefined, body);
      expect({ url, body, status: res.status }).toEqual({ url, body, status: 400 });
      const issue = res.body.issues.find((i: { field: string }) => i.field === field);
      expect({ body, field, found: Boolean(issue?.message && issue?.messageVi) }).toEqual({ body, field, found: true });
    }
    const granted = await access({ trackingCode: filed.B.code, secret: filed.B.secret });
    const noConfirm = await callApi(
      app,
      'POST',
      '/api/v1/privacy/erasure-requests',
      undefined,
      { confirm: false },
      {
        'x-privacy-access': granted.body.accessToken,
      },
    );
    expect([noConfirm.status, noConfirm.body.issues[0].field]).toEqual([400, 'confirm']);

    for (const token of [undefined, 'x', 'A'.repeat(43)]) {
      const res = await myData(token);
      expect([res.status, res.body.code]).toEqual([401, token ? 'privacy.access_invalid' : 'privacy.access_required']);
      expect(res.body.messageVi).toBeTruthy();
    }
  });

  it('records an erasure request with the outbox message, voids the token, and audits it without values', async () => {
    const granted = await access({ trackingCode: filed.A.code, secret: filed.A.secret });
    const token = granted.body.accessToken;
    const asked = await callApi(
      app,
      'POST',
      '/api/v1/privacy/erasure-requests',
      undefined,
      { confirm: true },
      { 'x-privacy-access': token },
    );
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ requestId: expect.any(String), status: 'received' });
    const again = await callApi(
      app,
      'POST',
      '/api/v1/privacy/erasure-requests',
      undefined,
      { confirm: true },
      { 'x-privacy-access': token },
    );
    expect(again.status).toBe(401);
    expect((await myData(token)).status).toBe(401);

    const outbox = await db.query(`SELECT count(*)::int AS n FROM outbox WHERE topic = 'privacy.erasure_requested' AND aggregate_id = $1`, [
      asked.body.requestId,
    ]);
    expect(outbox[0].n).toBe(1);
    const row = await db.query(`SELECT kind, channel, status, subject_phones, subject_emails FROM privacy_request WHERE id = $1`, [
      asked.body.requestId,
    ]);
    expect(row[0]).toEqual({
      kind: 'erasure',
      channel: 'web_link',
      status: 'received',
      subject_phones: [A.phone],
      subject_emails: [A.email],
    });
    const audit = await db.query(`SELECT data FROM audit_event WHERE type = 'privacy_request_received' AND subject = $1`, [
      `privacy_request:${asked.body.requestId}`,
    ]);
    expect(audit).toEqual([{ data: { kind: 'erasure', channel: 'web_link' } }]);
  });

  it('lets a code and a token expire with the clock', async () => {
    await askCode(A.email);
    const code = await codeSentTo(A.email);
    const granted = await access({ trackingCode: filed.B.code, secret: filed.B.secret });
    expect((await myData(granted.body.accessToken)).status).toBe(200);
    advanceClock(app, 31 * MINUTE);
    expect((await access({ email: A.email, code })).status).toBe(403);
    const late = await myData(granted.body.accessToken);
    expect([late.status, late.body.code]).toEqual([401, 'privacy.access_invalid']);
  });
});

describe('privacy: verification codes are rate-limited per address (in-process HTTP, default limits)', () => {
  let app: NestFastifyApplication;
  let restoreEnv: () => void;

  beforeAll(async () => {
    // The shipped default: three codes an hour per address (account=3/3600).
    restoreEnv = setEnv({ RATE_LIMIT_PRIVACY_CODE: 'account=3/3600,client=1000000/60' });
    ({ app } = await createTestHttpAppWithDb());
  });
  afterAll(async () => {
    await app?.close();
    restoreEnv?.();
  });

  it('answers 429 with Retry-After from the fourth code an hour for one address, whoever asks', async () => {
    const address = `gioi.han.${letters}.${Date.now()}@example.org`;
    const ask = (email: string) => callApi(app, 'POST', '/api/v1/privacy/verification-codes', undefined, { email });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await ask(i === 1 ? address.toUpperCase() : address)).status);
    const refused = await ask(` ${address} `);
    expect([...statuses, refused.status]).toEqual([202, 202, 202, 429]);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.messageVi).toBeTruthy();
    // Another address is counted on its own.
    expect((await ask(`khac.${address}`)).status).toBe(202);
  });
});
