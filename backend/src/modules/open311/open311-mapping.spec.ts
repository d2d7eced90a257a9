import type { ReportStatus } from '../report-record/report-status';
import { internalStatuses, parseW3cDatetime, resolveLocale, toOpen311Status, w3cDatetime } from './open311-mapping';
import { itMapsEach } from '../../testing/table';

describe('toOpen311Status', () => {
  itMapsEach<ReportStatus, 'open' | 'closed'>('%s → %s', toOpen311Status, [
    ['new', 'open'],
    ['assigned', 'open'],
    ['in_progress', 'open'],
    ['waiting_citizen', 'open'],
    ['reopened', 'open'],
    ['resolved', 'closed'],
    ['closed', 'closed'],
    ['rejected', 'closed'],
    ['merged', 'closed'],
  ]);
});

describe('internalStatuses', () => {
  it.each<[('open' | 'closed')[], ReportStatus[]]>([
    [['open'], ['new', 'assigned', 'in_progress', 'waiting_citizen', 'reopened']],
    [['closed'], ['resolved', 'closed', 'rejected', 'merged']],
    [
      ['open', 'closed'],
      ['new', 'assigned', 'in_progress', 'waiting_citizen', 'reopened', 'resolved', 'closed', 'rejected', 'merged'],
    ],
    [[], []],
  ])('%j → %j', (wanted, expected) => {
    expect(internalStatuses(wanted).sort()).toEqual([...expected].sort());
  });
});

describe('w3cDatetime', () => {
  it.each([
    ['2026-11-21T01:30:00Z', '2026-11-21T08:30:00+07:00'],
    ['2026-11-20T17:00:00Z', '2026-11-21T00:00:00+07:00'],
    ['2026-12-31T16:59:59Z', '2026-12-31T23:59:59+07:00'],
    ['2026-12-31T17:00:00Z', '2027-01-01T00:00:00+07:00'],
    ['2028-02-28T17:00:00Z', '2028-02-29T00:00:00+07:00'],
    // Seconds are truncated, never rounded into the next second (or day).
    ['2026-11-20T16:59:59.999Z', '2026-11-20T23:59:59+07:00'],
    // No daylight saving: the same offset in (northern) summer and winter.
    ['2026-07-01T05:00:00Z', '2026-07-01T12:00:00+07:00'],
    ['2026-01-15T05:00:00Z', '2026-01-15T12:00:00+07:00'],
  ])('%s → %s', (utc, expected) => {
    expect(w3cDatetime(new Date(utc))).toBe(expected);
  });

  it('reads back to the same instant', () => {
    const instant = new Date('2026-11-21T01:30:45Z');
    expect(parseW3cDatetime(w3cDatetime(instant))?.toISOString()).toBe(instant.toISOString());
  });
});

describe('parseW3cDatetime', () => {
  it.each([
    ['2026-11-21T08:30:00+07:00', '2026-11-21T01:30:00.000Z'],
    ['2026-11-21T01:30:00Z', '2026-11-21T01:30:00.000Z'],
    ['2010-01-01T00:00:00-05:00', '2010-01-01T05:00:00.000Z'],
    ['2026-11-21T08:30:00.250+0700', '2026-11-21T01:30:00.250Z'],
    ['2026-11-21T08:30+07:00', '2026-11-21T01:30:00.000Z'],
    // Without an offset: Ho Chi Minh City time.
    ['2026-11-21', '2026-11-20T17:00:00.000Z'],
    ['2026-11-21T08:30:00', '2026-11-21T01:30:00.000Z'],
  ])('%s → %s', (text, iso) => {
    expect(parseW3cDatetime(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '',
    'yesterday',
    '21/11/2026',
    '2026-02-30',
    '2026-13-01',
    '2026-11-21T24:00:00Z',
    '2026-11-21T08:60:00Z',
    '2026-11-21T08:30:00+15:00',
    '0026-11-21',
    '1700000000',
  ])('rejects %j', (text) => {
    expect(parseW3cDatetime(text)).toBeNull();
  });
});

describe('resolveLocale', () => {
  it.each<[string | undefined, string | undefined, 'vi' | 'en' | null]>([
    [undefined, undefined, 'vi'],
    ['en', undefined, 'en'],
    ['EN-us', undefined, 'en'],
    ['vi', 'en', 'vi'],
    ['', 'en', 'en'],
    ['fr', undefined, null],
    [undefined, 'en-US,en;q=0.9', 'en'],
    [undefined, 'vi-VN,vi;q=0.9,en;q=0.8', 'vi'],
    [undefined, 'fr-FR,en;q=0.5,vi;q=0.4', 'en'],
    [undefined, 'en;q=0.3, vi;q=0.7', 'vi'],
    [undefined, 'en;q=0, fr', 'vi'],
    [undefined, 'de, ja', 'vi'],
    [undefined, '*', 'vi'],
  ])('locale=%j, Accept-Language=%j → %j', (explicit, header, expected) => {
    expect(resolveLocale(explicit, header)).toBe(expected);
  });
});
