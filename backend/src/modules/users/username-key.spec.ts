import { isValidUsername, usernameKey } from './username-key';

describe('usernameKey', () => {
  it.each([
    ['admin', 'admin'],
    ['Admin', 'admin'],
    ['ADMIN', 'admin'],
    ['adm\u0130n', 'admin'], // Latin capital I with dot above
    ['adm\u0131n', 'adm\u0131n'], // dotless i stays itself: it is not an i and names no account
    ['\uff21\uff24\uff2d\uff29\uff2e', 'admin'], // full-width
    ['ward.benthanh', 'ward.benthanh'],
    ['ward.b\u00e9nthanh', 'ward.benthanh'],
    ['ad\u200bmin', 'admin'], // zero-width space
    [' admin ', 'admin'],
    ['\u0111', '\u0111'], // đ has no decomposition: kept, and refused by the pattern
  ])('%j → %j', (raw, key) => {
    expect(usernameKey(raw)).toBe(key);
  });

  it.each([
    ['admin', true],
    ['ward.benthanh', true],
    ['dept.xaydung', true],
    ['a', false],
    ['ab', false],
    ['abc', true],
    ['.admin', false],
    ['admin.', false],
    ['adm\u0131n', false],
    ['\u0111ao', false],
    ['x'.repeat(64), true],
    ['x'.repeat(65), false],
    ['admin\u0000', false],
  ])('isValidUsername(%j) = %s', (key, valid) => {
    expect(isValidUsername(key)).toBe(valid);
  });
});
