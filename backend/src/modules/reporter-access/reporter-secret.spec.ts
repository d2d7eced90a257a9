import { hashReporterSecret, isWellFormedSecret, matchesAnyHash, newReporterSecret, reporterLink } from './reporter-secret';

describe('reporter secret', () => {
  const secret = newReporterSecret();
  const other = newReporterSecret();

  it('draws 256 random bits, base64url, a new one each time', () => {
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(other).not.toBe(secret);
    expect(newReporterSecret(() => Buffer.alloc(32, 0xff))).toBe('_'.repeat(42) + '8');
  });

  it.each([
    ['a fresh secret', secret, true],
    ['42 characters', secret.slice(1), false],
    ['44 characters', `${secret}A`, false],
    ['a character outside base64url', `${secret.slice(1)}+`, false],
    ['a tracking code', 'HCM-251207-ABCDEF', false],
    ['empty', '', false],
    ['not a string', 42, false],
  ])('%s is well formed: %s', (_name, value, expected) => {
    expect(isWellFormedSecret(value)).toBe(expected);
  });

  it.each([
    ['its own hash', () => [hashReporterSecret(secret)], secret, true],
    ['among others', () => [hashReporterSecret(other), hashReporterSecret(secret)], secret, true],
    ['another secret', () => [hashReporterSecret(other)], secret, false],
    ['no hashes at all', () => [], secret, false],
    ['a hash of the wrong length', () => [hashReporterSecret(secret).subarray(0, 16)], secret, false],
    ['the hash given instead of the secret', () => [hashReporterSecret(secret)], hashReporterSecret(secret).toString('base64url'), false],
    ['a malformed secret', () => [hashReporterSecret('x')], 'x', false],
  ])('matches %s: %s', (_name, hashes, given, expected) => {
    expect(matchesAnyHash(given, hashes())).toBe(expected);
  });

  it('hashes to 32 bytes, the same each time', () => {
    expect(hashReporterSecret(secret)).toHaveLength(32);
    expect(hashReporterSecret(secret).equals(hashReporterSecret(secret))).toBe(true);
  });

  it.each([
    ['', '/track/HCM-251207-ABCDEF#secret=S'],
    ['https://1022.tphcm.gov.vn', 'https://1022.tphcm.gov.vn/track/HCM-251207-ABCDEF#secret=S'],
  ])('links with base %j in the fragment', (base, expected) => {
    expect(reporterLink('HCM-251207-ABCDEF', 'S', base)).toBe(expected);
  });
});
