import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { printFigures, tallyIntake } from '../testing/faults/intake-checks';
import { percentile, runIntakeLoad, statusCounts } from '../testing/faults/intake-load';
import { FAULT_SCALE, FaultSystem, scaled, startFaultSystem } from '../testing/faults/fault-system';
import { waitFor } from '../testing/ports';

// Fault 2 (docs/reliability.md): workers SIGKILLed again and again under intake, and SIGTERM to a
// worker and to the API as a deploy does: no side effect doubled (assignment, SLA clock,
// notification), in-flight requests and jobs finish on SIGTERM. And a notification is never
// delivered twice, counted by Message-ID at a real SMTP listener, with the worker killed between
// the relay's acceptance and the mark.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`workers killed and deployed under intake load (${FAULT_SCALE} scale)`, () => {
  let system: FaultSystem;

  beforeAll(async () => {
    system = await startFaultSystem({ apis: 1, workers: 2 });
  });
  afterAll(async () => {
    await system?.close();
  });

  it('doubles no assignment, clock or notification through SIGKILLs and SIGTERM deploys', async () => {
    const rate = scaled(20, 100);
    const kills = scaled(4, 20);
    const abort = new AbortController();
    const load = runIntakeLoad({
      baseUrl: system.baseUrl,
      reports: 100_000,
      concurrency: 8,
      ratePerSecond: rate,
      retryShare: 0.2,
      signal: abort.signal,
    });
    const figures: Record<string, unknown> = { scale: FAULT_SCALE, 'reports a second': rate, 'worker SIGKILLs': kills };

    for (let i = 0; i < kills; i++) {
      await sleep(scaled(1500, 2500));
      const worker = system.workers[i % system.workers.length];
      await worker.stop('SIGKILL');
      worker.start();
    }

    // A deploy: each worker, then the API, stopped with SIGTERM and started again.
    const termExits: string[] = [];
    const termMs: number[] = [];
    for (const p of [...system.workers, ...system.apis]) {
      await sleep(scaled(1500, 3000));
      const started = Date.now();
      termExits.push(`${p.name}: ${await p.stop('SIGTERM', 30_000)}`);
      termMs.push(Date.now() - started);
      p.start();
    }
    figures['API ready again after its restart (ms)'] = await waitFor('the API ready again', () => system.ready(), 60_000, 200);
    await sleep(scaled(5000, 15_000));
    abort.abort();

    const { intended, ms } = await load;
    const acknowledged = intended.filter((r) => r.id).length;
    figures['all assigned after the load (ms)'] = await waitFor(
      'every acknowledged report assigned',
      async () => (await tallyIntake(system.db, intended)).assigned >= acknowledged,
      60_000,
      500,
    ).catch((err: Error) => err.message);
    const tally = await tallyIntake(system.db, intended);
    const [doubles] = await system.db.query<{ notifications: number; stages: number; clocks: number }>(
      `SELECT (SELECT count(*) FROM (SELECT report_id FROM notification WHERE template = 'ticket.assigned'
                                       GROUP BY report_id, unit_id HAVING count(*) > 1) d)::int AS notifications,
              (SELECT count(*) FROM (SELECT 1 FROM sla_stage_event GROUP BY report_id, kind, stage, cycle HAVING count(*) > 1) d)::int AS stages,
              (SELECT count(*) FROM (SELECT 1 FROM sla_clock GROUP BY report_id, kind HAVING count(*) > 1) d)::int AS clocks`,
    );
    Object.assign(figures, {
      reports: intended.length,
      'load duration (ms)': ms,
      'answers by status': statusCounts(intended),
      'p99 of 201 (ms)': percentile(
        intended.flatMap((r) => r.attempts.filter((a) => a.status === 201).map((a) => a.ms)),
        99,
      ),
      'SIGTERM exits': termExits.join(', '),
      'SIGTERM to exit, slowest (ms)': Math.max(...termMs),
      ...tally,
      'doubled unit notifications': doubles.notifications,
      'doubled SLA stages': doubles.stages,
      'doubled SLA clocks': doubles.clocks,
      'unexpected exits': system.unexpectedExits().length,
    });
    printFigures('fault 2: worker SIGKILLs and SIGTERM deploys under intake', figures);

    for (const e of system.unexpectedExits()) process.stdout.write(`[fault] ${e.process} exited (${e.exit}):\n${e.tail.join('\n')}\n`);
    expect(system.unexpectedExits()).toEqual([]);
    // SIGTERM ends each process by itself (shutdown hooks), never by the SIGKILL after the grace.
    for (const exit of termExits) expect(exit).not.toMatch(/SIGKILL/);
    expect(typeof figures['all assigned after the load (ms)']).toBe('number');
    // While the API restarts, a client sees no answer (0) and tries again; nothing else but 201/503.
    expect(Object.keys(statusCounts(intended)).filter((s) => !['0', '201', '503'].includes(s))).toEqual([]);
    expect(tally).toMatchObject({ lost: 0, doubled: 0, assignedTwice: 0, withoutClock: 0 });
    expect(tally.acknowledged).toBe(intended.length);
    expect(doubles).toEqual({ notifications: 0, stages: 0, clocks: 0 });
    // The lanes wait through the API's restart, so fewer reports than rate × time.
    expect(intended.length).toBeGreaterThanOrEqual(scaled(200, 3000));
  });
});

/** An SMTP listener that keeps the Message-ID of every message it accepted. */
async function startListener(): Promise<{ port: number; messageIds: string[]; close: () => Promise<void> }> {
  const messageIds: string[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, _session, cb) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const headers = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
        messageIds.push(/^Message-ID: (.*)$/im.exec(headers)?.[1] ?? '(none)');
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, messageIds, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe(`notifications through worker kills, at a real SMTP listener (${FAULT_SCALE} scale)`, () => {
  it('never gives the listener the same Message-ID twice, the worker killed between acceptance and mark', async () => {
    const smtp = await startListener();
    // The worker waits PAUSE_MS after each acceptance before marking: a kill lands there every time.
    const PAUSE_MS = 1500;
    const system = await startFaultSystem({
      apis: 1,
      workers: 1,
      env: {
        NOTIFY_EMAIL_DRIVER: 'smtp',
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        NOTIFY_DELIVERY_EVERY_MS: '500',
        NOTIFY_FAULT_PAUSE_AFTER_SEND_MS: String(PAUSE_MS),
        NOTIFY_UNCONFIRMED_AFTER_MS: '60000',
        NOTIFY_RETRY_BASE_MS: '0',
      },
    });
    try {
      const messages = scaled(8, 20);
      const kills = scaled(3, 6);
      await system.db.query(
        `INSERT INTO notification (channel, recipient, template, payload, dedupe_key)
         SELECT 'email', 'citizen' || i || '@example.vn', 'citizen.status.resolved',
                jsonb_build_object('code', 'HCM-FAULT-' || i, 'status', 'resolved'), 'fault-smtp-' || i
           FROM generate_series(1, $1::int) AS i`,
        [messages],
      );
      const [worker] = system.workers;
      for (let k = 0; k < kills; k++) {
        const seen = smtp.messageIds.length;
        await waitFor('the next message at the listener', () => smtp.messageIds.length > seen, 60_000, 20);
        await worker.stop('SIGKILL');
        worker.start();
      }
      const states = () =>
        system.db.query<{ status: string; n: number }>(
          `SELECT status, count(*)::int AS n FROM notification WHERE dedupe_key LIKE 'fault-smtp-%' GROUP BY status`,
        );
      const count = async (status: string) => (await states()).find((s) => s.status === status)?.n ?? 0;
      await waitFor('every message sent or in doubt', async () => (await count('recorded')) === 0, 120_000, 250);
      // Full scale: past NOTIFY_UNCONFIRMED_AFTER_MS, the killed ones are settled as unconfirmed, not resent.
      if (FAULT_SCALE === 'full') await waitFor('abandoned messages settled', async () => (await count('sending')) === 0, 120_000, 1000);
      await sleep(2 * PAUSE_MS); // a resend, if there were one, would land meanwhile

      const byStatus = Object.fromEntries((await states()).map((s) => [s.status, s.n]));
      const distinct = new Set(smtp.messageIds).size;
      printFigures('fault 2: notification delivery through worker kills (real SMTP listener)', {
        scale: FAULT_SCALE,
        notifications: messages,
        'worker SIGKILLs after acceptance': kills,
        'messages at the listener': smtp.messageIds.length,
        'distinct Message-IDs': distinct,
        'rows by status': byStatus,
        'unexpected exits': system.unexpectedExits().length,
      });
      expect(system.unexpectedExits()).toEqual([]);
      expect(smtp.messageIds.length).toBe(distinct);
      expect(smtp.messageIds.length).toBe(messages);
      // Each kill left one message whose fate the worker could not record: never sent again.
      expect((byStatus.sending ?? 0) + (byStatus.unconfirmed ?? 0)).toBe(kills);
      expect(byStatus.sent).toBe(messages - kills);
    } finally {
      await system.close();
      await smtp.close();
    }
  });
});
