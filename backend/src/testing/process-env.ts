import Redis from 'ioredis';

/**
 * Sets environment variables for the applications a suite boots (config is read at boot); the
 * function it returns puts back what was there before, removing what was not.
 */
export function setEnv(settings: Record<string, string>): () => void {
  const saved = Object.fromEntries(Object.keys(settings).map((k) => [k, process.env[k]]));
  Object.assign(process.env, settings);
  return () => {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  };
}

/** Deletes a suite's keys (all under its own queue prefix) from a Redis it shares with others. */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
}
