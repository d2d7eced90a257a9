import { VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens', () => {
  it.each([
    ['before its expiry', 999, 'p'],
    ['at its expiry', 1000, undefined],
    ['after its expiry', 5000, undefined],
  ])('answers a token %s', (_, now, expected) => {
    const tokens = new VerifiedTokens<string>(10);
    tokens.set('t', 'p', 1000);
    expect(tokens.get('t', now)).toBe(expected);
  });

  it('forgets an expired token once asked', () => {
    const tokens = new VerifiedTokens<string>(1);
    tokens.set('old', 'a', 1000);
    expect(tokens.get('old', 2000)).toBeUndefined();
    expect(tokens.get('old', 500)).toBeUndefined();
  });

  it('drops the oldest token past its capacity', () => {
    const tokens = new VerifiedTokens<string>(2);
    tokens.set('a', 'A', 9000);
    tokens.set('b', 'B', 9000);
    tokens.set('a', 'A2', 9000);
    tokens.set('c', 'C', 9000);
    expect([tokens.get('a', 0), tokens.get('b', 0), tokens.get('c', 0)]).toEqual([undefined, 'B', 'C']);
  });

  it('never answers a token it was not given', () => {
    expect(new VerifiedTokens<string>(2).get('t', 0)).toBeUndefined();
  });
});
