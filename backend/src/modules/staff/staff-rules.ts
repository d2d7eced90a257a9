import type { UserRole } from '../users/app-user.entity';

/**
 * Which unit a role's account belongs to: a ward official to a ward's People's Committee, a
 * department official to a department or utility, the city-wide roles to none. Returns the rule
 * broken, or null. Plain TypeScript: the database's check only says officials have some unit.
 */
export function unitRuleBroken(role: UserRole, unitKind: string | null): 'unit_required' | 'unit_kind' | 'unit_not_allowed' | null {
  switch (role) {
    case 'ward_official':
      return unitKind === null ? 'unit_required' : unitKind === 'ward_committee' ? null : 'unit_kind';
    case 'department_official':
      return unitKind === null ? 'unit_required' : ['department', 'utility'].includes(unitKind) ? null : 'unit_kind';
    default:
      return unitKind === null ? null : 'unit_not_allowed';
  }
}

/** An admin account may stop being an active admin only while another active admin remains. */
export function leavesNoAdmin(activeAdminIds: readonly string[], userId: string, willBeActiveAdmin: boolean): boolean {
  return !willBeActiveAdmin && activeAdminIds.includes(userId) && activeAdminIds.length <= 1;
}
