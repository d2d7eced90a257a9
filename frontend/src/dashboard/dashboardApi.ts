import { API_BASE, apiRequest } from '../api/httpClient';
import type { Category } from '../report/reportTypes';
import type { WindowBounds } from './timeWindow';

export type InsightsPeriod = 'day' | 'week';
export type StatusFilter = '' | 'open' | 'warning' | 'overdue' | 'resolved';
export const STATUS_FILTERS: readonly Exclude<StatusFilter, ''>[] = ['open', 'warning', 'overdue', 'resolved'];

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

export type { HandlingUnit } from '../api/units';
export { fetchUnits } from '../api/units';

/** One ward's figures for the choropleth (GET /insights/wards). */
export interface WardFigures {
  code: string;
  name: string;
  population: number | null;
  received: number;
  resolved: number;
  resolvedOnTime: number;
  onTimeRate: number | null;
  backlog: number;
  overdue: number;
  per10k: number | null;
}

export interface WardsFigures {
  from: string;
  to: string;
  wards: WardFigures[];
}

/** The ward side panel (GET /insights/wards/:code). */
export interface WardDetail {
  code: string;
  name: string;
  population: number | null;
  from: string;
  to: string;
  received: number;
  resolved: number;
  onTimeRate: number | null;
  medianResolveHours: number | null;
  satisfaction: { average: number | null; count: number };
  backlog: number;
  overdue: number;
  backlogByCategory: { category: string; name: string; nameEn?: string; count: number }[];
}

export interface RecurringLocation {
  lat: number;
  lng: number;
  category: string;
  categoryName: string;
  wardCode: string;
  occurrences: number;
  lastClosedAt: string;
  lastReportedAt: string;
  codes: string[];
}

export interface RecurringLocations {
  days: number;
  from?: string;
  to?: string;
  radiusM: number;
  locations: RecurringLocation[];
}

export interface ChangeCell {
  lat: number;
  lng: number;
  current: number;
  previous: number;
  delta: number;
}

export interface ChangeCells {
  period: 'day' | 'week' | 'month';
  current: { from: string; to: string };
  previous: { from: string; to: string };
  cellM: number;
  cells: ChangeCell[];
}

/** The part of GET /reports/:id the point popup shows (no reporter, no description). */
export interface ReportSummary {
  id: string;
  code: string;
  status: string;
  createdAt: string;
  category: { code: string; nameVi: string; nameEn: string };
  ward: { code: string; name: string } | null;
  assignedUnit: { id: string; name: string; nameEn?: string | null; kind: string } | null;
  sla: { kind: string; state: string; dueAt: string | null; nextStage?: string | null }[];
}

export interface DashboardFilters {
  group: string;
  category: string;
  unit: string;
  status: StatusFilter;
}

export const DEFAULT_FILTERS: DashboardFilters = { group: '', category: '', unit: '', status: '' };

// Report statuses the API counts as open or done (backend maps.repository.ts); rejected and merged are not issues.
const OPEN_STATUSES = 'new,assigned,in_progress,waiting_citizen,reopened';
const STATUS_PARAMS: Record<Exclude<StatusFilter, ''>, Record<string, string>> = {
  open: { status: OPEN_STATUSES },
  warning: { status: OPEN_STATUSES, sla: 'warning' },
  overdue: { status: OPEN_STATUSES, sla: 'overdue' },
  resolved: { status: 'resolved,closed' },
};

export const REPORT_TILES_PATH = `${API_BASE}/tiles/reports/`;

/** The filters every figure shares: category (or its group) and handling unit. */
function scopeParams(filters: DashboardFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.category) params.set('category', filters.category);
  else if (filters.group) params.set('group', filters.group);
  if (filters.unit) params.set('unit', filters.unit);
  return params;
}

/**
 * Absolute tile template (MapLibre's worker has no page URL to resolve against) carrying the
 * filters and the window; `g`, the live generation, makes new reports fetch fresh tiles.
 */
export function reportTileUrl(filters: DashboardFilters, bounds: WindowBounds, generation: number | null): string {
  const params = scopeParams(filters);
  if (filters.status) for (const [key, value] of Object.entries(STATUS_PARAMS[filters.status])) params.set(key, value);
  params.set('from', bounds.from);
  if (bounds.to) params.set('to', bounds.to);
  if (generation !== null) params.set('g', String(generation));
  return `${window.location.origin}${REPORT_TILES_PATH}{z}/{x}/{y}.mvt?${params.toString()}`;
}

/** Query string of the insights endpoints: the window and the scope filters (status does not apply to figures). */
export function insightsQuery(filters: DashboardFilters, range: { from: string; to: string }): string {
  const params = scopeParams(filters);
  params.set('from', range.from);
  params.set('to', range.to);
  return params.toString();
}

export function fetchTopIssues(period: InsightsPeriod, token: string, signal: AbortSignal): Promise<TopIssues> {
  return apiRequest<TopIssues>(`/insights/top-issues?period=${period}`, { token, signal });
}

export function fetchHotspots(query: string, token: string, signal: AbortSignal): Promise<Hotspot[]> {
  return apiRequest<Hotspot[]>(`/insights/hotspots?${query}`, { token, signal });
}

export function fetchWardsFigures(query: string, token: string, signal: AbortSignal): Promise<WardsFigures> {
  return apiRequest<WardsFigures>(`/insights/wards?${query}`, { token, signal });
}

export function fetchWardDetail(code: string, query: string, token: string, signal: AbortSignal): Promise<WardDetail> {
  return apiRequest<WardDetail>(`/insights/wards/${encodeURIComponent(code)}?${query}`, { token, signal });
}

export function fetchRecurring(query: string, token: string, signal: AbortSignal): Promise<RecurringLocations> {
  return apiRequest<RecurringLocations>(`/insights/recurring?${query}`, { token, signal });
}

export function fetchChange(query: string, token: string, signal: AbortSignal): Promise<ChangeCells> {
  return apiRequest<ChangeCells>(`/insights/change?${query}`, { token, signal });
}

export function fetchReportSummary(id: string, token: string, signal: AbortSignal): Promise<ReportSummary> {
  return apiRequest<ReportSummary>(`/reports/${encodeURIComponent(id)}`, { token, signal });
}

export function fetchCategories(signal: AbortSignal): Promise<Category[]> {
  return apiRequest<Category[]>('/categories', { signal });
}

export const LIVE_REPORTS_PATH = `${API_BASE}/live/reports`;
