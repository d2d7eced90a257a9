import type Redis from 'ioredis';
import { clockOffsetKey } from '../engine/clock/clock';

/**
 * Moves the time of every running API and worker process of a test or development setup that
 * shares this Redis and queue prefix; they follow within a fraction of a second (ClockModule).
 */
export async function shiftClock(redis: Redis, queuePrefix: string, offsetMs: number): Promise<void> {
  await redis.set(clockOffsetKey(queuePrefix), String(offsetMs));
}

export async function resetClock(redis: Redis, queuePrefix: string): Promise<void> {
  await redis.del(clockOffsetKey(queuePrefix));
}
