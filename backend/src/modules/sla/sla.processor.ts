import { Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, Job, UnrecoverableError, Worker } from 'bullmq';
import { OnJob, QueueJobData, runJob } from '../../engine/queue/queue-jobs';
import { QueueName } from '../../engine/queue/queue-name';
import { parseTimerJobId } from './sla-stages';
import { SlaService } from './sla.service';
import { StageBatcher } from './stage-batcher';
import { SlaTimersService } from './sla-timers.service';
import { Clock, CLOCK } from '../../engine/clock/clock';

/** `schedule-timers`: a ticket's clocks changed; `t`: one stage timer (all in its id); `sweep`: the net; `repair`: recompute all live clocks. */
export interface ScheduleTimersJob {
  id: string;
}
export type TimerJob = Record<string, never>;
export type SweepJob = Record<string, never>;
export type RepairJob = Record<string, never>;
export type SlaJobData = QueueJobData<
  QueueName.Sla,
  { 'schedule-timers': ScheduleTimersJob; t: TimerJob; sweep: SweepJob; repair: RepairJob }
>;

// High concurrency: a timer job mostly waits for its batch (StageBatcher), not the CPU.
// Completed jobs go at once (set here, not per job: see timerJobId on job option size).
const CONCURRENCY = 500;
// A BullMQ worker takes jobs off the queue one round trip after another; timers that come due
// together (business hours start at 07:30 for every clock that waited overnight) are taken by
// this many workers per process at once. Measured with 5,000 stages due at one instant and two
// processes: lateness p99 0.88–1.16 s with one or four workers each, 0.60–0.71 s with eight.
const FETCHERS = 8;

@Processor(QueueName.Sla, { concurrency: CONCURRENCY, removeOnComplete: { count: 0 }, removeOnFail: { count: 1000 } })
export class SlaProcessor extends WorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SlaProcessor.name);
  private readonly batcher: StageBatcher;
  /** The workers besides the one Nest runs for this processor, with its options. */
  private readonly fetchers: Worker[] = [];

  constructor(
    private readonly sla: SlaService,
    private readonly timers: SlaTimersService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
    this.batcher = new StageBatcher(async (refs) => {
      const { outcomes, next } = await this.sla.fireMany(refs, 'timer');
      await this.timers.add(next);
      return outcomes;
    });
  }

  onApplicationBootstrap(): void {
    for (let i = 1; i < FETCHERS; i++) {
      const worker = new Worker(QueueName.Sla, (job, token) => this.process(job, token), { ...this.worker.opts });
      worker.on('error', (err) => this.logger.warn(`${QueueName.Sla}: ${err.message}`));
      this.fetchers.push(worker);
    }
  }

  // Before the pools close (as WorkerDrain does for the main worker): running jobs finish.
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.fetchers.map((w) => w.close()));
  }

  async process(job: Job, token?: string): Promise<unknown> {
    return runJob(this, QueueName.Sla, job, token);
  }

  @OnJob(QueueName.Sla, 'schedule-timers')
  scheduleJob(job: Job<SlaJobData['schedule-timers']>): Promise<number> {
    return this.schedule(job.data.id);
  }

  @OnJob(QueueName.Sla, 'sweep')
  sweep(): Promise<number> {
    return this.sla.sweep(this.clock.now(), (next) => this.timers.add(next));
  }

  @OnJob(QueueName.Sla, 'repair')
  repair(): Promise<number> {
    // Deadlines may move either way: existing timers are moved, not just added.
    return this.sla.repair((timers) => this.timers.apply({ add: timers, remove: [] }));
  }

  /** Makes Redis hold exactly the timers PostgreSQL says the ticket needs. */
  async schedule(reportId: string): Promise<number> {
    const plan = await this.sla.timerPlan(reportId);
    await this.timers.apply(plan);
    return plan.add.length;
  }

  /** A stage timer woke: fire it, or — if its deadline moved later meanwhile — sleep again. */
  @OnJob(QueueName.Sla, 't')
  async timer(job: Job, token?: string): Promise<string> {
    const ref = parseTimerJobId(job.id ?? '');
    if (!ref) throw new UnrecoverableError(`malformed timer id ${job.id}`);
    const outcome = await this.batcher.fire(ref);
    if (outcome === 'not_due') {
      const plan = await this.sla.timerPlanOfClock(ref.clockId);
      const again = plan.add.find((a) => a.jobId === job.id);
      if (again && token) {
        // BullMQ's own timer: it runs on the host's time, whatever this process's clock says.
        await job.moveToDelayed(Date.now() + again.delayMs, token);
        throw new DelayedError();
      }
    }
    return outcome;
  }
}
