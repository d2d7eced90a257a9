import { canTouch, scopeCondition, ticketScope } from './access-scope';
import type { Principal } from './principal';

const p = (role: Principal['role'], unitId: string | null = null): Principal => ({ userId: 'u', username: 'x', role, unitId });

describe('ticketScope', () => {
  it.each([
    ['admin', null, { kind: 'all' }],
    ['leader', null, { kind: 'all' }],
    ['operator', null, { kind: 'all' }],
    ['ward_official', 'unit-a', { kind: 'unit', unitId: 'unit-a' }],
    ['department_official', 'unit-b', { kind: 'unit', unitId: 'unit-b' }],
    ['ward_official', null, { kind: 'none' }],
  ] as const)('%s of %s sees %j', (role, unit, expected) => {
    expect(ticketScope(p(role, unit))).toEqual(expected);
  });

  it('gives anonymous callers nothing', () => {
    expect(ticketScope(null)).toEqual({ kind: 'none' });
  });
});

describe('scopeCondition', () => {
  it('binds the unit as a parameter, never inline', () => {
    const params: unknown[] = ['first'];
    expect(scopeCondition({ kind: 'unit', unitId: "x' OR 1=1" }, 'r', params)).toBe('r.assigned_unit_id = $2');
    expect(params).toEqual(['first', "x' OR 1=1"]);
  });

  it.each([
    [{ kind: 'all' } as const, 'TRUE'],
    [{ kind: 'none' } as const, 'FALSE'],
  ])('%j → %s', (scope, sql) => {
    expect(scopeCondition(scope, 'r', [])).toBe(sql);
  });
});

describe('canTouch', () => {
  it.each([
    [{ kind: 'unit', unitId: 'a' } as const, 'a', true],
    [{ kind: 'unit', unitId: 'a' } as const, 'b', false],
    [{ kind: 'unit', unitId: 'a' } as const, null, false],
    [{ kind: 'all' } as const, 'b', true],
    [{ kind: 'none' } as const, 'a', false],
  ])('%j on a ticket of %s → %s', (scope, unit, allowed) => {
    expect(canTouch(scope, unit)).toBe(allowed);
  });
});
