import { describe, expect, it } from 'vitest';
import type { AdminCategory, Priority, SlaPolicy } from '../adminQueries';
import { groupPolicies, policyInForce, policyStatus, type PolicyStatus } from './policyGroups';

const NOW = Date.parse('2026-06-01T00:00:00+07:00');

let nextId = 1;
function policy(category: string | null, priority: Priority, validFrom: string, validTo: string | null = null): SlaPolicy {
  return { id: nextId++, category, priority, responseMinutes: 60, resolutionMinutes: 480, mode: 'business', validFrom, validTo };
}

function adminCategory(code: string): AdminCategory {
  return { code, nameVi: code, nameEn: code, groupCode: 'g', groupVi: 'g', groupEn: 'g', defaultPriority: 'normal', handlingLevel: 'ward' };
}

describe('policyStatus', () => {
  it.each<[string, string | null, PolicyStatus]>([
    ['2026-01-01T00:00:00+07:00', null, 'current'],
    ['2026-06-01T00:00:00+07:00', null, 'current'],
    ['2026-07-01T00:00:00+07:00', null, 'scheduled'],
    ['2026-01-01T00:00:00+07:00', '2026-06-01T00:00:00+07:00', 'superseded'],
    ['2026-01-01T00:00:00+07:00', '2026-06-02T00:00:00+07:00', 'current'],
  ])('from %s to %s: %s', (validFrom, validTo, status) => {
    expect(policyStatus(policy('flooding', 'normal', validFrom, validTo), NOW)).toBe(status);
  });
});

describe('groupPolicies', () => {
  const categories = [adminCategory('flooding'), adminCategory('garbage'), adminCategory('noise')];
  const oldUrgent = policy('garbage', 'urgent', '2025-01-01T00:00:00+07:00', '2026-01-01T00:00:00+07:00');
  const newUrgent = policy('garbage', 'urgent', '2026-01-01T00:00:00+07:00');
  const garbageLow = policy('garbage', 'low', '2025-01-01T00:00:00+07:00');
  // A priority the API may add later, which this page does not know yet.
  const garbageOdd = policy('garbage', 'someday' as Priority, '2025-01-01T00:00:00+07:00');
  const defaultNormal = policy(null, 'normal', '2025-01-01T00:00:00+07:00');
  const defaultHigh = policy(null, 'high', '2025-01-01T00:00:00+07:00');
  const flooding = policy('flooding', 'normal', '2025-01-01T00:00:00+07:00');
  const unknownB = policy('zz-unknown', 'normal', '2025-01-01T00:00:00+07:00');
  const unknownA = policy('aa-unknown', 'normal', '2025-01-01T00:00:00+07:00');

  it('puts the defaults first, then the categories in picker order, unknown ones last by code', () => {
    const groups = groupPolicies(
      [unknownB, garbageLow, oldUrgent, defaultNormal, flooding, unknownA, newUrgent, defaultHigh, garbageOdd],
      categories,
    );
    expect(groups.map((group) => group.category)).toEqual([null, 'flooding', 'garbage', 'aa-unknown', 'zz-unknown']);
  });

  it('orders a group by priority (most urgent first, unknown last), then newest version first', () => {
    const groups = groupPolicies([garbageOdd, garbageLow, oldUrgent, newUrgent, defaultNormal, defaultHigh], categories);
    expect(groups.find((group) => group.category === 'garbage')?.policies).toEqual([newUrgent, oldUrgent, garbageLow, garbageOdd]);
    expect(groups.find((group) => group.category === null)?.policies).toEqual([defaultHigh, defaultNormal]);
  });

  it('is empty without policies', () => {
    expect(groupPolicies([], categories)).toEqual([]);
  });
});

describe('policyInForce', () => {
  const old = policy('garbage', 'urgent', '2025-01-01T00:00:00+07:00', '2026-01-01T00:00:00+07:00');
  const current = policy('garbage', 'urgent', '2026-01-01T00:00:00+07:00');
  const later = policy('garbage', 'high', '2026-09-01T00:00:00+07:00');
  const fallback = policy(null, 'urgent', '2025-01-01T00:00:00+07:00');
  const all = [old, current, later, fallback];

  it.each<[string | null, string, SlaPolicy | null]>([
    ['garbage', 'urgent', current],
    [null, 'urgent', fallback],
    ['garbage', 'high', null],
    ['noise', 'urgent', null],
  ])('%s × %s', (category, priority, expected) => {
    expect(policyInForce(all, category, priority, NOW)).toBe(expected);
  });
});
