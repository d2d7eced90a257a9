import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, data, type Schemas } from '../api/client';
import { queryKeys } from '../api/queryKeys';

// What the call console asks of the API beyond the intake questions it shares with the report form.

export type CallerReport = Schemas['CallerReport'];
export type DuplicateCandidate = Schemas['DuplicateCandidate'];
/** GET /reports/:id as an operator sees it, with what the reporter may do (which the operator may do for a caller). */
export type ReportDetail = Schemas['StaffReport'];
export type ReporterAction = Schemas['CitizenAction'];
export type AttachCallerBody = Schemas['AttachCallerRequest'];

export type CallerHistoryState =
  | { status: 'idle' }
  | { status: 'loading'; phone: string }
  | { status: 'ready'; phone: string; reports: CallerReport[] }
  | { status: 'error'; phone: string };

/**
 * The caller's earlier reports (filed by them or calls attached to a ticket), looked up on demand.
 * Each lookup is audited on the server: a number is not asked twice in a row (unless it failed),
 * and no change elsewhere refreshes it.
 */
export function useCallerHistory() {
  const [phone, setPhone] = useState<string | null>(null);
  const query = useQuery({
    queryKey: queryKeys.callerReports(phone ?? ''),
    queryFn: ({ signal }) => data(api.GET('/api/v1/callers/{phone}/reports', { params: { path: { phone: phone ?? '' } }, signal })),
    enabled: phone !== null,
  });

  /** `next` in canonical form; the same number is not fetched twice in a row unless it failed. */
  const lookup = (next: string) => {
    if (next !== phone) setPhone(next);
    else if (query.isError) void query.refetch();
  };

  return { state: callerHistoryOf(phone, query), lookup };
}

/** The history as shown: of the number asked, loading until its answer has arrived. */
export function callerHistoryOf(
  phone: string | null,
  query: { data?: CallerReport[]; isError: boolean; isFetching: boolean; isPending: boolean },
): CallerHistoryState {
  if (phone === null) return { status: 'idle' };
  if (query.isFetching || query.isPending) return { status: 'loading', phone };
  if (query.isError || !query.data) return { status: 'error', phone };
  return { status: 'ready', phone, reports: query.data };
}

export interface DuplicateQuery {
  category: string;
  lat: number;
  lng: number;
  text: string;
}

/** Recent reports of the same group near the pin, most likely first; the last answer stays listed while the next loads. */
const NO_QUERY: DuplicateQuery = { category: '', lat: 0, lng: 0, text: '' };

export function useDuplicatesQuery(query: DuplicateQuery | null) {
  const asked = query ?? NO_QUERY;
  return useQuery({
    queryKey: queryKeys.duplicates(asked),
    queryFn: ({ signal }) => data(api.GET('/api/v1/reports/duplicates', { params: { query: asked }, signal })),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

export type ReportDetailState =
  { status: 'none' } | { status: 'loading' } | { status: 'ready'; report: ReportDetail } | { status: 'error' };

/** One earlier ticket for the side panel; it reloads when the operator acts on it. */
export function useReportDetail(id: string | null): ReportDetailState {
  const query = useQuery({
    queryKey: queryKeys.report(id ?? ''),
    queryFn: ({ signal }) => data(api.GET('/api/v1/reports/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: id !== null,
  });
  if (id === null) return { status: 'none' };
  if (query.isError) return { status: 'error' };
  return query.data ? { status: 'ready', report: query.data } : { status: 'loading' };
}

/** The operator acts for a caller on the phone (recorded as on behalf of the reporter); the ticket reloads. */
export function useActForReporter(reportId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, message, rating }: { action: ReporterAction; message: string; rating: number }) => {
      const params = { path: { id: reportId } };
      if (action === 'rate') return data(api.POST('/api/v1/reports/{id}/for-reporter/rating', { params, body: { rating } }));
      if (action === 'reject') return data(api.POST('/api/v1/reports/{id}/for-reporter/reject', { params, body: { message } }));
      return data(api.POST('/api/v1/reports/{id}/for-reporter/reply', { params, body: { message } }));
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.tickets() }),
  });
}

/** One more caller about a ticket already filed: a follower, and the call in its timeline. */
export function useAttachCaller() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ reportId, body }: { reportId: string; body: AttachCallerBody }) =>
      data(api.POST('/api/v1/reports/{id}/callers', { params: { path: { id: reportId } }, body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.tickets() }),
  });
}
