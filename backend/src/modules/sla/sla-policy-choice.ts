import type { SlaKind } from './sla-clock.entity';
import type { PolicyCandidate, PolicyRow } from './sla.repository';

const MINUTE = 60_000;

/**
 * When no policy row matches: the city's default targets in business hours
 * (response: acknowledge; resolution: answer the citizen).
 */
export const FALLBACK_TARGETS: Record<string, Omit<PolicyRow, 'id'>> = {
  urgent: { responseMinutes: 60, resolutionMinutes: 8 * 60, mode: 'business' },
  high: { responseMinutes: 4 * 60, resolutionMinutes: 3 * 8 * 60, mode: 'business' },
  normal: { responseMinutes: 8 * 60, resolutionMinutes: 5 * 8 * 60, mode: 'business' },
  low: { responseMinutes: 2 * 8 * 60, resolutionMinutes: 10 * 8 * 60, mode: 'business' },
};

/** The policy in force at `at`: the category's own beats the default; the latest valid_from wins. */
export function pickPolicy(rows: PolicyCandidate[], categoryId: number, priority: string, at: Date): PolicyRow | null {
  const t = at.getTime();
  const live = rows.filter(
    (r) =>
      r.priority === priority &&
      (r.categoryId === null || r.categoryId === categoryId) &&
      r.validFrom.getTime() <= t &&
      (!r.validTo || r.validTo.getTime() > t),
  );
  live.sort((a, b) => Number(b.categoryId !== null) - Number(a.categoryId !== null) || b.validFrom.getTime() - a.validFrom.getTime());
  return live[0] ?? null;
}

/** The policy in force, or the city's default for the priority (an unknown priority counts as normal); a default has no id. */
export function policyOrFallback(rows: PolicyCandidate[], categoryId: number, priority: string, at: Date): PolicyRow {
  return (
    pickPolicy(rows, categoryId, priority, at) ?? {
      id: null as unknown as number,
      ...(FALLBACK_TARGETS[priority] ?? FALLBACK_TARGETS.normal),
    }
  );
}

/** A clock's target under a policy: the response or the resolution minutes. */
export function targetMsOf(policy: Omit<PolicyRow, 'id'>, kind: SlaKind): number {
  return (kind === 'response' ? policy.responseMinutes : policy.resolutionMinutes) * MINUTE;
}
