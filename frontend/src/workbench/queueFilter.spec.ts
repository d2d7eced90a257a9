import { describe, expect, it } from 'vitest';
import { cityDateOf, filterQueue, queueChoices, type QueueFilter } from './queueFilter';
import type { QueueItem } from './workbenchQueries';
import { itMapsEach, itMapsEachEqual } from '../testing/table';

function item(code: string, status: string, category: [string, string, string], ward: [string, string], createdAt: string): QueueItem {
  return {
    id: code,
    code,
    status,
    priority: 'normal',
    category: { code: category[0], nameVi: category[1], nameEn: category[2] },
    ward: { code: ward[0], name: ward[1] },
    location: { lat: 10.77, lng: 106.7 },
    createdAt,
    responseDueAt: null,
    resolutionDueAt: null,
    slaState: 'running',
  };
}

const FLOODING: [string, string, string] = ['flooding', 'Ngập nước', 'Flooding'];
const GARBAGE: [string, string, string] = ['garbage', 'Rác thải', 'Garbage'];
const BEN_THANH: [string, string] = ['26740', 'Phường Bến Thành'];
const SAI_GON: [string, string] = ['26734', 'Phường Sài Gòn'];

// In the queue's order (most urgent first).
const QUEUE = [
  item('HCM-260301-AAAAAA', 'new', FLOODING, BEN_THANH, '2026-03-01T16:59:00Z'),
  item('HCM-260302-BBBBBB', 'assigned', GARBAGE, SAI_GON, '2026-03-01T17:00:00Z'),
  item('HCM-260305-CCCCCC', 'new', GARBAGE, BEN_THANH, '2026-03-05T03:00:00Z'),
  item('HCM-260310-DDDDDD', 'in_progress', FLOODING, SAI_GON, '2026-03-10T10:00:00Z'),
];
const OPEN: QueueFilter = { status: '', category: '', ward: '', from: '', to: '', text: '' };
const codes = (filter: Partial<QueueFilter>) => filterQueue(QUEUE, { ...OPEN, ...filter }).map((found) => found.code.slice(-1));

describe('cityDateOf', () => {
  itMapsEach('%s → %j', cityDateOf, [
    ['2026-03-01T16:59:00Z', '2026-03-01'],
    ['2026-03-01T17:00:00Z', '2026-03-02'],
    ['2026-03-02T00:00:00+07:00', '2026-03-02'],
    ['not a date', ''],
  ]);
});

describe('filterQueue', () => {
  itMapsEachEqual<Partial<QueueFilter>, string[]>('%j', codes, [
    [{}, ['A', 'B', 'C', 'D']],
    [{ status: 'new' }, ['A', 'C']],
    [{ category: 'garbage' }, ['B', 'C']],
    [{ ward: '26734' }, ['B', 'D']],
    [{ status: 'new', ward: '26740', category: 'flooding' }, ['A']],
    // City dates of filing, both ends included: 17:00 UTC on 1 March is 2 March in the city.
    [{ from: '2026-03-02' }, ['B', 'C', 'D']],
    [{ to: '2026-03-01' }, ['A']],
    [{ from: '2026-03-02', to: '2026-03-05' }, ['B', 'C']],
    [{ from: '2026-03-11' }, []],
    [{ text: 'ngap' }, ['A', 'D']],
    [{ text: '  RÁC ' }, ['B', 'C']],
    [{ text: 'garbage' }, ['B', 'C']],
    [{ text: 'ben thanh' }, ['A', 'C']],
    [{ text: 'hcm-260310' }, ['D']],
    [{ text: 'nothing like it' }, []],
  ]);
});

describe('queueChoices', () => {
  it('lists each status, category and ward once; wards by name', () => {
    const choices = queueChoices(QUEUE);
    expect(choices.statuses).toEqual(['new', 'assigned', 'in_progress']);
    expect(choices.categories.map((category) => category.code)).toEqual(['flooding', 'garbage']);
    expect(choices.wards.map((ward) => ward.name)).toEqual(['Phường Bến Thành', 'Phường Sài Gòn']);
  });

  it('is empty for an empty queue', () => {
    expect(queueChoices([])).toEqual({ statuses: [], categories: [], wards: [] });
  });
});
