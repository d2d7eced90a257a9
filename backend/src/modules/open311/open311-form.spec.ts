import type { CategoryAttribute } from '../categories/category.entity';
import { coerceAttributes, normalizeForm, open311Field } from './open311-form';
import { itMapsEach } from '../../testing/table';

describe('normalizeForm', () => {
  it.each<[string, unknown, Record<string, unknown>]>([
    [
      'form keys attribute[code]',
      { service_code: 'flooding', 'attribute[depth]': '20-50cm' },
      { service_code: 'flooding', attribute: { depth: '20-50cm' } },
    ],
    ['attribute[code][] always a list', { 'attribute[kinds][]': 'a' }, { attribute: { kinds: ['a'] } }],
    ['repeated attribute[code][]', { 'attribute[kinds][]': ['a', 'b'] }, { attribute: { kinds: ['a', 'b'] } }],
    ['both spellings add up', { 'attribute[kinds]': 'a', 'attribute[kinds][]': ['b'] }, { attribute: { kinds: ['a', 'b'] } }],
    ['multipart nesting', { attribute: { depth: '20-50cm', kinds: ['a', 'b'] } }, { attribute: { depth: '20-50cm', kinds: ['a', 'b'] } }],
    [
      'JSON numbers become text',
      { lat: 10.7725, long: 106.6981, attribute: { count: 3 } },
      { lat: '10.7725', long: '106.6981', attribute: { count: '3' } },
    ],
    [
      'empty values count as absent',
      { lat: '', long: '', address_string: 'Phường 7, Quận 5', 'attribute[depth]': '', 'attribute[x][]': [''] },
      { address_string: 'Phường 7, Quận 5' },
    ],
    ['codes with dashes and dots', { 'attribute[pole-no.]': '12' }, { attribute: { 'pole-no.': '12' } }],
    ['prototype keys are dropped', { 'attribute[__proto__]': 'x', constructor: 'y', 'attribute[ok]': 'z' }, { attribute: { ok: 'z' } }],
    [
      'malformed attribute keys stay top-level (and are ignored later)',
      { 'attribute[a][b]': 'x', 'attribute[]': 'y' },
      { 'attribute[a][b]': 'x', 'attribute[]': 'y' },
    ],
    ['no body at all', undefined, {}],
    ['a JSON array body', ['a'], {}],
  ])('%s', (_, body, expected) => {
    expect(normalizeForm(body)).toEqual(expected);
  });

  it('does not touch the prototype of what it builds', () => {
    const out = normalizeForm(JSON.parse('{"attribute":{"__proto__":{"polluted":true}},"__proto__":{"polluted":true}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});

const defs: CategoryAttribute[] = [
  {
    code: 'depth',
    datatype: 'singlevaluelist',
    required: true,
    description: '',
    descriptionEn: '',
    order: 1,
    values: [{ key: 'a', name: 'A', nameEn: 'A' }],
  },
  { code: 'kinds', datatype: 'multivaluelist', required: false, description: '', descriptionEn: '', order: 2, values: [] },
  { code: 'count', datatype: 'number', required: false, description: '', descriptionEn: '', order: 3 },
  { code: 'seen', datatype: 'datetime', required: false, description: '', descriptionEn: '', order: 4 },
  { code: 'pole', datatype: 'string', required: false, description: '', descriptionEn: '', order: 5 },
];

describe('coerceAttributes', () => {
  it.each<[string, Record<string, string | string[]>, Record<string, unknown>]>([
    ['single list value kept as text', { depth: 'a' }, { depth: 'a' }],
    ['single list sent as a one-item list', { depth: ['a'] }, { depth: 'a' }],
    ['multi list from one value', { kinds: 'x' }, { kinds: ['x'] }],
    ['multi list from many', { kinds: ['x', 'y'] }, { kinds: ['x', 'y'] }],
    ['number', { count: ' 12.5 ' }, { count: 12.5 }],
    ['negative integer', { count: '-3' }, { count: -3 }],
    ['datetime kept as sent', { seen: '2026-11-21T08:30:00+07:00' }, { seen: '2026-11-21T08:30:00+07:00' }],
    ['string', { pole: 'ĐC-12' }, { pole: 'ĐC-12' }],
    ['unknown code kept as sent', { extra: ['p', 'q'] }, { extra: ['p', 'q'] }],
  ])('%s', (_, answers, values) => {
    expect(coerceAttributes(defs, answers)).toEqual({ values, issues: [] });
  });

  it.each<[string, Record<string, string | string[]>, string, string]>([
    ['a number that is not', { count: '12 m' }, 'attribute[count]', 'number'],
    ['a number in words', { count: 'mười' }, 'attribute[count]', 'number'],
    ['a datetime that is not', { seen: 'hôm qua' }, 'attribute[seen]', 'datetime'],
    ['two values for a single list', { depth: ['a', 'b'] }, 'attribute[depth]', 'single_value'],
    ['two values for a string', { pole: ['1', '2'] }, 'attribute[pole]', 'single_value'],
  ])('flags %s', (_, answers, field, rule) => {
    const { issues } = coerceAttributes(defs, answers);
    expect(issues).toEqual([expect.objectContaining({ field, rule })]);
    expect(issues[0].messageVi).toBeTruthy();
  });
});

describe('open311Field', () => {
  itMapsEach('%s → %s', open311Field, [
    ['category', 'service_code'],
    ['lng', 'long'],
    ['lat', 'lat'],
    ['address', 'address_string'],
    ['attributes.depth', 'attribute[depth]'],
    ['attribute.depth', 'attribute[depth]'],
    ['attribute.kinds.1', 'attribute[kinds]'],
    ['reporter.phone', 'phone'],
    ['reporter.email', 'email'],
    ['reporter.name', 'first_name'],
    ['description', 'description'],
    ['status.0', 'status'],
    ['Idempotency-Key', 'Idempotency-Key'],
  ]);
});
