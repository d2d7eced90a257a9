import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadConfig } from '../config/app-config';
import { parseSentinels, redisOptions, RedisPurpose } from './redis-connection';

const SRC = join(__dirname, '..', '..');
const DIRECT_CONNECTION = /new\s+(Redis|IORedis|Cluster)\s*\(|\bcreateClient\s*\(/;
const URL_SETTINGS = { location: { kind: 'url' as const, url: 'redis://:s%40cret@10.0.0.5:6380/3' }, requestTimeoutMs: 250 };

describe('redisOptions', () => {
  it.each<[RedisPurpose, Record<string, unknown>]>([
    // BullMQ's blocking connections need commands to wait for the reconnect.
    ['queue', { maxRetriesPerRequest: null, enableOfflineQueue: undefined, commandTimeout: undefined }],
    ['subscriber', { maxRetriesPerRequest: null, lazyConnect: true, commandTimeout: undefined }],
    // A request never waits for Redis: no offline queue, a bounded command.
    ['request', { maxRetriesPerRequest: 0, enableOfflineQueue: false, commandTimeout: 250 }],
  ])('gives a %s connection %o', (purpose, expected) => {
    const options = redisOptions(URL_SETTINGS, purpose, 'n');
    expect(options).toMatchObject({ host: '10.0.0.5', port: 6380, db: 3, password: 's@cret', connectionName: 'n' });
    for (const [key, value] of Object.entries(expected)) expect(options[key as keyof typeof options]).toBe(value);
  });

  it('reconnects every 2 s at most, however long Redis stays away', () => {
    const retry = redisOptions(URL_SETTINGS, 'queue', 'n').retryStrategy!;
    expect([1, 5, 100].map((n) => retry(n))).toEqual([200, 1000, 2000]);
  });

  it.each<[RedisPurpose, string, false | 1 | 2]>([
    // A write refused by a demoted primary was not applied: a queue sends it again to the new one.
    ['queue', "READONLY You can't write against a read only replica.", 2],
    ['subscriber', "READONLY You can't write against a read only replica.", 2],
    // A request does not wait for the reconnect: it fails (503) while the connection finds the primary.
    ['request', "READONLY You can't write against a read only replica.", 1],
    ['queue', 'ERR wrong number of arguments', false],
    ['request', 'NOSCRIPT No matching script', false],
    ['queue', 'ERR unknown command READONLY', false],
  ])('on a %s connection, the error %j reconnects with %p', (purpose, message, expected) => {
    expect(redisOptions(URL_SETTINGS, purpose, 'n').reconnectOnError!(new Error(message))).toBe(expected);
  });

  it('describes a Sentinel group from REDIS_SENTINELS and REDIS_SENTINEL_NAME', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      REDIS_SENTINELS: 'sentinel-a:26379, [fd00::2]:26380',
      REDIS_SENTINEL_NAME: 'hcmc1022',
      REDIS_PASSWORD: 'p',
      REDIS_SENTINEL_PASSWORD: 'sp',
      REDIS_DB: '2',
    });
    expect(redisOptions(config.redis, 'queue', 'n')).toMatchObject({
      sentinels: [
        { host: 'sentinel-a', port: 26379 },
        { host: 'fd00::2', port: 26380 },
      ],
      name: 'hcmc1022',
      db: 2,
      password: 'p',
      sentinelPassword: 'sp',
      maxRetriesPerRequest: null,
    });
  });

  it('refuses sentinels without the name they monitor', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', REDIS_SENTINELS: 'a:26379' })).toThrow(/REDIS_SENTINEL_NAME/);
  });
});

describe('parseSentinels', () => {
  it.each([
    [
      'a:1,b:2',
      [
        { host: 'a', port: 1 },
        { host: 'b', port: 2 },
      ],
    ],
    ['', 'lists no sentinel (host:port,host:port)'],
    ['a', '"a" is not host:port'],
    ['a:0', '"a:0" is not host:port'],
    ['a:70000', '"a:70000" is not host:port'],
  ])('%j → %j', (text, expected) => {
    expect(parseSentinels(text)).toEqual(expected);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

describe('Redis connections', () => {
  it('are made only by redis-connection.ts (tests and their helpers may open their own)', () => {
    const elsewhere = sourceFiles(SRC)
      .map((path) => relative(SRC, path))
      .filter((rel) => rel !== join('engine', 'redis', 'redis-connection.ts'))
      .filter((rel) => !rel.startsWith(`testing/`) && !/[.-]spec\.ts$/.test(rel))
      .filter((rel) => DIRECT_CONNECTION.test(readFileSync(join(SRC, rel), 'utf8')));
    expect(elsewhere).toEqual([]);
  });

  it.each([
    ["new Redis('redis://x')", true],
    ['new IORedis(options)', true],
    ['createClient({ url })', true],
    ["createRedis(config.redis, 'request', 'n')", false],
  ])('the scan takes %s for a direct connection: %s', (line, direct) => {
    expect(DIRECT_CONNECTION.test(line)).toBe(direct);
  });
});
