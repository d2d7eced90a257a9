import { describe, expect, it } from 'vitest';
import { queryKeys } from './queryKeys';

const startsWith = (key: readonly unknown[], prefix: readonly unknown[]) => prefix.every((part, i) => key[i] === part);

describe('query keys', () => {
  it.each([
    ['a staff ticket', queryKeys.report('r1')],
    ['a unit queue', queryKeys.queue('u1')],
    ['a tracked report', queryKeys.tracked('HCM-1', 'secret')],
    ['duplicates', queryKeys.duplicates({ category: 'c', lat: 1, lng: 2, text: '' })],
  ])('%s is invalidated with every ticket', (_what, key) => {
    expect(startsWith(key, queryKeys.tickets())).toBe(true);
  });

  it('keeps apart what differs', () => {
    expect(queryKeys.report('a')).not.toEqual(queryKeys.report('b'));
    expect(queryKeys.tracked('HCM-1', 'secret')).not.toEqual(queryKeys.tracked('HCM-1', null));
    expect(startsWith(queryKeys.categories(), queryKeys.tickets())).toBe(false);
    // Each lookup of a caller's history is audited: no ticket change may ask again.
    expect(startsWith(queryKeys.callerReports('0901234567'), queryKeys.tickets())).toBe(false);
  });
});
