import { describe, expect, it } from 'vitest';
import { ApiError } from './apiError';
import { pinWardOf } from './intakeQueries';

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
