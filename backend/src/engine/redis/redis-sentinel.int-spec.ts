import Redis from 'ioredis';
import { SENTINEL_NAME, TestSentinelGroup } from '../../testing/faults/sentinel-group';
import { waitFor } from '../../testing/ports';
import { closeRedis, createRedis, RedisConnectionSettings, untilReady } from './redis-connection';

// The connection factory against a real Sentinel group (Debian's redis-sentinel): a primary
// demoted while a connection stays open on it (a REPLICAOF by hand, or a partition that kept the
// sentinels from disconnecting its clients) answers READONLY; the connection must find the
// new primary through the sentinels instead of failing every write from then on.
describe('a connection through the sentinels when its primary becomes a replica', () => {
  let group: TestSentinelGroup;
  let settings: RedisConnectionSettings;
  const open: Redis[] = [];

  beforeAll(async () => {
    group = await TestSentinelGroup.start();
    settings = { location: { kind: 'sentinel', sentinels: group.sentinelAddresses, name: SENTINEL_NAME, db: 0 }, requestTimeoutMs: 500 };
  }, 60_000); // the sentinels find each other through their hello messages (every 2 s)
  afterAll(async () => {
    await Promise.all(open.map((r) => closeRedis(r)));
    await group?.stop();
  });

  it('reconnects to the promoted node: a queue write is applied there, a request write fails once then succeeds', async () => {
    const queue = createRedis(settings, 'queue', 'test-queue');
    const request = createRedis(settings, 'request', 'test-request');
    open.push(queue, request);
    expect(await untilReady(queue, 10_000)).toBe(true);
    expect(await untilReady(request, 10_000)).toBe(true);
    await queue.set('before', '1');

    const [oldPrimary, replica] = group.dataPorts;
    await group.demoteByHand(oldPrimary, replica);

    // A queue's write waits for the reconnect and lands on the new primary.
    await expect(queue.set('after', '1')).resolves.toBe('OK');
    // A request's write may fail while its connection moves, and then succeeds.
    const ms = await waitFor(
      'a request write accepted',
      () =>
        request.set('request', '1').then(
          () => true,
          () => false,
        ),
      20_000,
      100,
    );
    expect(ms).toBeLessThan(20_000);
    expect(await group.command(replica, ['GET', 'after'])).toBe('1');
    expect(await group.command(replica, ['GET', 'request'])).toBe('1');
  }, 60_000);
});
