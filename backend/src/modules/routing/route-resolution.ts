/**
 * Who handles a report: the precedence the city uses, as a pure rule.
 *   1. a routing rule for this category in this ward,
 *   2. a routing rule for this category anywhere,
 *   3. the category's own department or utility (department-level categories),
 *   4. the People's Committee of the ward that contains the point.
 * Among rules of one level the most recently effective wins (a newer decision supersedes).
 */
export interface RuleCandidate {
  id: number;
  adminUnitCode: string | null;
  handlingUnitId: string;
  validFrom: Date;
}

export interface RoutingFacts {
  wardCode: string;
  handlingLevel: 'ward' | 'department';
  categoryDefaultUnitId: string | null;
  wardCommitteeId: string | null;
  /** Rules of the report's category in force at the routing instant. */
  rules: RuleCandidate[];
}

export type RouteReason = 'ward_rule' | 'category_rule' | 'category_default' | 'ward_committee';

export interface Route {
  unitId: string;
  reason: RouteReason;
  ruleId: number | null;
}

export class NoRouteError extends Error {}

export function resolveRoute(f: RoutingFacts): Route {
  const newest = (rules: RuleCandidate[]) => [...rules].sort((a, b) => b.validFrom.getTime() - a.validFrom.getTime() || b.id - a.id)[0];
  const wardRule = newest(f.rules.filter((r) => r.adminUnitCode === f.wardCode));
  if (wardRule) return { unitId: wardRule.handlingUnitId, reason: 'ward_rule', ruleId: wardRule.id };
  const cityRule = newest(f.rules.filter((r) => r.adminUnitCode === null));
  if (cityRule) return { unitId: cityRule.handlingUnitId, reason: 'category_rule', ruleId: cityRule.id };
  if (f.handlingLevel === 'department' && f.categoryDefaultUnitId) {
    return { unitId: f.categoryDefaultUnitId, reason: 'category_default', ruleId: null };
  }
  if (f.wardCommitteeId) return { unitId: f.wardCommitteeId, reason: 'ward_committee', ruleId: null };
  if (f.categoryDefaultUnitId) return { unitId: f.categoryDefaultUnitId, reason: 'category_default', ruleId: null };
  throw new NoRouteError(`no handling unit for ward ${f.wardCode}`);
}
