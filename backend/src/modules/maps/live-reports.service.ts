import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import type { ServerResponse } from 'node:http';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { TileGenerations } from './tile-generations';

const KEEP_ALIVE_MS = 15_000;

/**
 * Server-sent events for live maps: one Redis subscription per API process, fanned out to every
 * open stream. Each aggregator pass that changed reports becomes one `reports` event.
 */
@Injectable()
export class LiveReportsService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(LiveReportsService.name);
  private readonly streams = new Set<ServerResponse>();
  private subscriber: Redis | null = null;
  private keepAlive: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly generations: TileGenerations,
  ) {}

  async onModuleInit(): Promise<void> {
    this.subscriber = new Redis(this.config.redis.url, { connectionName: 'hcmc1022-live', maxRetriesPerRequest: null, lazyConnect: true });
    this.subscriber.on('error', (err) => this.logger.debug(`live subscription: ${err.message}`));
    this.subscriber.on('message', (_channel, message) => this.broadcast('reports', message));
    // ioredis re-subscribes after a reconnect; the first connect may wait for Redis.
    void this.subscriber.connect().then(() => this.subscriber?.subscribe(this.generations.channel)).catch(() => undefined);
    this.keepAlive = setInterval(() => this.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    this.keepAlive.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.keepAlive) clearInterval(this.keepAlive);
    for (const s of this.streams) s.end();
    this.streams.clear();
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  /** Takes over a response as an event stream until the client goes away. */
  open(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx must pass events through as they come.
      'x-accel-buffering': 'no',
    });
    res.write(': connected\n\n');
    this.streams.add(res);
    res.on('close', () => this.streams.delete(res));
  }

  private broadcast(event: string, data: string): void {
    this.write(`event: ${event}\ndata: ${data}\n\n`);
  }

  private write(chunk: string): void {
    for (const s of this.streams) s.write(chunk);
  }
}
