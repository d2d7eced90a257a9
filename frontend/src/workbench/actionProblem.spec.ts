import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/apiError';
import { actionProblemOf, needsPublicMessage } from './actionProblem';

const issue = { field: 'publicMessage', message: 'Too short', messageVi: 'Quá ngắn' };

describe('actionProblemOf', () => {
  it.each([
    ['no answer', new ApiError(0, undefined, 'Failed to fetch'), true, { kind: 'network' }],
    ['not an API error', new Error('boom'), true, { kind: 'network' }],
    ['a stale version', new ApiError(409, 'tickets.stale_version', 'stale'), true, { kind: 'stale' }],
    ['another conflict', new ApiError(409, 'tickets.illegal_transition', 'no'), true, { kind: 'illegal' }],
    ['a ticket gone', new ApiError(404, 'tickets.not_found', 'gone'), true, { kind: 'gone' }],
    [
      'a field, in Vietnamese',
      new ApiError(400, 'validation_failed', 'bad', undefined, [issue]),
      true,
      { kind: 'field', field: 'publicMessage', message: 'Quá ngắn' },
    ],
    [
      'a field, in English',
      new ApiError(422, 'validation_failed', 'bad', undefined, [issue]),
      false,
      { kind: 'field', field: 'publicMessage', message: 'Too short' },
    ],
    ['a 400 without issues', new ApiError(400, 'bad_request', 'bad'), true, { kind: 'server', status: 400, message: 'bad' }],
    ['a server failure', new ApiError(503, 'unavailable', 'later'), true, { kind: 'server', status: 503, message: 'later' }],
  ])('%s', (_case, error, vietnamese, problem) => {
    expect(actionProblemOf(error, vietnamese)).toEqual(problem);
  });
});

describe('needsPublicMessage', () => {
  it.each([
    ['request-info', true],
    ['resolve', true],
    ['reject', true],
    ['accept', false],
    ['reopen', false],
    ['close', false],
    ['merge', false],
  ] as const)('%s: %s', (action, needed) => {
    expect(needsPublicMessage(action)).toBe(needed);
  });
});
