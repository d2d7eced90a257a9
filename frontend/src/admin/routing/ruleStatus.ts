import type { RoutingRule } from '../adminQueries';

export type RuleStatus = 'active' | 'scheduled' | 'closed';

/** Whether a rule is in force at `now`, starts later, or has ended. */
export function ruleStatus(rule: RoutingRule, now: number): RuleStatus {
  if (rule.validTo !== null && Date.parse(rule.validTo) <= now) return 'closed';
  if (Date.parse(rule.validFrom) > now) return 'scheduled';
  return 'active';
}

/** Only an open-ended rule can be closed or replaced; an ended one is history. */
export function isOpenEnded(rule: RoutingRule): boolean {
  return rule.validTo === null;
}
