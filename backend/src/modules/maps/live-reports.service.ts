import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { closeRedis, createRedis } from '../../engine/redis/redis-connection';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { MapsException } from './maps.exception';
import { TileGenerations } from './tile-generations';

const KEEP_ALIVE_MS = 15_000;
// A client over its limit may try again once a stream of its has had time to close.
const RETRY_AFTER_SECONDS = 30;
const HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  // nginx must pass events through as they come.
  'x-accel-buffering': 'no',
};

/**
 * Server-sent events for live maps: one Redis subscription per API process, fanned out to every
 * open stream. Each aggregator pass that changed reports becomes one `reports` event.
 */
@Injectable()
export class LiveReportsService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(LiveReportsService.name);
  private readonly streams = new Set<ServerResponse>();
  /** Open streams per client key, in this process: each holds a socket and a file descriptor. */
  private readonly perClient = new Map<string, number>();
  private subscriber: Redis | null = null;
  private keepAlive: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly generations: TileGenerations,
  ) {}

  async onModuleInit(): Promise<void> {
    this.subscriber = createRedis(this.config.redis, 'subscriber', 'hcmc1022-live');
    this.subscriber.on('message', (_channel, message) => this.broadcast('reports', message));
    // ioredis re-subscribes after a reconnect; the first connect may wait for Redis.
    void this.subscriber
      .connect()
      .then(() => this.subscriber?.subscribe(this.generations.channel))
      .catch(() => undefined);
    this.keepAlive = setInterval(() => this.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    this.keepAlive.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.keepAlive) clearInterval(this.keepAlive);
    for (const s of this.streams) s.end();
    this.streams.clear();
    if (this.subscriber) await closeRedis(this.subscriber);
  }

  /**
   * Takes over a response as an event stream until the client goes away. `client` is who the
   * limit counts (a signed-in user, else the address); a HEAD is answered at once, headers only.
   */
  open(request: FastifyRequest, reply: FastifyReply, client: string): void {
    if (request.method === 'HEAD') {
      void reply.headers(HEADERS).code(200).send();
      return;
    }
    const limit = this.config.surface.liveStreamsPerClient;
    const open = this.perClient.get(client) ?? 0;
    if (open >= limit) {
      void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      throw MapsException.tooManyStreams(limit, RETRY_AFTER_SECONDS);
    }
    this.perClient.set(client, open + 1);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, HEADERS);
    res.write(': connected\n\n');
    this.streams.add(res);
    res.on('close', () => {
      this.streams.delete(res);
      const left = (this.perClient.get(client) ?? 1) - 1;
      if (left > 0) this.perClient.set(client, left);
      else this.perClient.delete(client);
    });
  }

  private broadcast(event: string, data: string): void {
    this.write(`event: ${event}\ndata: ${data}\n\n`);
  }

  private write(chunk: string): void {
    for (const s of this.streams) s.write(chunk);
  }
}
