import { NoRouteError, resolveRoute, RoutingFacts, RuleCandidate } from './route-resolution';

const rule = (id: number, ward: string | null, unit: string, from = '2025-07-01'): RuleCandidate => ({
  id,
  adminUnitCode: ward,
  handlingUnitId: unit,
  validFrom: new Date(from),
});
const facts = (over: Partial<RoutingFacts> = {}): RoutingFacts => ({
  wardCode: '26743',
  handlingLevel: 'department',
  categoryDefaultUnitId: 'dept',
  wardCommitteeId: 'ward-committee',
  rules: [],
  ...over,
});

describe('resolveRoute', () => {
  it.each([
    [
      'a rule for this ward beats everything',
      facts({ rules: [rule(1, '26743', 'ward-rule-unit'), rule(2, null, 'city-rule-unit')] }),
      'ward-rule-unit',
      'ward_rule',
    ],
    ['a rule for another ward does not apply', facts({ rules: [rule(1, '26740', 'other')] }), 'dept', 'category_default'],
    ['a city-wide rule beats the category default', facts({ rules: [rule(2, null, 'city-rule-unit')] }), 'city-rule-unit', 'category_rule'],
    ['a department category goes to its unit', facts(), 'dept', 'category_default'],
    [
      'a ward category goes to the ward committee',
      facts({ handlingLevel: 'ward', categoryDefaultUnitId: null }),
      'ward-committee',
      'ward_committee',
    ],
    ['a ward category ignores a stray default unit', facts({ handlingLevel: 'ward' }), 'ward-committee', 'ward_committee'],
    [
      'without a committee, the default unit still takes it',
      facts({ handlingLevel: 'ward', wardCommitteeId: null }),
      'dept',
      'category_default',
    ],
    [
      'the newest of two ward rules wins',
      facts({ rules: [rule(1, '26743', 'old', '2025-07-01'), rule(2, '26743', 'new', '2026-01-01')] }),
      'new',
      'ward_rule',
    ],
  ])('%s', (_, f, unit, reason) => {
    expect(resolveRoute(f)).toMatchObject({ unitId: unit, reason });
  });

  it('names the ward when nobody can take the report', () => {
    expect(() => resolveRoute(facts({ handlingLevel: 'ward', wardCommitteeId: null, categoryDefaultUnitId: null }))).toThrow(NoRouteError);
  });
});
