import { Ladder, ladderNotifications, ladderRecipients } from './escalation-ladder';
import type { SlaStageName } from './sla-stages';

const ward = { id: 'u-ward', code: '26734' };
const dept = { id: 'u-dept', code: 'SXD' };
const city = { id: 'u-city', code: 'HCMC' };

describe('The escalation ladder', () => {
  it.each<[string, SlaStageName, Ladder, string[]]>([
    ['a warning goes to the unit only', 'warn50', { unit: ward, parent: dept, city }, ['26734']],
    ['so does the last warning', 'warn90', { unit: ward, parent: dept, city }, ['26734']],
    ['the breach goes to the unit and its supervisor', 'breach', { unit: ward, parent: dept, city }, ['26734', 'SXD']],
    ['the breach of a unit without a parent goes to the city', 'breach', { unit: ward, parent: null, city }, ['26734', 'HCMC']],
    ['the second escalation goes to the city only', 'escalate', { unit: ward, parent: dept, city }, ['HCMC']],
    ['no city unit: the escalation reaches no one', 'escalate', { unit: ward, parent: dept, city: null }, []],
    ['no parent and no city: the breach reaches the unit only', 'breach', { unit: ward, parent: null, city: null }, ['26734']],
  ])('%s', (_, stage, ladder, codes) => {
    expect(ladderRecipients(stage, ladder).map((u) => u.code)).toEqual(codes);
  });

  it('one notification per recipient, keyed so that a replay is the same notification', () => {
    const ladders = new Map([[ward.id, { unit: ward, parent: dept, city }]]);
    const clock = { reportId: 'r1', kind: 'resolution' as const, cycle: 2, assignedUnitId: ward.id };
    expect(ladderNotifications([{ clock, stage: 'breach' }], ladders)).toEqual([
      {
        reportId: 'r1',
        channel: 'internal',
        recipient: '26734',
        unitId: 'u-ward',
        template: 'sla.breach',
        payload: { kind: 'resolution', cycle: 2, stage: 'breach' },
        dedupeKey: 'sla:r1:resolution.2.breach:u-ward',
      },
      {
        reportId: 'r1',
        channel: 'internal',
        recipient: 'SXD',
        unitId: 'u-dept',
        template: 'sla.breach',
        payload: { kind: 'resolution', cycle: 2, stage: 'breach' },
        dedupeKey: 'sla:r1:resolution.2.breach:u-dept',
      },
    ]);
  });

  it.each([
    ['an unassigned ticket', null],
    ['a unit the ladders do not know', 'u-gone'],
  ])('%s notifies no one', (_, assignedUnitId) => {
    const clock = { reportId: 'r1', kind: 'response' as const, cycle: 1, assignedUnitId };
    expect(ladderNotifications([{ clock, stage: 'breach' }], new Map([[ward.id, { unit: ward, parent: dept, city }]]))).toEqual([]);
  });
});
