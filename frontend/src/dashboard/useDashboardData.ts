import { api, data, type Schemas } from '../api/client';
import { loadStateOf } from '../api/loadState';
import { queryKeys } from '../api/queryKeys';
import { useAuth } from '../auth/useAuth';
import { useSessionQuery } from '../auth/useSessionQuery';
import type { InsightsScope } from './dashboardFilters';

export type TopIssues = Schemas['TopIssues'];
export type TopIssue = Schemas['TopIssue'];
export type InsightsPeriod = TopIssues['period'];
export type WardDetail = Schemas['WardInsights'];
export type RecurringLocation = Schemas['RecurringLocations']['locations'][number];
export type ChangeCell = Schemas['ChangeCells']['cells'][number];
export type Hotspot = Schemas['Hotspot'];
export type MapDataLag = Schemas['MapDataLag'];
/** The part of GET /reports/:id the point popup shows (no reporter, no description). */
export type ReportSummary = Pick<
  Schemas['StaffReport'],
  'id' | 'code' | 'status' | 'createdAt' | 'category' | 'ward' | 'assignedUnit' | 'sla'
>;

/** A figure of the dashboard: idle while its layer is off, loading (the last answer kept), ready, or failed. */
export type Loadable<T> = { status: 'idle' | 'loading' | 'ready' | 'error'; data: T | null };

type Window = InsightsScope & { from: string; to: string };

/**
 * One figure: asked for only while `enabled` (its layer is on, a ward or point is picked) and a
 * session is open; the previous answer stays shown while the next one loads.
 */
function useFigure<T>(queryKey: readonly unknown[], enabled: boolean, load: (signal: AbortSignal) => Promise<T>): Loadable<T> {
  const signedIn = useAuth().status === 'signedIn';
  const result = useSessionQuery(queryKey, load, { enabled, keep: true });
  if (!signedIn || !enabled) return { status: 'idle', data: null };
  const { status, data: answer } = loadStateOf(result);
  return { status, data: answer };
}

export function useTopIssues(period: InsightsPeriod): Loadable<TopIssues> {
  return useFigure(queryKeys.insights('top-issues', period), true, (signal) =>
    data(api.GET('/api/v1/insights/top-issues', { params: { query: { period } }, signal })),
  );
}

/** `query` is null when the layer is off (nothing is fetched). */
export function useHotspots(query: Window | null) {
  return useFigure(queryKeys.insights('hotspots', query), query !== null, (signal) =>
    data(api.GET('/api/v1/insights/hotspots', { params: { query: query! }, signal })),
  );
}

export function useWardsFigures(query: Window | null) {
  return useFigure(queryKeys.insights('wards', query), query !== null, (signal) =>
    data(api.GET('/api/v1/insights/wards', { params: { query: query! }, signal })),
  );
}

export function useWardDetail(code: string | null, query: Window) {
  return useFigure(queryKeys.insights('ward', [code, query]), code !== null, (signal) =>
    data(api.GET('/api/v1/insights/wards/{code}', { params: { path: { code: code! }, query }, signal })),
  );
}

export function useRecurring(query: (Window & { days: number }) | null) {
  return useFigure(queryKeys.insights('recurring', query), query !== null, (signal) =>
    data(api.GET('/api/v1/insights/recurring', { params: { query: query! }, signal })),
  );
}

export function useChange(query: (InsightsScope & { period: 'day' | 'week' | 'month'; at?: string }) | null) {
  return useFigure(queryKeys.insights('change', query), query !== null, (signal) =>
    data(api.GET('/api/v1/insights/change', { params: { query: query! }, signal })),
  );
}

export function useReportSummary(id: string | null): Loadable<ReportSummary> {
  return useFigure(queryKeys.report(id ?? ''), id !== null, (signal) =>
    data(api.GET('/api/v1/reports/{id}', { params: { path: { id: id! } }, signal })),
  );
}

/** How far behind the read replica behind the maps and figures is; asked again every 30 s. */
export function useMapDataLag(): MapDataLag | null {
  const result = useSessionQuery(
    queryKeys.insights('map-data-lag', null),
    (signal) => data(api.GET('/api/v1/insights/map-data-lag', { signal })),
    { refetchEveryMs: 30_000 },
  );
  return result.data ?? null;
}
