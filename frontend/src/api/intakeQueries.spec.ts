import { describe, expect, it } from 'vitest';
import { ApiError } from './apiError';
import { pinWardOf, wardSearchOf } from './intakeQueries';

const ward = { code: '26734', name: 'Phường Bến Thành' };

describe('pinWardOf', () => {
  it.each([
    ['no pin', false, { isError: false, error: null }, { status: 'none' }],
    ['asking', true, { isError: false, error: null }, { status: 'locating' }],
    ['inside the city', true, { isError: false, error: null, data: { ward } }, { status: 'inside', ward }],
    ['outside the city', true, { isError: true, error: new ApiError(422, 'intake.outside_city', 'outside') }, { status: 'outside' }],
    ['no answer', true, { isError: true, error: new ApiError(0, undefined, 'Failed to fetch') }, { status: 'error' }],
    ['a server failure', true, { isError: true, error: new ApiError(503, 'unavailable', 'later') }, { status: 'error' }],
  ])('%s', (_case, hasPin, query, state) => {
    expect(pinWardOf(hasPin, query)).toEqual(state);
  });
});

const hit = {
  code: '26734',
  name: 'Phường Bến Thành',
  kind: 'ward',
  districtName: null,
  matched: 'Bến Thành',
  current: true,
  lng: 106.7,
  lat: 10.77,
};
const answered = { data: [hit], isError: false, isFetching: false, isPending: false };

describe('wardSearchOf', () => {
  it.each([
    ['nothing typed (or switched off)', false, true, answered, { hits: null, busy: false, failed: false }],
    ['still typing', true, false, answered, { hits: null, busy: true, failed: false }],
    ['asking', true, true, { isError: false, isFetching: true, isPending: true }, { hits: null, busy: true, failed: false }],
    ['asking again, an older answer at hand', true, true, { ...answered, isFetching: true }, { hits: null, busy: true, failed: false }],
    ['answered', true, true, answered, { hits: [hit], busy: false, failed: false }],
    ['failed', true, true, { isError: true, isFetching: false, isPending: false }, { hits: null, busy: false, failed: true }],
  ])('%s', (_case, active, settled, query, shown) => {
    expect(wardSearchOf(active, settled, query)).toEqual(shown);
  });
});
