import { ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { OutboxRepository } from '../outbox/outbox.repository';
import { IntakeService } from '../../modules/intake/intake.service';
import { NotificationsService } from '../../modules/notifications/notifications.service';
import { SLA_STAGES } from '../../modules/sla/sla-stages';
import { leaksIn as leaksOf, seededPersonalValues } from '../../testing/seeded-personal-values';
import { createWorkerStage, spawnWorker, WorkerStage } from '../../testing/worker-stage';

/**
 * The worker's log holds no personal value: a real worker process, at its most talkative, routes
 * reports filed with contact details, fires their SLA stages and sends their citizens' messages
 * through SMTP (one address refused by the server) and the SMS driver; everything it wrote is
 * then read as raw text.
 */

const { values: SEEDED } = seededPersonalValues();
const leaksIn = (text: string) => leaksOf(SEEDED, text);
const TARGET_MS = 3000;

/** Waits for `check` to hold, looking every 250 ms, at most `ms`. */
async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("the worker's log carries no personal value (worker process, SMTP)", () => {
  let stage: WorkerStage;
  let data: DataSource;
  let worker: ChildProcess | undefined;
  let smtp: SMTPServer;
  const delivered: string[] = [];
  let output = '';
  const ids: string[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // The hidden reporter's mailbox does not exist: the provider's refusal names the address.
      onRcptTo: (address, _session, cb) =>
        address.address === SEEDED.hiddenEmail
          ? cb(Object.assign(new Error(`<${address.address}>: mailbox unavailable`), { responseCode: 550 }))
          : cb(),
      onData: (stream, session, cb) => {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          delivered.push(...session.envelope.rcptTo.map((r) => r.address));
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    stage = await createWorkerStage();
    data = stage.data;
  }, 60_000);

  afterAll(async () => {
    if (worker && worker.exitCode === null) worker.kill('SIGKILL');
    await stage?.close();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  });

  it('routes, fires the SLA stages and sends the messages, logging no value', async () => {
    worker = spawnWorker(stage, {
      env: {
        LOG_LEVEL: 'trace',
        NOTIFY_EMAIL_DRIVER: 'smtp',
        SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
        NOTIFY_DELIVERY_EVERY_MS: '500',
        NOTIFY_MAX_ATTEMPTS: '1',
      },
      output: (chunk) => (output += chunk),
    });

    const intake = stage.app.get(IntakeService);
    for (const [name, phone, email, hideIdentity] of [
      [SEEDED.reporterName, SEEDED.reporterPhone, SEEDED.reporterEmail, false],
      [SEEDED.hiddenName, SEEDED.hiddenPhone, SEEDED.hiddenEmail, true],
    ] as const) {
      const { result } = await intake.submit({
        categoryCode: 'pothole',
        lat: 10.7725,
        lng: 106.6981,
        description: `Ổ gà sâu, gọi ${SEEDED.typedPhone} hoặc ${SEEDED.typedEmail}`,
        reporter: { name, phone, email, hideIdentity },
        channel: 'web',
      });
      ids.push(result.id);
    }

    // The worker routes them (outbox → routing queue).
    const routed = async () =>
      Number((await data.query(`SELECT count(*) AS n FROM report WHERE id = ANY($1) AND assigned_unit_id IS NOT NULL`, [ids]))[0].n) ===
      ids.length;
    await until(routed, 30_000, 'routing');

    // A status change tells each reporter by e-mail and SMS (as TicketsService.tellCitizen records it).
    const reports: { id: string; code: string; reporter_email: string; reporter_phone: string }[] = await data.query(
      `SELECT id, code, reporter_email, reporter_phone FROM report WHERE id = ANY($1)`,
      [ids],
    );
    await data.transaction((tx) =>
      stage.app.get(NotificationsService, { strict: false }).recordMany(
        tx,
        reports.flatMap((r) =>
          (['email', 'sms'] as const).map((channel) => ({
            reportId: r.id,
            channel,
            recipient: channel === 'email' ? r.reporter_email : r.reporter_phone,
            unitId: null,
            template: 'citizen.status.in_progress',
            payload: { code: r.code, status: 'in_progress', eventId: r.id },
            dedupeKey: `leak-scan:${r.id}:${channel}`,
          })),
        ),
      ),
    );

    // Every SLA clock shrunk to seconds so each stage fires now (as sla-timers.int-spec does).
    const start = new Date();
    await data.query(
      `UPDATE sla_clock SET mode = 'calendar', target_ms = $2, transitions = $3, state = 'running',
              due_at = $4, next_stage = 'warn50', next_stage_at = $5 WHERE report_id = ANY($1)`,
      [
        ids,
        TARGET_MS,
        JSON.stringify([{ type: 'start', at: start.toISOString() }]),
        new Date(start.getTime() + TARGET_MS),
        new Date(start.getTime() + TARGET_MS / 2),
      ],
    );
    const outbox = stage.app.get(OutboxRepository, { strict: false });
    await data.transaction(async (tx) => {
      for (const id of ids) await outbox.enqueue(tx, 'sla.changed', id);
    });
    const allStages = ids.length * 2 * SLA_STAGES.length;
    await until(
      async () =>
        Number((await data.query(`SELECT count(*) AS n FROM sla_stage_event WHERE report_id = ANY($1)`, [ids]))[0].n) >= allStages,
      45_000,
      'SLA stages',
    );

    const settled = async () =>
      Number(
        (
          await data.query(
            `SELECT count(*) AS n FROM notification WHERE report_id = ANY($1) AND template LIKE 'citizen.%' AND status <> 'recorded'`,
            [ids],
          )
        )[0].n,
      ) === 4;
    await until(settled, 30_000, 'delivery');
    worker.kill('SIGTERM');
    await new Promise((r) => worker!.once('exit', r));

    const messages: { recipient: string; channel: string; status: string; last_error: string | null }[] = await data.query(
      `SELECT recipient, channel, status, last_error FROM notification WHERE report_id = ANY($1) AND template LIKE 'citizen.%' ORDER BY recipient`,
      [ids],
    );
    // The check is not empty: the messages went out (one refused), and the worker said so.
    expect(delivered).toContain(SEEDED.reporterEmail);
    expect(messages.map((m) => [m.recipient, m.status]).sort()).toEqual(
      [
        [SEEDED.reporterEmail, 'sent'],
        [SEEDED.reporterPhone, 'sent'],
        [SEEDED.hiddenEmail, 'failed'],
        [SEEDED.hiddenPhone, 'sent'],
      ].sort(),
    );
    expect(output).toContain('notification delivery failed');
    expect(output.split('\n').length).toBeGreaterThan(10);

    expect(leaksIn(output)).toEqual([]);
    // The provider's refusal is kept for the operators without the address it named (registry: notification.last_error).
    expect(leaksIn(messages.map((m) => m.last_error ?? '').join('\n'))).toEqual([]);
  }, 180_000);
});
