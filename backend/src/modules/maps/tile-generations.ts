import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../../engine/config/app-config';
import { APP_CONFIG } from '../../engine/config/config.module';
import { Clock, CLOCK } from '../../engine/clock/clock';
import type { LiveReportsEvent } from './maps.dto';
import { closeRedis, createRedis } from '../../engine/redis/redis-connection';

/** Zoom of the regions whose tiles are invalidated together; coarser tiles follow the whole city. */
export const REGION_ZOOM = 10;
const CITY = 'all';

/**
 * Tile generations in Redis: a counter for the city and one per zoom-10 region, bumped by the
 * aggregator when a pass changes reports there; cached tiles carry the generation they were made
 * at, so a bump makes them unreachable. The same pass is published for the live map.
 * The connection fails fast: with Redis down tiles are computed uncached and passes go unannounced.
 */
@Injectable()
export class TileGenerations implements OnApplicationShutdown {
  private readonly redis: Redis;
  readonly key: string;
  readonly channel: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.redis = createRedis(config.redis, 'request', 'hcmc1022-tiles');
    this.key = `${config.redis.queuePrefix}:tiles`;
    this.channel = `${config.redis.queuePrefix}:reports:live`;
  }

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.redis);
  }

  /** The generation a tile's cache entry depends on. */
  async of(z: number, x: number, y: number): Promise<string> {
    const field = z >= REGION_ZOOM ? `${REGION_ZOOM}/${x >> (z - REGION_ZOOM)}/${y >> (z - REGION_ZOOM)}` : CITY;
    const [city, region] = await this.redis.hmget(`${this.key}:gen`, CITY, field);
    return `${city ?? 0}.${region ?? 0}`;
  }

  async get(key: string): Promise<Buffer | null> {
    return this.redis.getBuffer(`${this.key}:${key}`);
  }

  async set(key: string, tile: Buffer, ttlSeconds: number): Promise<void> {
    await this.redis.set(`${this.key}:${key}`, tile, 'EX', ttlSeconds);
  }

  /** Bumps the city and the given zoom-10 regions, then tells live maps. */
  async bump(regions: { x: number; y: number }[], changed: number): Promise<void> {
    const multi = this.redis.multi().hincrby(`${this.key}:gen`, CITY, 1);
    for (const r of regions) multi.hincrby(`${this.key}:gen`, `${REGION_ZOOM}/${r.x}/${r.y}`, 1);
    const results = await multi.exec();
    const generation = Number(results?.[0]?.[1] ?? 0);
    const event: LiveReportsEvent = { generation, changed, at: this.clock.now().toISOString() };
    await this.redis.publish(this.channel, JSON.stringify(event));
  }
}

/** Serves tiles through the cache (ttl 0: no cache); any Redis failure falls back to computing the tile. */
export async function throughCache(
  gens: TileGenerations,
  t: { z: number; x: number; y: number },
  key: string,
  ttlSeconds: number,
  compute: () => Promise<Buffer>,
): Promise<Buffer> {
  if (ttlSeconds === 0) return compute();
  let full: string;
  try {
    full = `${key}@${await gens.of(t.z, t.x, t.y)}`;
    const hit = await gens.get(full);
    if (hit) return hit;
  } catch {
    return compute();
  }
  const tile = await compute();
  await gens.set(full, tile, ttlSeconds).catch(() => undefined);
  return tile;
}
