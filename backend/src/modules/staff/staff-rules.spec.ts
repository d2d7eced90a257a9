import type { UserRole } from '../users/app-user.entity';
import { leavesNoAdmin, unitRuleBroken } from './staff-rules';

describe('unitRuleBroken', () => {
  it.each<[UserRole, string | null, ReturnType<typeof unitRuleBroken>]>([
    ['ward_official', 'ward_committee', null],
    ['ward_official', null, 'unit_required'],
    ['ward_official', 'department', 'unit_kind'],
    ['department_official', 'department', null],
    ['department_official', 'utility', null],
    ['department_official', 'ward_committee', 'unit_kind'],
    ['department_official', null, 'unit_required'],
    ['operator', null, null],
    ['leader', null, null],
    ['admin', null, null],
    ['admin', 'city', 'unit_not_allowed'],
    ['operator', 'ward_committee', 'unit_not_allowed'],
  ])('%s in a %s unit → %s', (role, kind, broken) => {
    expect(unitRuleBroken(role, kind)).toBe(broken);
  });
});

describe('leavesNoAdmin', () => {
  it.each<[string, string[], string, boolean, boolean]>([
    ['the last admin disabled or demoted', ['a'], 'a', false, true],
    ['one of two admins disabled', ['a', 'b'], 'a', false, false],
    ['the last admin kept an admin', ['a'], 'a', true, false],
    ['a non-admin disabled', ['a'], 'x', false, false],
    ['an inactive admin left inactive with no active admin at all', [], 'a', false, false],
  ])('%s → %s', (_, admins, user, stays, refused) => {
    expect(leavesNoAdmin(admins, user, stays)).toBe(refused);
  });
});
