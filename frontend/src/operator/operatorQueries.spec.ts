import { describe, expect, it } from 'vitest';
import { callerHistoryOf, type CallerReport, type DuplicateCandidate } from './operatorQueries';
import { duplicatesStateOf } from './useDuplicates';

const ward = { code: '26734', name: 'Phường Bến Thành' };
const category = { code: 'flooding', nameVi: 'Ngập nước', nameEn: 'Flooding' };
const report: CallerReport = {
  id: 'r1',
  code: 'HCM-251121-7K3QXZ',
  status: 'assigned',
  category,
  ward,
  createdAt: '2025-11-21T01:00:00Z',
  relation: 'reporter',
};
const candidate: DuplicateCandidate = { ...report, description: 'Ngập', address: null, distanceM: 12, score: 0.8 };
const idle = { isError: false, isFetching: false, isPending: false };

describe('callerHistoryOf', () => {
  it.each([
    ['no number yet', null, { ...idle, isPending: true }, { status: 'idle' }],
    ['asking', '0901234567', { ...idle, isPending: true, isFetching: true }, { status: 'loading', phone: '0901234567' }],
    [
      'asking again after a failure',
      '0901234567',
      { ...idle, isError: true, isFetching: true },
      { status: 'loading', phone: '0901234567' },
    ],
    ['failed', '0901234567', { ...idle, isError: true }, { status: 'error', phone: '0901234567' }],
    ['answered', '0901234567', { ...idle, data: [report] }, { status: 'ready', phone: '0901234567', reports: [report] }],
  ])('%s', (_case, phone, query, state) => {
    expect(callerHistoryOf(phone, query)).toEqual(state);
  });
});

describe('duplicatesStateOf', () => {
  const answer = { ...idle, data: [candidate], isPlaceholderData: false };
  it.each([
    ['no category or pin', false, true, answer, { status: 'idle', candidates: [] }],
    ['still typing: the last list stays', true, false, answer, { status: 'loading', candidates: [candidate] }],
    [
      'asking, the previous list shown meanwhile',
      true,
      true,
      { ...answer, isFetching: true, isPlaceholderData: true },
      { status: 'loading', candidates: [candidate] },
    ],
    ['answered', true, true, answer, { status: 'ready', candidates: [candidate] }],
    ['failed', true, true, { ...idle, isError: true, isPlaceholderData: false }, { status: 'error', candidates: [] }],
    ['failed, and typing again', true, false, { ...idle, isError: true, isPlaceholderData: false }, { status: 'loading', candidates: [] }],
  ])('%s', (_case, asked, settled, query, state) => {
    expect(duplicatesStateOf(asked, settled, query)).toEqual(state);
  });
});
