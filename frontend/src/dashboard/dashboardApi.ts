import { API_BASE, apiRequest } from '../api/httpClient';
import type { Category } from '../report/reportTypes';

export type InsightsPeriod = 'day' | 'week';
export type TimeWindow = 'day' | 'week' | 'month';
export type StatusFilter = '' | 'open' | 'resolved';

export interface TopIssue {
  rank: number;
  category: { code: string; nameVi: string; nameEn: string };
  ward: { code: string; name: string };
  cell: { lng: number; lat: number };
  count: number;
  previousCount: number;
  growth: { delta: number; ratio: number | null };
  trend: number[];
}

export interface TopIssues {
  period: InsightsPeriod;
  from: string;
  to: string;
  items: TopIssue[];
}

export interface Hotspot {
  cell: { lng: number; lat: number };
  count: number;
  z: number;
}

export interface DashboardFilters {
  group: string;
  category: string;
  status: StatusFilter;
  window: TimeWindow;
}

export const DEFAULT_FILTERS: DashboardFilters = { group: '', category: '', status: '', window: 'month' };

const WINDOW_DAYS: Record<TimeWindow, number> = { day: 1, week: 7, month: 30 };
// Report statuses the API counts as open or done (backend maps.repository.ts: OPEN); rejected and merged are not issues.
const STATUS_LISTS: Record<Exclude<StatusFilter, ''>, string> = {
  open: 'new,assigned,in_progress,waiting_citizen,reopened',
  resolved: 'resolved,closed',
};

/** The window's start, rounded down to the minute so the tile URL (and the browser cache) stays stable. */
export function windowStart(window: TimeWindow, now = Date.now()): string {
  const minute = Math.floor(now / 60_000) * 60_000;
  return new Date(minute - WINDOW_DAYS[window] * 86_400_000).toISOString();
}

export const REPORT_TILES_PATH = `${API_BASE}/tiles/reports/`;

/** Absolute tile template (MapLibre's worker has no page URL to resolve against) carrying the filters. */
export function reportTileUrl(filters: DashboardFilters, from: string): string {
  const params = new URLSearchParams();
  if (filters.category) params.set('category', filters.category);
  else if (filters.group) params.set('group', filters.group);
  if (filters.status) params.set('status', STATUS_LISTS[filters.status]);
  params.set('from', from);
  return `${window.location.origin}${REPORT_TILES_PATH}{z}/{x}/{y}.mvt?${params.toString()}`;
}

export function fetchTopIssues(period: InsightsPeriod, token: string, signal: AbortSignal): Promise<TopIssues> {
  return apiRequest<TopIssues>(`/insights/top-issues?period=${period}`, { token, signal });
}

export function fetchHotspots(
  query: { from: string; to: string; category?: string },
  token: string,
  signal: AbortSignal,
): Promise<Hotspot[]> {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.category) params.set('category', query.category);
  return apiRequest<Hotspot[]>(`/insights/hotspots?${params.toString()}`, { token, signal });
}

export function fetchCategories(signal: AbortSignal): Promise<Category[]> {
  return apiRequest<Category[]>('/categories', { signal });
}
