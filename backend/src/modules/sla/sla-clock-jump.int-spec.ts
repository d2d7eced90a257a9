import { ChildProcess } from 'node:child_process';
import Redis from 'ioredis';
import { shiftClock } from '../../testing/clock-shift';
import { TEST_QUEUE_PREFIX } from '../../testing/test-env';
import { createWorkerStage, spawnWorker, WorkerStage } from '../../testing/worker-stage';
import { IntakeService } from '../intake/intake.service';
import { RoutingService } from '../routing/routing.service';
import { SLA_STAGES } from './sla-stages';

const DAY = 86_400_000;

/**
 * The clock jump the fault suite relies on: a running worker process (its own Redis, a scratch
 * database) is moved 45 days forward through Redis, and its sweeper fires, by that time, every
 * stage of a ticket filed a moment before — none of which was due on the host's time.
 */
describe('a clock jump on a running worker (real PostgreSQL, its own Redis)', () => {
  let stage: WorkerStage;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    stage = await createWorkerStage();
  }, 60000);

  afterAll(async () => {
    if (worker && worker.exitCode === null) worker.kill('SIGKILL');
    await stage?.close();
  });

  const fired = async (reportId: string): Promise<string[]> =>
    (await stage.data.query(`SELECT kind || '/' || stage AS s FROM sla_stage_event WHERE report_id = $1 ORDER BY 1`, [reportId])).map(
      (r: { s: string }) => r.s,
    );

  it('fires every stage of a fresh ticket once its time has been moved past them, each once', async () => {
    const { result } = await stage.app
      .get(IntakeService)
      .submit({ categoryCode: 'illegal-construction', lat: 10.7725, lng: 106.6981, description: 'Kiểm thử nhảy đồng hồ', channel: 'web' });
    await stage.app.get(RoutingService).routeNew(result.id);
    worker = spawnWorker(stage);
    // The worker's first sweep runs as it starts: on the host's time nothing is due.
    await new Promise((r) => setTimeout(r, 4000));
    expect(worker.exitCode).toBeNull();
    expect(await fired(result.id)).toEqual([]);

    const client = new Redis(stage.redis.url);
    await shiftClock(client, TEST_QUEUE_PREFIX, 45 * DAY);
    await client.quit();

    const all = ['response', 'resolution'].flatMap((kind) => SLA_STAGES.map((s) => `${kind}/${s.name}`)).sort();
    const deadline = Date.now() + 40000;
    let seen = await fired(result.id);
    while (seen.length < all.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      seen = await fired(result.id);
    }
    expect(seen).toEqual(all);
  }, 90000);
});
