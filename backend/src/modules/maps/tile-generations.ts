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
const WAL_FIELD = 'wal';
// HSET field to ARGV[2] unless it already holds a larger number.
const MAX_FIELD = `local v = redis.call('HGET', KEYS[1], ARGV[1])
if v == false or tonumber(v) < tonumber(ARGV[2]) then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
return 0`;

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

  /**
   * The generation a tile's cache entry depends on, and the primary's WAL position (bytes) after
   * the last pass that bumped it: a tile read from a replica that has not replayed that far
   * predates the pass and must not be cached under this generation.
   */
  async of(z: number, x: number, y: number): Promise<{ generation: string; walBytes: number | null }> {
    const field = z >= REGION_ZOOM ? `${REGION_ZOOM}/${x >> (z - REGION_ZOOM)}/${y >> (z - REGION_ZOOM)}` : CITY;
    const [city, region, wal] = await this.redis.hmget(`${this.key}:gen`, CITY, field, WAL_FIELD);
    return { generation: `${city ?? 0}.${region ?? 0}`, walBytes: wal === null ? null : Number(wal) };
  }

  async get(key: string): Promise<Buffer | null> {
    return this.redis.getBuffer(`${this.key}:${key}`);
  }

  async set(key: string, tile: Buffer, ttlSeconds: number): Promise<void> {
    await this.redis.set(`${this.key}:${key}`, tile, 'EX', ttlSeconds);
  }

  /**
   * Bumps the city and the given zoom-10 regions, then tells live maps. `walBytes`: the primary's
   * WAL position once the pass committed (kept as the highest seen, passes may finish out of order).
   */
  async bump(regions: { x: number; y: number }[], changed: number, walBytes: number | null = null): Promise<void> {
    const multi = this.redis.multi().hincrby(`${this.key}:gen`, CITY, 1);
    for (const r of regions) multi.hincrby(`${this.key}:gen`, `${REGION_ZOOM}/${r.x}/${r.y}`, 1);
    if (walBytes !== null) multi.eval(MAX_FIELD, 1, `${this.key}:gen`, WAL_FIELD, String(walBytes));
    const results = await multi.exec();
    const generation = Number(results?.[0]?.[1] ?? 0);
    const event: LiveReportsEvent = { generation, changed, at: this.clock.now().toISOString() };
    await this.redis.publish(this.channel, JSON.stringify(event));
  }
}

/**
 * Serves tiles through the cache (ttl 0: no cache); any Redis failure falls back to computing the
 * tile. `replayed` (maps reading a replica) says whether the source has replayed up to a WAL
 * position; a tile computed before the last pass reached it is served but not cached.
 */
export async function throughCache(
  gens: Pick<TileGenerations, 'of' | 'get' | 'set'>,
  t: { z: number; x: number; y: number },
  key: string,
  ttlSeconds: number,
  compute: () => Promise<Buffer>,
  replayed?: (walBytes: number) => Promise<boolean>,
): Promise<Buffer> {
  if (ttlSeconds === 0) return compute();
  let full: string;
  let walBytes: number | null;
  try {
    const at = await gens.of(t.z, t.x, t.y);
    full = `${key}@${at.generation}`;
    walBytes = at.walBytes;
    const hit = await gens.get(full);
    if (hit) return hit;
  } catch {
    return compute();
  }
  const tile = await compute();
  if (replayed && walBytes !== null && !(await replayed(walBytes).catch(() => false))) return tile;
  await gens.set(full, tile, ttlSeconds).catch(() => undefined);
  return tile;
}
