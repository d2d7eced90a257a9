import { codeMatches, hashVerificationCode, newVerificationCode, privacyDigestKey } from './privacy-code';

describe('verification codes', () => {
  it.each([
    [0, '000000'],
    [42, '000042'],
    [999_999, '999999'],
  ])('draws %i as %s', (drawn, code) => {
    expect(newVerificationCode(() => drawn)).toBe(code);
  });

  const key = privacyDigestKey('a signing secret of some length');
  const stored = hashVerificationCode(key, 'v1', '123456');
  it.each([
    ['the same code of the same verification', 'v1', '123456', true],
    ['another code', 'v1', '123457', false],
    ['the code of another verification', 'v2', '123456', false],
    ['not six digits', 'v1', '12345', false],
    ['letters', 'v1', '12345a', false],
  ])('matches %s: %s', (_what, id, code, match) => {
    expect(codeMatches(key, id, code, stored)).toBe(match);
  });

  it('never matches a verification whose code was not sent, and keys the digest', () => {
    expect(codeMatches(key, 'v1', '123456', null)).toBe(false);
    expect(hashVerificationCode(privacyDigestKey('another secret, as long'), 'v1', '123456').equals(stored)).toBe(false);
    expect(stored.toString('hex')).not.toContain(Buffer.from('123456').toString('hex'));
  });
});
