import { describe, expect, it } from 'vitest';
import { cityDateTime } from './cityDateTime';

describe('cityDateTime', () => {
  it.each([
    // UTC+7: the evening in UTC is the next morning in the city.
    ['vi-VN', '2026-03-01T18:30:00Z', '02/03/2026', '01:30'],
    ['en-GB', '2026-03-01T18:30:00Z', '02/03/2026', '01:30'],
    ['en-GB', '2026-12-31T16:59:00Z', '31/12/2026', '23:59'],
    ['vi-VN', '2026-12-31T17:00:00+00:00', '01/01/2027', '00:00'],
    ['en-GB', '2026-06-15T09:05:00+07:00', '15/06/2026', '09:05'],
  ])('%s %s → %s %s', (locale, iso, date, time) => {
    const shown = cityDateTime(locale)(iso);
    expect(shown).toContain(date);
    expect(shown).toContain(time);
  });

  it.each(['', 'soon', 'HCM-260301-ABCDEF'])('shows %j as sent', (text) => {
    expect(cityDateTime('vi-VN')(text)).toBe(text);
  });
});
