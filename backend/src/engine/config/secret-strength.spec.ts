import { ACCESS_KEY, SIGNING_SECRET, weakSecretReason } from './secret-strength';

describe('weakSecretReason', () => {
  it.each([
    ['16 times the same letter', 'aaaaaaaaaaaaaaaa', SIGNING_SECRET, /shorter than 32/],
    ['64 times the same letter', 'a'.repeat(64), SIGNING_SECRET, /repeats/],
    ['a word repeated', 'secret'.repeat(8), SIGNING_SECRET, /repeats/],
    ['the alphabet twice', 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz', SIGNING_SECRET, /repeats/],
    ['a run of characters', '0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ', SIGNING_SECRET, /consecutive/],
    ['a run downwards', 'zyxwvutsrqponmlkjihgfedcbaZYXWVUTSRQ', SIGNING_SECRET, /consecutive/],
    ['two letters alternating, 40 long', 'ab'.repeat(20), SIGNING_SECRET, /repeats/],
    ['few distinct characters', 'aaxxaaxxxaxaxxaaxaaaxxxaxaaaxxxaaxxaxaax', SIGNING_SECRET, /predictable/],
    ['a phrase too short for signing', 'local-dev-secret-change-me', SIGNING_SECRET, /shorter than 32/],
    ['an Open311 key "x"', 'x', ACCESS_KEY, /shorter than 24/],
    ['a guessable Open311 key', 'partner-key-2026', ACCESS_KEY, /shorter than 24/],
    ['a low-variety Open311 key', '1111111155555555111155551', ACCESS_KEY, /predictable/],
  ])('refuses %s', (_what, secret, rule, reason) => {
    expect(weakSecretReason(secret, rule)).toMatch(reason);
  });

  it.each([
    ['openssl rand -hex 32', '9f3b2c1d8e7a6f5041c2d3e4b5a69788f0e1d2c3b4a5968778695a4b3c2d1e0f', SIGNING_SECRET],
    ['openssl rand -base64 32', 'q7Vd0yKx3mT+R2pLwN8eH5uJ1cZ4bG6sA9fQ0iYtXoM=', SIGNING_SECRET],
    ['a long passphrase', 'Mưa ngập đường Nguyễn Hữu Cảnh lúc 7 giờ sáng!', SIGNING_SECRET],
    ['openssl rand -hex 16', '3fa85f6457174562b3fc2c963f66afa6', ACCESS_KEY],
  ])('accepts %s', (_what, secret, rule) => {
    expect(weakSecretReason(secret, rule)).toBeNull();
  });
});
