import { checkStaffCsv, ImportContext } from './staff-import';

const ctx: ImportContext = {
  taken: new Set(['ward.benthanh']),
  units: new Map([
    ['UBND-26743', { id: 'u-ward', kind: 'ward_committee' }],
    ['SO-XAYDUNG', { id: 'u-dept', kind: 'department' }],
  ]),
};
const HEADER = 'username,full_name,role,unit_code,email,phone';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('checkStaffCsv', () => {
  it('reads good rows into accounts', () => {
    const { accounts, problems } = checkStaffCsv(
      `\uFEFF${csv('Ward.Moi,Nguyễn Văn Mới,ward_official,ubnd-26743,moi@example.vn,0901234567', 'tongdai.2,"Trần Thị, Hai",operator,,,')}`,
      ctx,
    );
    expect(problems).toEqual([]);
    expect(accounts).toEqual([
      {
        line: 2,
        username: 'ward.moi',
        fullName: 'Nguyễn Văn Mới',
        role: 'ward_official',
        unitId: 'u-ward',
        email: 'moi@example.vn',
        phone: '0901234567',
      },
      { line: 3, username: 'tongdai.2', fullName: 'Trần Thị, Hai', role: 'operator', unitId: null, email: null, phone: null },
    ]);
  });

  it.each<[string, string, [number, string, string][]]>([
    ['a taken username (any spelling)', 'WARD.BENTHANH,X Y,operator,,,', [[2, 'username', 'unique']]],
    ['a bad username', 'a!,X Y,operator,,,', [[2, 'username', 'format']]],
    ['an unknown role', 'abc,X Y,mayor,,,', [[2, 'role', 'enum']]],
    ['an unknown unit', 'abc,X Y,ward_official,UBND-00000,,', [[2, 'unit_code', 'unknown_unit']]],
    ['a ward official in a department', 'abc,X Y,ward_official,SO-XAYDUNG,,', [[2, 'unit_code', 'unit_kind']]],
    ['an official without a unit', 'abc,X Y,department_official,,,', [[2, 'unit_code', 'unit_required']]],
    ['a leader with a unit', 'abc,X Y,leader,SO-XAYDUNG,,', [[2, 'unit_code', 'unit_not_allowed']]],
    [
      'a bad e-mail and phone',
      'abc,X Y,operator,,not-mail,12',
      [
        [2, 'email', 'email'],
        [2, 'phone', 'phone'],
      ],
    ],
    ['a one-letter name', 'abc,X,operator,,,', [[2, 'full_name', 'length']]],
  ])('lists %s', (_, row, expected) => {
    const { accounts, problems } = checkStaffCsv(csv(row), ctx);
    expect(accounts).toEqual([]);
    expect(problems.map((p) => [p.line, p.field, p.rule])).toEqual(expected);
  });

  it('lists every bad row of a file, duplicates within the file included', () => {
    const { accounts, problems } = checkStaffCsv(
      csv('one.a,Một A,operator,,,', 'bad!,X Y,operator,,,', 'One.A,Một B,operator,,,', 'two.b,Hai B,mayor,,,'),
      ctx,
    );
    expect(accounts.map((a) => a.username)).toEqual(['one.a']);
    expect(problems.map((p) => [p.line, p.field, p.rule])).toEqual([
      [3, 'username', 'format'],
      [4, 'username', 'duplicate'],
      [5, 'role', 'enum'],
    ]);
  });

  it.each([
    ['no header', 'abc,X Y,operator,,,', 'header'],
    ['no rows', HEADER, 'empty'],
    ['a stray quote', `${HEADER}\nabc,"X Y,operator,,,`, 'unreadable'],
  ])('refuses a file with %s', (_, text, rule) => {
    expect(checkStaffCsv(text, ctx).problems.map((p) => p.rule)).toEqual([rule]);
  });
});
