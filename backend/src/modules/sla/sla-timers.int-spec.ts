import { INestApplicationContext } from '@nestjs/common';
import { ChildProcess } from 'node:child_process';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { OutboxRepository } from '../../engine/outbox/outbox.repository';
import { createWorkerStage, spawnWorker, WorkerStage } from '../../testing/worker-stage';
import type { Principal } from '../auth/principal';
import { IntakeService } from '../intake/intake.service';
import { RoutingService } from '../routing/routing.service';
import { SlaService } from './sla.service';
import { SLA_STAGES } from './sla-stages';

const TARGET_MS = 8000;
const ALL_STAGES = SLA_STAGES.map((s) => s.name).sort();

/**
 * Invariant 3 end to end: real worker processes, a private Redis, PostgreSQL. Clocks are shrunk
 * to seconds (calendar mode) so every stage falls inside the test; one worker is SIGKILLed
 * mid-way and Redis is flushed before the next starts.
 */
describe('SLA stages fire exactly once through a worker SIGKILL and a Redis FLUSHALL', () => {
  let stage: WorkerStage;
  let app: INestApplicationContext;
  let data: DataSource;
  const workers: ChildProcess[] = [];

  const startWorker = () => {
    const child = spawnWorker(stage);
    workers.push(child);
    return child;
  };

  beforeAll(async () => {
    stage = await createWorkerStage();
    ({ app, data } = stage);
  }, 60000);

  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    await stage?.close();
  });

  it('fires each of the five stages once per running clock, none for a paused one, and keeps a transferred clock', async () => {
    const intake = app.get(IntakeService);
    const routing = app.get(RoutingService);
    const sla = app.get(SlaService, { strict: false });
    const outbox = app.get(OutboxRepository, { strict: false });

    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { result } = await intake.submit({
        categoryCode: 'illegal-construction',
        lat: 10.7725,
        lng: 106.6981,
        description: `Công trình sai phép số ${i}`,
        channel: 'web',
      });
      await routing.routeNew(result.id);
      ids.push(result.id);
    }
    // Shrink every clock to seconds, starting now, and tell the workers (outbox → schedule-timers).
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
    await data.transaction(async (tx) => {
      for (const id of ids) await outbox.enqueue(tx, 'sla.changed', id);
    });
    const [paused, transferred, ...running] = ids;
    await data.transaction((tx) => sla.transition(tx, paused, ['response', 'resolution'], 'pause', new Date()));

    const first = startWorker();
    await new Promise((r) => setTimeout(r, 1500));
    const [admin] = await data.query(`SELECT id FROM app_user WHERE username = 'admin'`);
    const [xd] = await data.query(`SELECT id FROM handling_unit WHERE code = 'SO-XAYDUNG'`);
    const adminPrincipal: Principal = { userId: admin.id, username: 'admin', role: 'admin', unitId: null };
    const clockBefore = await data.query(`SELECT kind, transitions, target_ms FROM sla_clock WHERE report_id = $1 ORDER BY kind`, [
      transferred,
    ]);
    await routing.transfer(transferred, xd.id, 'Thuộc thẩm quyền Sở Xây dựng', adminPrincipal);

    // Mid-way (warn50 has fired, the rest is pending in Redis): kill the worker, wipe Redis.
    await new Promise((r) => setTimeout(r, 4000));
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const client = new Redis(stage.redis.url);
    await client.flushall();
    await client.quit();
    startWorker();
    startWorker();

    const expected = (running.length + 1) * 2 * ALL_STAGES.length;
    const deadline = Date.now() + 45000;
    while (Date.now() < deadline) {
      const count = Number(
        (await data.query(`SELECT count(*) AS n FROM sla_stage_event WHERE report_id = ANY($1)`, [[transferred, ...running]]))[0].n,
      );
      if (count >= expected) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await new Promise((r) => setTimeout(r, 2000)); // let any duplicate attempt land, if there were one

    const fired: { report_id: string; kind: string; stages: string[]; n: number }[] = await data.query(
      `SELECT report_id, kind, array_agg(stage ORDER BY stage) AS stages, count(*)::int AS n FROM sla_stage_event
        WHERE report_id = ANY($1) GROUP BY report_id, kind`,
      [ids],
    );
    for (const id of [transferred, ...running]) {
      for (const kind of ['response', 'resolution']) {
        const row = fired.find((f) => f.report_id === id && f.kind === kind);
        expect({ id, kind, stages: row?.stages }).toEqual({ id, kind, stages: ALL_STAGES });
      }
    }
    expect(fired.filter((f) => f.report_id === paused)).toEqual([]);
    // Exactly once on the timeline too.
    const timeline = await data.query(
      `SELECT report_id, count(*)::int AS n FROM report_event WHERE type LIKE 'sla_%' AND report_id = ANY($1) GROUP BY report_id`,
      [ids],
    );
    // (Breach and escalation of both clocks; warnings are not timeline events.)
    for (const t of timeline) expect(t.n).toBe(t.report_id === paused ? 0 : 2 * 2);
    // The transfer did not touch the clock.
    expect(
      await data.query(`SELECT kind, transitions, target_ms FROM sla_clock WHERE report_id = $1 ORDER BY kind`, [transferred]),
    ).toEqual(clockBefore);
    // Escalation reached the city; breaches reached the supervising unit.
    const notes = await data.query(`SELECT template, count(*)::int AS n FROM notification WHERE report_id = ANY($1) GROUP BY template`, [
      ids,
    ]);
    expect(Object.fromEntries(notes.map((n: { template: string; n: number }) => [n.template, n.n]))).toMatchObject({
      'sla.escalate': expect.any(Number),
      'sla.breach': expect.any(Number),
    });
  }, 90000);
});
