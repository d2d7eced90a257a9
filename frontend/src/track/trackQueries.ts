import { useMutation, useQuery, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { ApiError } from '../api/apiError';
import { data, publicApi, type Schemas } from '../api/client';
import { queryKeys } from '../api/queryKeys';

/** GET /track/:code: the public view of a report, never any personal data; with the reporter's secret, what they may do. */
export type TrackedReport = Schemas['TrackedReport'];

export type TrackedReportState =
  { status: 'loading' } | { status: 'notFound' } | { status: 'error'; httpStatus: number } | { status: 'ready'; report: TrackedReport };

/** What the page shows of the query: the last report stays shown while it reloads after the citizen acted. */
export function trackedStateOf(query: { data?: TrackedReport; error: unknown; isError: boolean }): TrackedReportState {
  if (query.isError) {
    const { error } = query;
    if (error instanceof ApiError && error.status === 404) return { status: 'notFound' };
    return { status: 'error', httpStatus: error instanceof ApiError ? error.status : 0 };
  }
  return query.data ? { status: 'ready', report: query.data } : { status: 'loading' };
}

/** The report of a tracking code, as the public (the citizen's pages never send a staff token). */
export function useTrackedReport(code: string | null, secret: string | null): TrackedReportState {
  const query = useQuery({
    queryKey: queryKeys.tracked(code ?? '', secret),
    queryFn: ({ signal }) =>
      data(
        publicApi.GET('/api/v1/track/{code}', {
          params: { path: { code: code ?? '' }, header: secret ? { 'x-reporter-secret': secret } : undefined },
          signal,
        }),
      ),
    enabled: code !== null,
  });
  return trackedStateOf(query);
}

/** The reporter's answers on their report: each needs their secret; the report reloads after each. */
export function useCitizenActions(code: string, secret: string) {
  const client = useQueryClient();
  const onSuccess = () => void client.invalidateQueries({ queryKey: queryKeys.tickets() });
  const params = { path: { code }, header: { 'x-reporter-secret': secret } };
  const reply = useMutation({
    mutationFn: (message: string) => data(publicApi.POST('/api/v1/track/{code}/reply', { params, body: { message } })),
    onSuccess,
  });
  const reject = useMutation({
    mutationFn: (message: string) => data(publicApi.POST('/api/v1/track/{code}/reject', { params, body: { message } })),
    onSuccess,
  });
  const rate = useMutation({
    mutationFn: ({ rating, comment }: { rating: number; comment: string }) =>
      data(publicApi.POST('/api/v1/track/{code}/rating', { params, body: comment ? { rating, comment } : { rating } })),
    onSuccess,
  });
  return { reply, reject, rate };
}

/** One of the reporter's answers: sends, and says whether it is on its way or why it was refused. */
export type CitizenAction<Input> = UseMutationResult<unknown, Error, Input>;
