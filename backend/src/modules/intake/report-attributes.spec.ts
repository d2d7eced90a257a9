import type { CategoryAttribute } from '../categories/category.entity';
import { IntakeErrorCode, IntakeException } from './intake.exception';
import { checkAttributes } from './report-attributes';

const attr = (code: string, datatype: CategoryAttribute['datatype'], required = false, keys: string[] = []): CategoryAttribute => ({
  code,
  datatype,
  required,
  description: code,
  descriptionEn: code,
  order: 1,
  values: keys.map((key) => ({ key, name: key, nameEn: key })),
});

const FLOODING = [attr('depth', 'singlevaluelist', true, ['<20cm', '20-50cm', '>50cm']), attr('note', 'string')];
const TREE = [attr('blocking', 'multivaluelist', false, ['road', 'sidewalk'])];

describe('checkAttributes', () => {
  it.each<[string, CategoryAttribute[], Record<string, unknown>]>([
    ['the required answer alone', FLOODING, { depth: '20-50cm' }],
    ['every answer', FLOODING, { depth: '>50cm', note: 'ngập tới yên xe' }],
    ['a multi list answer', TREE, { blocking: ['road', 'sidewalk'] }],
    ['no answers to optional questions', TREE, {}],
    ['no answers to no questions', [], {}],
  ])('accepts %s', (_, definitions, given) => {
    expect(checkAttributes(definitions, given)).toEqual(given);
  });

  it.each<[string, CategoryAttribute[], Record<string, unknown>, IntakeErrorCode, string]>([
    ['a missing required answer', FLOODING, { note: 'x' }, IntakeErrorCode.MissingAttribute, 'attributes.depth'],
    ['an empty required answer', FLOODING, { depth: '' }, IntakeErrorCode.MissingAttribute, 'attributes.depth'],
    ['a key outside the list', FLOODING, { depth: '1m' }, IntakeErrorCode.InvalidAttribute, 'attributes.depth'],
    ['one bad key in a multi list', TREE, { blocking: ['road', 'river'] }, IntakeErrorCode.InvalidAttribute, 'attributes.blocking'],
    ['a code the category does not ask', FLOODING, { depth: '<20cm', colour: 'brown' }, IntakeErrorCode.UnknownAttribute, 'attributes'],
    ['any code where none is asked', [], { x: 1 }, IntakeErrorCode.UnknownAttribute, 'attributes'],
    ['unknown codes before a missing answer', FLOODING, { a: 1 }, IntakeErrorCode.UnknownAttribute, 'attributes'],
  ])('refuses %s', (_, definitions, given, code, field) => {
    const error = (() => {
      try {
        checkAttributes(definitions, given);
      } catch (e) {
        return e;
      }
    })() as IntakeException;
    expect(error).toBeInstanceOf(IntakeException);
    expect(error.code).toBe(code);
    expect(error.details.issues?.map((i) => i.field)).toEqual([field]);
  });

  it('names a few unknown codes and counts the rest, in one issue', () => {
    const given = Object.fromEntries(Array.from({ length: 9000 }, (_, i) => [`k${i}`, 'v']));
    expect(() => checkAttributes(FLOODING, given)).toThrow(/"k0", "k1".*"k9" \(\+8990\)/);
  });
});
