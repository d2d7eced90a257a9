import { WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';

/**
 * On SIGTERM (a deploy, a scale-down) the worker takes no new job and finishes the ones it runs
 * before anything it needs (PostgreSQL pool, Redis) is closed: BullMQ's close() waits for active
 * jobs. Before-shutdown runs ahead of every module's shutdown hook, where the pools close.
 */
@Injectable()
export class WorkerDrain implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerDrain.name);

  constructor(private readonly discovery: DiscoveryService) {}

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    const workers = this.discovery
      .getProviders()
      .map((w) => w.instance as unknown)
      .filter((i): i is WorkerHost => i instanceof WorkerHost)
      .map((h) => {
        try {
          return h.worker;
        } catch {
          return null; // never registered (a test module without the explorer)
        }
      })
      .filter((w) => w !== null);
    const started = Date.now();
    await Promise.all(workers.map((w) => w.close().catch((err: Error) => this.logger.warn(`closing ${w.name}: ${err.message}`))));
    if (signal) this.logger.log(`${signal}: ${workers.length} queue workers drained in ${Date.now() - started} ms`);
  }
}
