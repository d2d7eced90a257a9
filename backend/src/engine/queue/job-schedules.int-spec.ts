import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { TEST_QUEUE_PREFIX } from '../../testing/test-env';
import { createWorkerStage, spawnWorker, WorkerStage } from '../../testing/worker-stage';
import { QueueName } from './queue-name';

/** Every recurring job of the system, by queue: what the worker must keep in Redis. */
const EXPECTED: Array<[QueueName, string]> = [
  [QueueName.Notifications, 'deliver-notifications'],
  [QueueName.Maintenance, 'purge-uploads'],
  [QueueName.Sla, 'sla-sweep'],
  [QueueName.Sla, 'sla-repair'],
  [QueueName.Privacy, 'apply-retention'],
];
// The bound: every recurring job exists again within 60 s of a Redis loss.
const BOUND_MS = 60_000;

/**
 * A real worker process on a private Redis: after a FLUSHALL (the connection stays up) and after
 * a restart of an empty Redis (the connection drops and comes back), every recurring job is back
 * by itself, without a worker restart.
 */
describe('recurring jobs come back after Redis lost them (real worker, own redis-server)', () => {
  let stage: WorkerStage;
  let worker: ChildProcess;
  let queues: Map<QueueName, Queue>;
  let redis: Redis;

  beforeAll(async () => {
    stage = await createWorkerStage();
    worker = spawnWorker(stage, { env: { JOB_SCHEDULES_CHECK_MS: '1000' } });
    queues = new Map(
      Object.values(QueueName).map((name) => [name, new Queue(name, { connection: { url: stage.redis.url }, prefix: TEST_QUEUE_PREFIX })]),
    );
    redis = new Redis(stage.redis.url, { maxRetriesPerRequest: null });
  }, 60_000);

  afterAll(async () => {
    if (worker?.exitCode === null) worker.kill('SIGKILL');
    redis?.disconnect();
    await Promise.all([...(queues?.values() ?? [])].map((q) => q.close()));
    await stage?.close();
  });

  const missing = async () => {
    const out: string[] = [];
    for (const [queue, id] of EXPECTED) if (!(await queues.get(queue)!.getJobScheduler(id))) out.push(`${queue}:${id}`);
    return out;
  };

  /** Milliseconds until none is missing; fails past BOUND_MS naming the missing ones. */
  const allBackWithin = async (boundMs: number) => {
    const start = Date.now();
    let left = await missing();
    while (left.length > 0 && Date.now() - start < boundMs) {
      await sleep(250);
      left = await missing().catch(() => left);
    }
    expect(left).toEqual([]);
    return Date.now() - start;
  };

  it(
    'declares every recurring job at boot',
    async () => {
      await allBackWithin(BOUND_MS);
    },
    2 * BOUND_MS,
  );

  it(
    'declares them again after a FLUSHALL, with the worker left running',
    async () => {
      await redis.flushall();
      expect(await missing()).toHaveLength(EXPECTED.length);
      const ms = await allBackWithin(BOUND_MS);
      console.log(`recurring jobs back ${ms} ms after FLUSHALL`);
      expect(worker.exitCode).toBeNull();
    },
    2 * BOUND_MS,
  );

  it(
    'declares them again after Redis comes back empty from a restart',
    async () => {
      await stage.redis.kill();
      await stage.redis.restart();
      const ms = await allBackWithin(BOUND_MS);
      console.log(`recurring jobs back ${ms} ms after a Redis restart`);
      expect(worker.exitCode).toBeNull();
    },
    2 * BOUND_MS,
  );
});
