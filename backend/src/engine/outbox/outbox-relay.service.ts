import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { QueueName } from '../queue/queue-name';
import { OUTBOX_CHANNEL, OUTBOX_ROUTES, OutboxMessage, OutboxRoute } from './outbox-topics';
import { OutboxRepository } from './outbox.repository';

const BATCH = 500;
// A NOTIFY wakes the relay at once; the poll only covers a lost LISTEN connection.
const POLL_MS = 1000;
// A lost LISTEN connection is opened again after 0.5, 1, 2 … s, at most every 15 s, until it is.
const LISTEN_RETRY_BASE_MS = 500;
const LISTEN_RETRY_MAX_MS = 15_000;
// Redis may be down: an add that does not finish by then counts as failed and is retried.
const PUBLISH_TIMEOUT_MS = 5000;

/** Worker-side loop that moves committed outbox rows into BullMQ queues. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private readonly queues: Record<QueueName, Queue>;
  private listener: Client | null = null;
  private relisten: NodeJS.Timeout | null = null;
  private listenFailures = 0;
  private running = false;
  private wake: (() => void) | null = null;
  /** A notification came while a pass ran: what it announced may have committed after the pass's claim. */
  private woken = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly outbox: OutboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QueueName.Routing) routing: Queue,
    @InjectQueue(QueueName.Sla) sla: Queue,
    @InjectQueue(QueueName.Notifications) notifications: Queue,
    @InjectQueue(QueueName.Maintenance) maintenance: Queue,
    @InjectQueue(QueueName.Privacy) privacy: Queue,
  ) {
    this.queues = { routing, sla, notifications, maintenance, privacy };
  }

  async onApplicationBootstrap(): Promise<void> {
    this.running = true;
    await this.listen();
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    if (this.relisten) clearTimeout(this.relisten);
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
  }

  /** Publishes everything pending now; returns how many messages went out. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.outbox.relayBatch(BATCH, (batch) => this.publish(batch));
      total += n;
      if (n < BATCH) return total;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.woken = false;
      try {
        await this.drain();
      } catch (err) {
        this.logger.warn(`outbox relay: ${(err as Error).message}`);
      }
      // No waiting to gather: what commits while a pass runs is the next pass's batch, so
      // batches grow by themselves under load (one claim and one addBulk for many reports).
      if (this.woken && this.running) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        this.wake = () => {
          clearTimeout(timer);
          this.wake = null;
          resolve();
        };
      });
    }
  }

  /**
   * Opens the LISTEN connection; when it fails or is lost (a database restart ends it), the
   * poll carries on and the connection is opened again with backoff until it is back. Never
   * throws: the relay runs without it, a second slower.
   */
  private async listen(): Promise<void> {
    this.relisten = null;
    if (!this.running) return;
    const client = new Client({ connectionString: this.config.database.url, application_name: 'hcmc1022-outbox' });
    let lost = false;
    const onLost = (why: string) => {
      if (lost) return;
      lost = true;
      if (this.listener === client) this.listener = null;
      void client.end().catch(() => undefined);
      if (!this.running) return;
      const delay = Math.min(LISTEN_RETRY_MAX_MS, LISTEN_RETRY_BASE_MS * 2 ** this.listenFailures++);
      this.logger.warn(`outbox listener lost (${why}); polling every ${POLL_MS} ms, listening again in ${delay} ms`);
      this.relisten = setTimeout(() => void this.listen(), delay);
    };
    client.on('notification', () => {
      this.woken = true;
      this.wake?.();
    });
    client.on('error', (err) => onLost(err.message));
    client.on('end', () => onLost('connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (err) {
      onLost((err as Error).message);
      return;
    }
    if (lost) return;
    if (!this.running) {
      lost = true;
      await client.end().catch(() => undefined);
      return;
    }
    if (this.listenFailures > 0) this.logger.log('outbox listener back');
    this.listener = client;
    this.listenFailures = 0;
    // What committed while nobody listened is relayed now, not at the next poll.
    this.woken = true;
    this.wake?.();
  }

  /** One addBulk per queue (one round trip for the whole batch); a queue that fails fails its messages only. */
  private async publish(batch: OutboxMessage[]): Promise<{ published: string[]; failed: { id: string; error: string }[] }> {
    const published: string[] = [];
    const failed: { id: string; error: string }[] = [];
    const byQueue = new Map<QueueName, { message: OutboxMessage; route: OutboxRoute }[]>();
    for (const m of batch) {
      const route: OutboxRoute | undefined = OUTBOX_ROUTES[m.topic];
      if (!route) {
        failed.push({ id: m.id, error: `no route for topic ${m.topic}` });
        continue;
      }
      byQueue.set(route.queue, [...(byQueue.get(route.queue) ?? []), { message: m, route }]);
    }
    await Promise.all(
      [...byQueue].map(async ([queue, items]) => {
        try {
          await withTimeout(
            this.queues[queue].addBulk(
              items.map(({ message: m, route }) => ({
                name: route.jobName,
                data: { id: m.aggregateId, ...m.payload },
                opts: { jobId: route.jobId(m) },
              })),
            ),
            PUBLISH_TIMEOUT_MS,
          );
          published.push(...items.map((i) => i.message.id));
        } catch (err) {
          failed.push(...items.map((i) => ({ id: i.message.id, error: (err as Error).message })));
        }
      }),
    );
    return { published, failed };
  }
}

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
