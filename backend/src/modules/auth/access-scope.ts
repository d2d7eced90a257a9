import type { Principal } from './principal';

/**
 * Which tickets a caller may see: the one primitive every ticket query goes through
 * (invariant 4). Officials are confined to their unit; leaders and admins read everything;
 * operators read everything they need for caller history; anonymous callers see nothing here
 * (they use the public tracking view).
 */
export type TicketScope = { kind: 'all' } | { kind: 'unit'; unitId: string } | { kind: 'none' };

export function ticketScope(principal: Principal | null | undefined): TicketScope {
  if (!principal) return { kind: 'none' };
  switch (principal.role) {
    case 'admin':
    case 'leader':
    case 'operator':
      return { kind: 'all' };
    case 'ward_official':
    case 'department_official':
      return principal.unitId ? { kind: 'unit', unitId: principal.unitId } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

/**
 * The SQL condition of a scope over a ticket table alias, with its parameter appended to
 * `params` (positional $n). Returns a condition that is always safe to AND into a WHERE.
 */
export function scopeCondition(scope: TicketScope, alias: string, params: unknown[]): string {
  switch (scope.kind) {
    case 'all':
      return 'TRUE';
    case 'none':
      return 'FALSE';
    case 'unit':
      params.push(scope.unitId);
      return `${alias}.assigned_unit_id = $${params.length}`;
  }
}

export function canTouch(scope: TicketScope, assignedUnitId: string | null): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  return assignedUnitId === scope.unitId;
}
