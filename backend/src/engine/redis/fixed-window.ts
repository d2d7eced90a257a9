import Redis from 'ioredis';

// INCR + PEXPIRE on the first hit, in one script, so the window never slides forever and every
// API replica counts in the same key.
const INCR_WINDOW = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { hits, redis.call('PTTL', KEYS[1]) }`;

/** Counts one hit in a fixed window; returns the hits so far and the seconds until the window ends. */
export async function hitFixedWindow(redis: Redis, key: string, windowSeconds: number): Promise<{ hits: number; retryAfterSeconds: number }> {
  const [hits, ttlMs] = (await redis.eval(INCR_WINDOW, 1, key, windowSeconds * 1000)) as [number, number];
  return { hits, retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)) };
}
