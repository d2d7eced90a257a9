import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/apiError';
import { trackedStateOf, type TrackedReport } from './trackQueries';

const report = { code: 'HCM-251121-7K3QXZ' } as TrackedReport;

describe('trackedStateOf', () => {
  it.each([
    ['nothing yet', { isError: false, error: null }, { status: 'loading' }],
    ['an answer', { isError: false, error: null, data: report }, { status: 'ready', report }],
    ['an unknown code', { isError: true, error: new ApiError(404, 'reports.not_found', 'no') }, { status: 'notFound' }],
    ['a server failure', { isError: true, error: new ApiError(503, 'unavailable', 'later') }, { status: 'error', httpStatus: 503 }],
    ['no answer at all', { isError: true, error: new ApiError(0, undefined, 'Failed to fetch') }, { status: 'error', httpStatus: 0 }],
    ['a failed reload', { isError: true, error: new ApiError(500, undefined, 'x'), data: report }, { status: 'error', httpStatus: 500 }],
  ])('%s', (_case, query, state) => {
    expect(trackedStateOf(query)).toEqual(state);
  });
});
