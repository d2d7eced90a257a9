import { describe, expect, it } from 'vitest';
import type { RoutingRule } from '../adminQueries';
import { isOpenEnded, ruleStatus, type RuleStatus } from './ruleStatus';

const NOW = Date.parse('2026-06-01T00:00:00+07:00');

function rule(validFrom: string, validTo: string | null): RoutingRule {
  return { id: 1, category: 'flooding', wardCode: null, unit: { id: 'u', code: 'U', name: 'Unit' }, validFrom, validTo, note: '' };
}

describe('ruleStatus', () => {
  it.each<[string, string | null, RuleStatus, boolean]>([
    ['2026-01-01T00:00:00+07:00', null, 'active', true],
    ['2026-06-01T00:00:00+07:00', null, 'active', true],
    ['2026-06-01T00:00:01+07:00', null, 'scheduled', true],
    ['2026-01-01T00:00:00+07:00', '2026-12-31T00:00:00+07:00', 'active', false],
    // The end is exclusive: a rule that ends now is closed.
    ['2026-01-01T00:00:00+07:00', '2026-06-01T00:00:00+07:00', 'closed', false],
    ['2026-01-01T00:00:00+07:00', '2026-03-01T00:00:00+07:00', 'closed', false],
    ['2026-07-01T00:00:00+07:00', '2026-08-01T00:00:00+07:00', 'scheduled', false],
  ])('from %s to %s: %s', (validFrom, validTo, status, openEnded) => {
    expect(ruleStatus(rule(validFrom, validTo), NOW)).toBe(status);
    expect(isOpenEnded(rule(validFrom, validTo))).toBe(openEnded);
  });
});
