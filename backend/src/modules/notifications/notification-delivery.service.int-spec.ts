import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createHash } from 'node:crypto';
import { createScratchDatabase, ScratchDatabase } from '../../testing/scratch-database';
import { ReporterAccessRepository } from '../reporter-access/reporter-access.repository';
import { ReporterAccessService } from '../reporter-access/reporter-access.service';
import { testConfig } from '../../testing/test-env';
import { NotificationDriver, OutgoingMessage } from './notification-driver';
import { NotificationDeliveryRepository } from './notification-delivery.repository';
import { NotificationDeliveryService } from './notification-delivery.service';
import { RecordingDriver } from './recording.driver';
import { PrivacyCodesRepository } from '../privacy-codes/privacy-codes.repository';
import { PrivacyCodesService } from '../privacy-codes/privacy-codes.service';
import { SmtpDriver } from './smtp.driver';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** An SMTP server in this process on a free port; `refuse` makes it reject every recipient. */
async function startSmtp(options: { refuse?: boolean } = {}): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth: (auth, _session, cb) =>
      auth.username === 'user' && auth.password === 'pass' ? cb(null, { user: 'user' }) : cb(new Error('bad credentials')),
    onRcptTo: (_address, _session, cb) =>
      options.refuse ? cb(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 })) : cb(),
    onData: (stream, session, cb) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://user:pass@127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Decodes RFC 2047 encoded words (nodemailer encodes the Vietnamese subject). */
function decodeHeader(value: string): string {
  return value.replace(/\s+(?==\?)/g, '').replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function parseMail(raw: string): { subject: string; text: string; headers: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(headers)?.[1] ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8')
        : body;
  return { subject: decodeHeader(header('Subject')), text: text.replace(/\r\n/g, '\n'), headers };
}

/** Resolves once `condition` holds, checking every 20 ms; fails after 10 s. */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 10_000) throw new Error('condition not met within 10 s');
    await new Promise((r) => setTimeout(r, 20));
  }
}

class CountingDriver implements NotificationDriver {
  readonly name = 'counting';
  readonly sent: OutgoingMessage[] = [];
  async send(m: OutgoingMessage) {
    this.sent.push(m);
    await new Promise((r) => setTimeout(r, 20));
    return { providerId: `count:${m.id}` };
  }
}

describe('notification delivery (real PostgreSQL, in-process SMTP)', () => {
  let db: ScratchDatabase;
  let repo: NotificationDeliveryRepository;

  beforeAll(async () => {
    db = await createScratchDatabase({ migrate: true });
    repo = new NotificationDeliveryRepository(db.dataSource);
  });
  afterAll(async () => {
    await db.drop();
  });
  beforeEach(async () => {
    await db.dataSource.query('DELETE FROM notification');
  });

  const config = testConfig({ NOTIFY_MAX_ATTEMPTS: '3', NOTIFY_RETRY_BASE_MS: '60000', NOTIFY_BATCH_SIZE: '10' });
  const reporterAccess = new ReporterAccessService(new ReporterAccessRepository(), config);
  const service = (drivers: { internal?: NotificationDriver; email?: NotificationDriver; sms?: NotificationDriver }) =>
    new NotificationDeliveryService(
      repo,
      config,
      drivers.internal ?? new RecordingDriver(),
      drivers.email ?? new RecordingDriver(),
      drivers.sms ?? new RecordingDriver(),
      reporterAccess,
      new PrivacyCodesService(new PrivacyCodesRepository(db.dataSource), config),
    );

  /** A report to send about (the link tokens reference it). */
  async function aReport(code: string): Promise<string> {
    const q = db.dataSource;
    await q.query(
      `INSERT INTO admin_unit (code, name, short_name, kind, province_code, valid_from, source)
       SELECT '00001','Phường Thử','Thử','phuong','79','2025-07-01','test' WHERE NOT EXISTS (SELECT 1 FROM admin_unit WHERE code = '00001')`,
    );
    await q.query(
      `INSERT INTO category (code, name_vi, name_en, group_code, group_vi, group_en, handling_level)
       SELECT 't','T','T','g','G','G','ward' WHERE NOT EXISTS (SELECT 1 FROM category WHERE code = 't')`,
    );
    const [{ id }] = await q.query(
      `INSERT INTO report (code, channel, category_id, description, point, point_3857, admin_unit_id, ward_code)
       SELECT $1, 'web', c.id, 'x', ST_SetSRID(ST_MakePoint(106.7, 10.77), 4326), ST_SetSRID(ST_MakePoint(0, 0), 3857), a.id, a.code
         FROM category c, admin_unit a WHERE c.code = 't' AND a.code = '00001' LIMIT 1 RETURNING id`,
      [code],
    );
    return id;
  }

  async function insert(
    channel: string,
    recipient: string,
    template: string,
    payload: Record<string, unknown>,
    key: string,
  ): Promise<string> {
    const [{ id }] = await db.dataSource.query(
      `INSERT INTO notification (report_id, channel, recipient, unit_id, template, payload, dedupe_key) VALUES (NULL, $1, $2, NULL, $3, $4, $5) RETURNING id`,
      [channel, recipient, template, payload, key],
    );
    return String(id);
  }
  const row = async (id: string) =>
    (
      await db.dataSource.query(
        `SELECT status, attempts, sent_at, last_error, provider_id, next_attempt_at FROM notification WHERE id = $1`,
        [id],
      )
    )[0];

  it('delivers an e-mail notification once over SMTP and marks it sent; a second pass sends nothing', async () => {
    const smtp = await startSmtp();
    const email = new SmtpDriver(smtp.url, '1022 <no-reply@1022.test>');
    try {
      const id = await insert(
        'email',
        'citizen@example.vn',
        'citizen.status.resolved',
        { code: 'HCM-2025-000042', status: 'resolved' },
        'citizen:e1:email',
      );
      const now = new Date('2025-11-24T03:00:00Z');
      const delivery = service({ email });

      expect(await delivery.deliverDue(now)).toEqual({ sent: 1, retried: 0, failed: 0, unconfirmed: 0 });
      expect(smtp.received).toHaveLength(1);
      const [mail] = smtp.received;
      expect(mail.from).toBe('no-reply@1022.test');
      expect(mail.to).toEqual(['citizen@example.vn']);
      const parsed = parseMail(mail.raw);
      expect(parsed.subject).toBe('Phản ánh HCM-2025-000042 đã được xử lý xong');
      expect(parsed.text).toContain('Phản ánh mã HCM-2025-000042 của Quý người dân đã được xử lý xong.');
      expect(parsed.text).toContain('/track/HCM-2025-000042');
      expect(parsed.headers).toMatch(new RegExp(`^X-1022-Notification-Id: ${id}$`, 'im'));
      expect(parsed.headers).toMatch(new RegExp(`^Message-ID: <notification\\.${id}@1022\\.test>$`, 'im'));

      const r = await row(id);
      expect(r).toMatchObject({ status: 'sent', attempts: 1, last_error: null, next_attempt_at: null });
      expect(new Date(r.sent_at).toISOString()).toBe(now.toISOString());
      expect(r.provider_id).toBe(`<notification.${id}@1022.test>`);

      expect(await delivery.deliverDue(new Date(now.getTime() + 3600_000))).toEqual({ sent: 0, retried: 0, failed: 0, unconfirmed: 0 });
      expect(smtp.received).toHaveLength(1);
    } finally {
      email.close();
      await smtp.close();
    }
  });

  it('gives each message to a reporter its own link token: hashed with an expiry, never in the row, replaced on a retry', async () => {
    const reportId = await aReport('HCM-251124-TOKEN2');
    const smtp = await startSmtp();
    const email = new SmtpDriver(smtp.url, '1022 <no-reply@1022.test>');
    try {
      const [{ id }] = await db.dataSource.query(
        `INSERT INTO notification (report_id, channel, recipient, template, payload, dedupe_key) VALUES ($1, 'email', 'citizen@example.vn', 'citizen.status.resolved', $2, 'citizen:token:email') RETURNING id`,
        [reportId, { code: 'HCM-251124-TOKEN2', status: 'resolved' }],
      );
      const now = new Date('2025-11-24T03:00:00Z');
      expect(await service({ email }).deliverDue(now)).toEqual({ sent: 1, retried: 0, failed: 0, unconfirmed: 0 });
      const text = parseMail(smtp.received[0].raw).text;
      const secret = /\/track\/HCM-251124-TOKEN2#secret=([A-Za-z0-9_-]{43})/.exec(text)?.[1];
      expect(secret).toBeDefined();

      const stored = await db.dataSource.query(
        `SELECT kind, notification_id::text AS "notificationId", expires_at AS "expiresAt", encode(secret_hash, 'hex') AS hash FROM reporter_secret WHERE report_id = $1`,
        [reportId],
      );
      expect(stored).toEqual([
        {
          kind: 'message',
          notificationId: String(id),
          expiresAt: new Date(now.getTime() + 30 * 86_400_000),
          hash: createHash('sha256').update(secret!).digest('hex'),
        },
      ]);
      const [{ payload }] = await db.dataSource.query(`SELECT payload::text AS payload FROM notification WHERE id = $1`, [id]);
      expect(payload).not.toContain(secret);

      // The token acts on its own report until it expires, and on no other.
      expect(await reporterAccess.mayAct(db.dataSource.manager, reportId, secret, new Date(now.getTime() + 29 * 86_400_000))).toBe(true);
      expect(await reporterAccess.mayAct(db.dataSource.manager, reportId, secret, new Date(now.getTime() + 31 * 86_400_000))).toBe(false);
      expect(await reporterAccess.mayAct(db.dataSource.manager, await aReport('HCM-251124-OTHER2'), secret, now)).toBe(false);
    } finally {
      email.close();
      await smtp.close();
    }
  });

  it('delivers internal, sms and (by default) e-mail rows with the recording driver, touching no network', async () => {
    const ids = [
      await insert('internal', 'UBND-P-BEN-THANH', 'sla.warn75', { kind: 'resolution', cycle: 1, stage: 'warn75' }, 'sla:1'),
      await insert('sms', '+84901234567', 'citizen.status.assigned', { code: 'HCM-1' }, 'citizen:e2:sms'),
      await insert('email', 'a@example.vn', 'ticket.assigned', { reportId: 'x' }, 'k3'),
    ];
    expect(await service({}).deliverDue(new Date())).toEqual({ sent: 3, retried: 0, failed: 0, unconfirmed: 0 });
    for (const id of ids) expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, provider_id: `recording:${id}` });
  });

  it('gives up at once on a template that cannot be rendered', async () => {
    const id = await insert('email', 'a@example.vn', 'no.such.template', {}, 'k-bad');
    expect(await service({}).deliverDue(new Date())).toEqual({ sent: 0, retried: 0, failed: 1, unconfirmed: 0 });
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringContaining('no.such.template') });
  });

  it('retries a refused e-mail later, counting attempts, and marks it failed at the cap', async () => {
    const smtp = await startSmtp({ refuse: true });
    const email = new SmtpDriver(smtp.url, 'no-reply@1022.test');
    try {
      const id = await insert('email', 'gone@example.vn', 'citizen.status.new', { code: 'HCM-9' }, 'k-refused');
      const delivery = service({ email });
      const t0 = new Date('2025-11-24T03:00:00Z');

      expect(await delivery.deliverDue(t0)).toEqual({ sent: 0, retried: 1, failed: 0, unconfirmed: 0 });
      let r = await row(id);
      expect(r).toMatchObject({ status: 'recorded', attempts: 1, sent_at: null, provider_id: null });
      expect(r.last_error).toMatch(/550/);
      expect(new Date(r.next_attempt_at).getTime()).toBe(t0.getTime() + 60_000);

      // Not due yet: the row is left alone.
      expect(await delivery.deliverDue(new Date(t0.getTime() + 30_000))).toEqual({ sent: 0, retried: 0, failed: 0, unconfirmed: 0 });
      expect((await row(id)).attempts).toBe(1);

      const t1 = new Date(t0.getTime() + 60_000);
      expect(await delivery.deliverDue(t1)).toEqual({ sent: 0, retried: 1, failed: 0, unconfirmed: 0 });
      r = await row(id);
      expect(r).toMatchObject({ status: 'recorded', attempts: 2 });
      expect(new Date(r.next_attempt_at).getTime()).toBe(t1.getTime() + 120_000);

      expect(await delivery.deliverDue(new Date(t1.getTime() + 120_000))).toEqual({ sent: 0, retried: 0, failed: 1, unconfirmed: 0 });
      expect(await row(id)).toMatchObject({ status: 'failed', attempts: 3, next_attempt_at: null, sent_at: null });
      expect(await delivery.deliverDue(new Date(t1.getTime() + 3600_000 * 24))).toEqual({ sent: 0, retried: 0, failed: 0, unconfirmed: 0 });
      expect(smtp.received).toHaveLength(0);
    } finally {
      email.close();
      await smtp.close();
    }
  });

  it('two concurrent passes send each row exactly once (FOR UPDATE SKIP LOCKED)', async () => {
    for (let i = 0; i < 15; i++) await insert('internal', 'UNIT', 'ticket.assigned', { reportId: `r${i}` }, `k-c${i}`);
    const a = new CountingDriver();
    const b = new CountingDriver();
    const now = new Date();
    const [ra, rb] = await Promise.all([service({ internal: a }).deliverDue(now), service({ internal: b }).deliverDue(now)]);
    // Batches of 10: together the two passes cover at most 20 rows, and no row twice.
    const ids = [...a.sent, ...b.sent].map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ra.sent + rb.sent).toBe(ids.length);
    await service({ internal: a }).deliverDue(now);
    const all = [...a.sent, ...b.sent].map((m) => m.id);
    expect(all).toHaveLength(15);
    expect(new Set(all).size).toBe(15);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE status = 'sent'`);
    expect(n).toBe(15);
  });
  it('never gives the SMTP listener the same Message-ID twice when the worker dies between its acceptance and the mark', async () => {
    const smtp = await startSmtp();
    const smtpDriver = new SmtpDriver(smtp.url, '1022 <no-reply@1022.test>');
    // The process "dies" right after the relay accepted: the send never returns, nothing is marked.
    const dying: NotificationDriver = { name: 'dying', send: (m) => smtpDriver.send(m).then(() => new Promise<never>(() => undefined)) };
    try {
      const ids = [
        await insert('email', 'a@example.vn', 'citizen.status.new', { code: 'HCM-D1' }, 'k-die-1'),
        await insert('email', 'b@example.vn', 'citizen.status.new', { code: 'HCM-D2' }, 'k-die-2'),
      ];
      const t0 = new Date('2025-11-24T03:00:00Z');
      void service({ email: dying }).deliverDue(t0);
      await until(() => smtp.received.length === 1);
      expect(await row(ids[0])).toMatchObject({ status: 'sending', sent_at: null });

      // Another worker, a minute later: the first row is in flight, the second goes out normally.
      const healthy = service({ email: smtpDriver });
      expect(await healthy.deliverDue(new Date(t0.getTime() + 60_000))).toEqual({ sent: 1, retried: 0, failed: 0, unconfirmed: 0 });
      // Past NOTIFY_UNCONFIRMED_AFTER_MS (10 min): the abandoned row is unconfirmed, not resent.
      expect(await healthy.deliverDue(new Date(t0.getTime() + 11 * 60_000))).toEqual({ sent: 0, retried: 0, failed: 0, unconfirmed: 1 });
      expect(await healthy.deliverDue(new Date(t0.getTime() + 48 * 3600_000))).toEqual({ sent: 0, retried: 0, failed: 0, unconfirmed: 0 });
      expect(await row(ids[0])).toMatchObject({
        status: 'unconfirmed',
        attempts: 1,
        last_error: expect.stringContaining('may have been delivered'),
      });
      expect(await row(ids[1])).toMatchObject({ status: 'sent' });

      const messageIds = smtp.received.map((m) => /^Message-ID: (.*)$/im.exec(parseMail(m.raw).headers)?.[1]);
      expect(messageIds.sort()).toEqual(ids.map((id) => `<notification.${id}@1022.test>`).sort());
    } finally {
      smtpDriver.close();
      await smtp.close();
    }
  });
});
