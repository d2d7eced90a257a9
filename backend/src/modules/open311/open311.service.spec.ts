import { createHash } from 'node:crypto';
import { Open311ErrorCode } from './open311.exception';
import { dateRange } from './open311.service';
import { isKnownKey } from './open311-api-key.interceptor';
import { itMapsEach } from '../../testing/table';

const NOW = new Date('2026-11-21T05:00:00Z');
const DAY = 86_400_000;
const d = (iso: string) => new Date(iso);

describe('dateRange', () => {
  it.each<[string, Date | undefined, Date | undefined, Date, Date]>([
    ['defaults to the last 90 days', undefined, undefined, new Date(NOW.getTime() - 90 * DAY), NOW],
    ['from a start, 90 days on', d('2026-01-01T00:00:00Z'), undefined, d('2026-01-01T00:00:00Z'), d('2026-04-01T00:00:00Z')],
    ['to an end, 90 days back', undefined, d('2026-04-01T00:00:00Z'), d('2026-01-01T00:00:00Z'), d('2026-04-01T00:00:00Z')],
    ['both given', d('2026-11-01T00:00:00Z'), d('2026-11-02T00:00:00Z'), d('2026-11-01T00:00:00Z'), d('2026-11-02T00:00:00Z')],
    ['exactly 90 days', d('2026-01-01T00:00:00Z'), d('2026-04-01T00:00:00Z'), d('2026-01-01T00:00:00Z'), d('2026-04-01T00:00:00Z')],
  ])('%s', (_, start, end, from, to) => {
    expect(dateRange(start, end, NOW)).toEqual({ start: from, end: to });
  });

  it.each<[string, Date, Date]>([
    ['a span over 90 days', d('2026-01-01T00:00:00Z'), d('2026-04-01T00:00:01Z')],
    ['an end before the start', d('2026-11-02T00:00:00Z'), d('2026-11-01T00:00:00Z')],
  ])('refuses %s', (_, start, end) => {
    expect(() => dateRange(start, end, NOW)).toThrow(
      expect.objectContaining({ code: Open311ErrorCode.InvalidDateRange, kind: 'validation' }),
    );
  });
});

describe('isKnownKey', () => {
  const known = ['demo-open311-key', 'partner-2026'].map((k) => createHash('sha256').update(k).digest());
  itMapsEach('%j → %s', (key: string) => isKnownKey(key, known), [
    ['demo-open311-key', true],
    ['partner-2026', true],
    ['demo-open311-ke', false],
    ['demo-open311-key ', false],
    ['', false],
    ['DEMO-OPEN311-KEY', false],
  ]);

  it('knows no key when none is configured', () => {
    expect(isKnownKey('demo-open311-key', [])).toBe(false);
  });
});
