import { describe, expect, it } from 'vitest';
import { officialActions } from './officialActions';

describe('officialActions', () => {
  it.each([
    [
      ['accept', 'resolve', 'reject', 'merge'],
      ['accept', 'resolve', 'reject', 'merge'],
    ],
    [
      ['request_info', 'resolve', 'reject', 'merge'],
      ['request-info', 'resolve', 'reject', 'merge'],
    ],
    [
      ['citizen_reply', 'reject', 'merge'],
      ['reject', 'merge'],
    ],
    [
      ['reopen', 'close'],
      ['reopen', 'close'],
    ],
    [[], []],
  ] as const)('the server allows %j: the official is offered %j', (allowed, offered) => {
    expect(officialActions({ allowedActions: [...allowed] })).toEqual(offered);
  });
});
