import { hcmc } from './calendar/calendar.fixtures';
import type { PolicyCandidate } from './sla.repository';
import { FALLBACK_TARGETS, pickPolicy, policyOrFallback, targetMsOf } from './sla-policy-choice';

const row = (
  id: number,
  categoryId: number | null,
  priority: string,
  validFrom: string,
  validTo: string | null = null,
): PolicyCandidate => ({
  id,
  categoryId,
  priority,
  responseMinutes: id * 10,
  resolutionMinutes: id * 100,
  mode: 'business',
  validFrom: hcmc(validFrom),
  validTo: validTo ? hcmc(validTo) : null,
});

describe('SLA policy choice', () => {
  const rows = [
    row(1, null, 'normal', '2025-01-01 00:00'),
    row(2, null, 'normal', '2026-01-01 00:00'),
    row(3, 7, 'normal', '2025-06-01 00:00', '2026-03-01 00:00'),
    row(4, 7, 'normal', '2026-03-01 00:00'),
    row(5, null, 'urgent', '2025-01-01 00:00'),
    row(6, 8, 'high', '2026-05-01 00:00'),
  ];

  it.each([
    ['the default for the priority when the category has none', 9, 'normal', '2025-07-01 10:00', 1],
    ['the latest default once a newer one is valid', 9, 'normal', '2026-02-01 10:00', 2],
    ["the category's own beats a newer default", 7, 'normal', '2026-02-01 10:00', 3],
    ['valid_to is exclusive: the next policy takes over at that instant', 7, 'normal', '2026-03-01 00:00', 4],
    ['valid_from is inclusive', 7, 'normal', '2025-06-01 00:00', 3],
    ["before the category's own starts, the default in force", 7, 'normal', '2025-05-31 23:59', 1],
    ['another priority is never borrowed', 7, 'urgent', '2026-02-01 10:00', 5],
    ['nothing in force yet', 8, 'high', '2026-04-30 10:00', null],
    ['no row for the priority at all', 9, 'low', '2026-02-01 10:00', null],
  ])('pickPolicy: %s', (_, categoryId, priority, at, id) => {
    expect(pickPolicy(rows, categoryId, priority, hcmc(at))?.id ?? null).toBe(id);
  });

  it.each([
    ['urgent', 60, 8 * 60],
    ['high', 4 * 60, 24 * 60],
    ['normal', 8 * 60, 40 * 60],
    ['low', 16 * 60, 80 * 60],
    ['unknown', 8 * 60, 40 * 60],
  ])('the city default for %s: response %i min, resolution %i min, business time, no id', (priority, response, resolution) => {
    expect(policyOrFallback([], 1, priority, hcmc('2026-01-05 09:00'))).toEqual({
      id: null,
      responseMinutes: response,
      resolutionMinutes: resolution,
      mode: 'business',
    });
  });

  it('a matching row wins over the default', () => {
    expect(policyOrFallback(rows, 9, 'urgent', hcmc('2026-01-05 09:00')).id).toBe(5);
  });

  it.each([
    ['response', 30 * 60_000],
    ['resolution', 300 * 60_000],
  ] as const)('targetMsOf: the %s target in milliseconds', (kind, ms) => {
    expect(targetMsOf({ responseMinutes: 30, resolutionMinutes: 300, mode: 'calendar' }, kind)).toBe(ms);
    expect(FALLBACK_TARGETS.normal.mode).toBe('business');
  });
});
