import { API_BASE } from '../api/client';
import type { paths } from '../api/schema';
import type { WindowBounds } from './timeWindow';

export type StatusFilter = '' | 'open' | 'warning' | 'overdue' | 'resolved';
export const STATUS_FILTERS: readonly Exclude<StatusFilter, ''>[] = ['open', 'warning', 'overdue', 'resolved'];

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
export const LIVE_REPORTS_PATH = `${API_BASE}/live/reports`;

/** The query every leaders' figure takes (GET /insights/wards and the others). */
type InsightsFilterQuery = NonNullable<paths['/api/v1/insights/wards']['get']['parameters']['query']>;
/** The filters every figure shares: category (or its group) and handling unit. */
export type InsightsScope = Pick<InsightsFilterQuery, 'category' | 'group' | 'unit'>;

export function insightsScope(filters: DashboardFilters): InsightsScope {
  return {
    ...(filters.category ? { category: filters.category } : filters.group ? { group: filters.group } : {}),
    ...(filters.unit ? { unit: filters.unit } : {}),
  };
}

/** The query of the insights endpoints: the window and the scope filters (status does not apply to figures). */
export function insightsQuery(
  filters: DashboardFilters,
  range: { from: string; to: string },
): InsightsScope & { from: string; to: string } {
  return { ...insightsScope(filters), from: range.from, to: range.to };
}

/**
 * Absolute tile template (MapLibre's worker has no page URL to resolve against) carrying the
 * filters and the window; `g`, the live generation, makes new reports fetch fresh tiles.
 */
export function reportTileUrl(filters: DashboardFilters, bounds: WindowBounds, generation: number | null): string {
  const params = new URLSearchParams(insightsScope(filters));
  if (filters.status) for (const [key, value] of Object.entries(STATUS_PARAMS[filters.status])) params.set(key, value);
  params.set('from', bounds.from);
  if (bounds.to) params.set('to', bounds.to);
  if (generation !== null) params.set('g', String(generation));
  return `${window.location.origin}${REPORT_TILES_PATH}{z}/{x}/{y}.mvt?${params.toString()}`;
}
