import { describe, expect, it } from 'vitest';
import { addDays, cityDateTimeInput, cityInputToIso, cityMidnightIso, cityToday, isIsoDate } from './cityTime';
import { itMapsEach } from '../testing/table';

describe('city time', () => {
  it.each([
    // 16:59 UTC is 23:59 in the city; 17:00 UTC is already the next day.
    ['2026-12-31T16:59:00Z', '2026-12-31T23:59', '2026-12-31'],
    ['2026-12-31T17:00:00Z', '2027-01-01T00:00', '2027-01-01'],
    ['2026-03-01T00:00:00Z', '2026-03-01T07:00', '2026-03-01'],
  ])('%s reads %s on %s', (iso, input, today) => {
    const at = Date.parse(iso);
    expect(cityDateTimeInput(at)).toBe(input);
    expect(cityToday(at)).toBe(today);
  });

  itMapsEach('the field %j is the instant %s', cityInputToIso, [
    ['2026-03-01T08:30', '2026-03-01T08:30:00+07:00'],
    ['2026-03-01T08:3', null],
    ['2026-03-01', null],
    ['2026-13-01T08:30', null],
    ['', null],
  ]);

  it('reads back what it writes', () => {
    const at = Date.parse('2026-06-15T02:05:00Z');
    expect(Date.parse(cityInputToIso(cityDateTimeInput(at)) ?? '')).toBe(at);
  });

  itMapsEach('%j is an ISO date: %s', isIsoDate, [
    ['2026-02-28', true],
    ['2026-13-01', false],
    ['2026-2-28', false],
    ['28/02/2026', false],
    ['', false],
  ]);

  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-10', 0, '2026-03-10'],
    ['2026-03-10', -89, '2025-12-11'],
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('starts a city date at its midnight, UTC+7', () => {
    expect(cityMidnightIso('2026-09-02')).toBe('2026-09-02T00:00:00+07:00');
    expect(Date.parse(cityMidnightIso('2026-09-02'))).toBe(Date.parse('2026-09-01T17:00:00Z'));
  });
});
