import { PRIORITIES, type AdminCategory, type SlaPolicy } from '../adminQueries';

export type PolicyStatus = 'current' | 'scheduled' | 'superseded';

export function policyStatus(policy: SlaPolicy, now: number): PolicyStatus {
  if (policy.validTo !== null && Date.parse(policy.validTo) <= now) return 'superseded';
  if (Date.parse(policy.validFrom) > now) return 'scheduled';
  return 'current';
}

export interface PolicyGroup {
  /** null: the defaults every category falls back to. */
  category: string | null;
  policies: SlaPolicy[];
}

function priorityRank(priority: string): number {
  const rank = (PRIORITIES as readonly string[]).indexOf(priority);
  return rank === -1 ? PRIORITIES.length : rank;
}

/**
 * Policies by category, the defaults first and then the categories in the order the citizen's
 * picker lists them; inside a group the most urgent priority first, the newest version first.
 */
export function groupPolicies(policies: readonly SlaPolicy[], categories: readonly AdminCategory[]): PolicyGroup[] {
  const order = new Map(categories.map((category, position) => [category.code, position]));
  const groups = new Map<string | null, SlaPolicy[]>();
  for (const policy of policies) groups.set(policy.category, [...(groups.get(policy.category) ?? []), policy]);
  const rank = (category: string | null) => (category === null ? -1 : (order.get(category) ?? categories.length));
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || String(a).localeCompare(String(b)))
    .map(([category, list]) => ({
      category,
      policies: [...list].sort(
        (a, b) => priorityRank(a.priority) - priorityRank(b.priority) || Date.parse(b.validFrom) - Date.parse(a.validFrom),
      ),
    }));
}

/** The policy in force now for a category × priority, which a new one would supersede. */
export function policyInForce(policies: readonly SlaPolicy[], category: string | null, priority: string, now: number): SlaPolicy | null {
  return (
    policies.find((policy) => policy.category === category && policy.priority === priority && policyStatus(policy, now) === 'current') ??
    null
  );
}
