import { describe, expect, it } from 'vitest';
import { indexCategories, matchCategories } from './categoryMatch';
import type { Category } from '../api/intakeQueries';

function category(code: string, nameVi: string, nameEn: string, groupVi: string, groupEn: string): Category {
  return {
    code,
    nameVi,
    nameEn,
    groupCode: groupEn.toLowerCase(),
    groupVi,
    groupEn,
    hintVi: '',
    hintEn: '',
    defaultPriority: 'normal',
    handlingLevel: 'ward',
    isPublic: true,
    attributes: [],
  };
}

// In the API's order: group, then sort order.
const CATEGORIES = [
  category('flooding', 'Ngập nước', 'Flooding', 'Hạ tầng', 'Infrastructure'),
  category('street-light', 'Đèn đường hư', 'Broken street light', 'Hạ tầng', 'Infrastructure'),
  category('pothole', 'Ổ gà, hư hỏng mặt đường', 'Pothole', 'Hạ tầng', 'Infrastructure'),
  category('garbage', 'Rác thải', 'Garbage', 'Môi trường', 'Environment'),
  category('noise', 'Tiếng ồn', 'Noise', 'Môi trường', 'Environment'),
];
const INDEX = indexCategories(CATEGORIES);
const codes = (query: string) => matchCategories(INDEX, query).map((found) => found.code);

describe('matchCategories', () => {
  it.each([
    ['', ['flooding', 'street-light', 'pothole', 'garbage', 'noise']],
    ['   ', ['flooding', 'street-light', 'pothole', 'garbage', 'noise']],
    ['ngap', ['flooding']],
    ['NGẬP', ['flooding']],
    ['den duong', ['street-light']],
    ['đèn', ['street-light']],
    ['flood', ['flooding']],
    ['street light', ['street-light']],
    ['ha tang', ['flooding', 'street-light', 'pothole']],
    ['environment', ['garbage', 'noise']],
    // "duong" is in "đèn đường" and "mặt đường": both stay, in the API's order.
    ['duong', ['street-light', 'pothole']],
    ['rac', ['garbage']],
    // A name that starts with the query ("Ổ gà") comes before those that only contain it.
    ['o', ['pothole', 'flooding', 'street-light', 'garbage', 'noise']],
    ['ngap rac', []],
    ['xyz', []],
  ])('%j → %j', (query, expected) => {
    expect(codes(query)).toEqual(expected);
  });
});
