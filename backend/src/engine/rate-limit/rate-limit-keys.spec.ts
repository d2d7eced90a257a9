import { bucketsFor, clientNetwork, digest, RateLimitSubject } from './rate-limit-keys';
import { RateLimitPolicy } from './rate-limit-policy';
import { itMapsEach } from '../../testing/table';

const b = (limit: number) => ({ limit, windowSeconds: 60 });
const filing: RateLimitPolicy = { device: b(10), client: b(60), global: b(300), user: b(600) };
const login: RateLimitPolicy = { account: b(10), client: b(30), global: b(600) };
const open311: RateLimitPolicy = { apiKey: b(120), global: b(600) };
const DEVICE = 'a1B2c3D4e5F6g7H8';

const d = digest;

describe('bucketsFor', () => {
  it.each<[string, RateLimitPolicy, RateLimitSubject, string[]]>([
    ['anonymous without a device: address and global', filing, { ip: '203.0.113.7' }, [`client:${d('203.0.113.7')}`, 'global:all']],
    [
      'anonymous with a device: device within its address first',
      filing,
      { ip: '203.0.113.7', deviceId: DEVICE },
      [`device:${d(`203.0.113.7|${DEVICE}`)}`, `client:${d('203.0.113.7')}`, 'global:all'],
    ],
    [
      'a repeated device header counts its first value',
      filing,
      { ip: '203.0.113.7', deviceId: [DEVICE, 'x'] },
      [`device:${d(`203.0.113.7|${DEVICE}`)}`, `client:${d('203.0.113.7')}`, 'global:all'],
    ],
    [
      'a too short device id counts as none',
      filing,
      { ip: '203.0.113.7', deviceId: 'short' },
      [`client:${d('203.0.113.7')}`, 'global:all'],
    ],
    [
      'a device id with other characters counts as none',
      filing,
      { ip: '203.0.113.7', deviceId: `${DEVICE}:evil` },
      [`client:${d('203.0.113.7')}`, 'global:all'],
    ],
    [
      'a too long device id counts as none',
      filing,
      { ip: '203.0.113.7', deviceId: 'a'.repeat(65) },
      [`client:${d('203.0.113.7')}`, 'global:all'],
    ],
    ['staff: their own bucket only', filing, { ip: '203.0.113.7', deviceId: DEVICE, userId: 'u-1' }, ['user:u-1']],
    [
      'staff under a policy without a user bucket count as anyone',
      login,
      { ip: '203.0.113.7', userId: 'u-1' },
      [`client:${d('203.0.113.7')}`, 'global:all'],
    ],
    [
      'a device header where the policy has no device bucket is ignored',
      login,
      { ip: '198.51.100.1', deviceId: DEVICE },
      [`client:${d('198.51.100.1')}`, 'global:all'],
    ],
  ])('%s', (_, policy, subject, expected) => {
    expect(bucketsFor(policy, subject).map((k) => `${k.dimension}:${k.key}`)).toEqual(expected);
  });

  it.each<[string, RateLimitPolicy, RateLimitSubject, string[]]>([
    ['an account', login, { ip: '203.0.113.7', account: 'admin' }, ['client', 'account', 'global']],
    ['an API key', open311, { ip: '203.0.113.7', apiKey: 'demo-open311-key' }, ['apiKey', 'global']],
  ])('counts %s under a digest, never in clear', (_, policy, subject, dimensions) => {
    const keys = bucketsFor(policy, subject);
    expect(keys.map((k) => k.dimension)).toEqual(dimensions);
    const hashed = keys.find((k) => k.dimension === 'account' || k.dimension === 'apiKey')!.key;
    expect(hashed).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(hashed).not.toContain(subject.account ?? subject.apiKey!);
  });

  it('keeps no address in clear', () => {
    expect(JSON.stringify(bucketsFor(filing, { ip: '203.0.113.7', deviceId: DEVICE }))).not.toMatch(/203\.0\.113\.7|a1B2c3D4/);
  });

  it('gives one account one bucket and two accounts two', () => {
    const key = (account: string) => bucketsFor(login, { ip: '203.0.113.7', account }).find((k) => k.dimension === 'account')!.key;
    expect(key('admin')).toBe(key('admin'));
    expect(key('admin')).not.toBe(key('leader'));
  });

  it('carries each bucket’s limit and window', () => {
    expect(bucketsFor(filing, { ip: '203.0.113.7' })).toEqual([
      { dimension: 'client', key: d('203.0.113.7'), bucket: b(60) },
      { dimension: 'global', key: 'all', bucket: b(300) },
    ]);
  });
});

describe('clientNetwork', () => {
  itMapsEach('%s counts as %s', clientNetwork, [
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:85a3:1234:5678:8a2e:370:7334', '2001:db8:85a3:1234::/64'],
    ['2001:0db8:85a3:1234:0000:0000:0000:0001', '2001:db8:85a3:1234::/64'],
    ['2001:DB8:85A3:1234::1', '2001:db8:85a3:1234::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:db8:0:0:ffff::2', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ]);

  it('puts every address of one /64 in one client bucket', () => {
    const key = (ip: string) => bucketsFor({ client: { limit: 1, windowSeconds: 60 } }, { ip })[0].key;
    expect(key('2001:db8:85a3:1234::1')).toBe(key('2001:db8:85a3:1234:ffff:ffff:ffff:ffff'));
    expect(key('2001:db8:85a3:1234::1')).not.toBe(key('2001:db8:85a3:1235::1'));
  });
});
