import { describe, expect, it } from 'vitest';
import type { WardName } from '../adminQueries';
import { indexWards, matchesCityWide, matchWards } from './wardChoice';
import { itMapsEach } from '../../testing/table';

const WARDS: WardName[] = [
  { code: '26734', name: 'Phường Sài Gòn' },
  { code: '26737', name: 'Phường Tân Định' },
  { code: '26740', name: 'Phường Bến Thành' },
  { code: '26743', name: 'Phường Cầu Ông Lãnh' },
  { code: '27007', name: 'Xã Thạnh An' },
  { code: '26299', name: 'Đặc khu Côn Đảo' },
  { code: '26500', name: 'Phường An Khánh' },
];
const INDEX = indexWards(WARDS);
const names = (query: string, limit = 10) => matchWards(INDEX, query, limit).map((ward) => ward.name);

describe('matchWards', () => {
  it.each([
    ['ben thanh', 10, ['Phường Bến Thành']],
    ['Bến Thành', 10, ['Phường Bến Thành']],
    ['BEN THANH', 10, ['Phường Bến Thành']],
    ['phuong ben', 10, ['Phường Bến Thành']],
    ['con dao', 10, ['Đặc khu Côn Đảo']],
    ['dac khu', 10, ['Đặc khu Côn Đảo']],
    // Names that start with the query (without "Phường"/"Xã") come before those that contain it.
    ['an', 10, ['Phường An Khánh', 'Phường Tân Định', 'Phường Bến Thành', 'Phường Cầu Ông Lãnh', 'Xã Thạnh An']],
    ['thanh', 10, ['Xã Thạnh An', 'Phường Bến Thành']],
    ['', 3, ['Phường Sài Gòn', 'Phường Tân Định', 'Phường Bến Thành']],
    ['phuong', 2, ['Phường Sài Gòn', 'Phường Tân Định']],
    ['ha noi', 10, []],
  ])('%j (limit %i) → %j', (query, limit, expected) => {
    expect(names(query, limit)).toEqual(expected);
  });
});

describe('matchesCityWide', () => {
  const labels = ['Toàn thành phố', 'City-wide'];
  itMapsEach('%j → %s', (query: string) => matchesCityWide(query, labels), [
    ['', true],
    ['toan', true],
    ['Thành phố', true],
    ['city', true],
    ['ben thanh', false],
  ]);
});
