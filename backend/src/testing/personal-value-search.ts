import Redis from 'ioredis';

/**
 * Every key of a Redis database with its value as text (`key value`; a hash, list, set, sorted
 * set or stream as JSON), for tests that search Redis for a data subject's values after erasure.
 */
export async function redisTexts(redis: Redis): Promise<Array<{ key: string; text: string }>> {
  const texts: Array<{ key: string; text: string }> = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) texts.push({ key, text: `${key} ${await valueText(redis, key)}` });
  } while (cursor !== '0');
  return texts;
}

async function valueText(redis: Redis, key: string): Promise<string> {
  switch (await redis.type(key)) {
    case 'string':
      return (await redis.get(key)) ?? '';
    case 'hash':
      return JSON.stringify(await redis.hgetall(key));
    case 'list':
      return JSON.stringify(await redis.lrange(key, 0, -1));
    case 'set':
      return JSON.stringify(await redis.smembers(key));
    case 'zset':
      return JSON.stringify(await redis.zrange(key, '0', '-1'));
    case 'stream':
      return JSON.stringify(await redis.xrange(key, '-', '+'));
    default:
      return '';
  }
}
