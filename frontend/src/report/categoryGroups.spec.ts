import { describe, expect, it } from 'vitest';
import { categoryHint, categoryName, groupCategories } from './categoryGroups';
import type { Category } from '../api/intakeQueries';

function category(code: string, nameVi: string, nameEn: string, hintVi: string, hintEn: string, group: [string, string, string]): Category {
  return {
    code,
    nameVi,
    nameEn,
    hintVi,
    hintEn,
    groupCode: group[0],
    groupVi: group[1],
    groupEn: group[2],
    defaultPriority: 'normal',
    handlingLevel: 'ward',
    isPublic: code !== 'private',
    attributes: [],
  };
}

const INFRA: [string, string, string] = ['infra', 'Hạ tầng', 'Infrastructure'];
const ENV: [string, string, string] = ['env', 'Môi trường', 'Environment'];
const CATEGORIES = [
  category('flooding', 'Ngập nước', 'Flooding', 'Nước ngập đường sau mưa', 'Water on the road after rain', INFRA),
  category('garbage', 'Rác thải', 'Garbage', 'Rác để sai nơi', 'Rubbish left in the wrong place', ENV),
  category('street-light', 'Đèn đường hư', 'Broken street light', 'Đèn tắt về đêm', 'Dark at night', INFRA),
  category('private', 'Xây dựng trái phép', 'Illegal construction', 'Công trình không phép', 'Building without a permit', INFRA),
];
const shape = (query: string, language: 'vi' | 'en') =>
  groupCategories(CATEGORIES, query, language).map((group) => [group.name, group.categories.map((found) => found.code)]);

describe('groupCategories', () => {
  it.each<[string, 'vi' | 'en', (string | string[])[][]]>([
    // Groups in the order their first category comes; non-public categories stay.
    [
      '',
      'vi',
      [
        ['Hạ tầng', ['flooding', 'street-light', 'private']],
        ['Môi trường', ['garbage']],
      ],
    ],
    [
      '',
      'en',
      [
        ['Infrastructure', ['flooding', 'street-light', 'private']],
        ['Environment', ['garbage']],
      ],
    ],
    ['ngap', 'vi', [['Hạ tầng', ['flooding']]]],
    ['rain', 'vi', [['Hạ tầng', ['flooding']]]],
    ['DEN DEM', 'en', [['Infrastructure', ['street-light']]]],
    ['moi truong', 'en', [['Environment', ['garbage']]]],
    ['permit', 'vi', [['Hạ tầng', ['private']]]],
    ['duong', 'vi', [['Hạ tầng', ['flooding', 'street-light']]]],
    ['ngap rac', 'vi', []],
  ])('%j (%s)', (query, language, expected) => {
    expect(shape(query, language)).toEqual(expected);
  });
});

describe('names in the active language', () => {
  it.each([
    ['vi', 'Ngập nước', 'Nước ngập đường sau mưa'],
    ['en', 'Flooding', 'Water on the road after rain'],
  ] as const)('%s', (language, name, hint) => {
    expect(categoryName(CATEGORIES[0], language)).toBe(name);
    expect(categoryHint(CATEGORIES[0], language)).toBe(hint);
  });
});
