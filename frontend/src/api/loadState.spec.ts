import type { UseQueryResult } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { loadStateOf } from './loadState';

interface QueryState {
  isFetching?: boolean;
  isError?: boolean;
  isPending?: boolean;
  data?: number;
  error?: Error;
}

const query = (state: QueryState) =>
  ({
    isFetching: false,
    isError: false,
    isPending: false,
    data: undefined,
    error: null,
    refetch: vi.fn(),
    ...state,
  }) as unknown as UseQueryResult<number>;

describe('loadStateOf', () => {
  it.each([
    ['waiting for what it needs', { isPending: true }, 'loading', null],
    ['loading the first time', { isPending: true, isFetching: true }, 'loading', null],
    ['answered', { data: 3 }, 'ready', 3],
    ['reloading, keeping the last answer', { data: 3, isFetching: true }, 'loading', 3],
    ['failed, keeping the last answer', { data: 3, isError: true, error: new Error('x') }, 'error', 3],
    ['retrying after a failure', { isError: true, isFetching: true, error: new Error('x') }, 'loading', null],
  ])('%s', (_case, state, status, data) => {
    expect(loadStateOf(query(state))).toMatchObject({ status, data });
  });

  it('reloads by refetching', () => {
    const q = query({ data: 1 });
    loadStateOf(q).reload();
    expect(q.refetch).toHaveBeenCalledTimes(1);
  });
});
