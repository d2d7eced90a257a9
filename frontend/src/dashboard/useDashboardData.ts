import { useEffect, useState } from 'react';
import type { Category } from '../report/reportTypes';
import {
  fetchCategories,
  fetchChange,
  fetchHotspots,
  fetchRecurring,
  fetchReportSummary,
  fetchTopIssues,
  fetchUnits,
  fetchWardDetail,
  fetchWardsFigures,
  type ChangeCells,
  type HandlingUnit,
  type Hotspot,
  type InsightsPeriod,
  type RecurringLocations,
  type ReportSummary,
  type TopIssues,
  type WardDetail,
  type WardsFigures,
} from './dashboardApi';

export type Loadable<T> =
  { status: 'idle' | 'loading'; data: T | null } | { status: 'ready'; data: T } | { status: 'error'; data: T | null };

/** One GET per key (null: nothing to load); the previous answer stays shown while the next one loads. */
export function useLoad<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Loadable<T> {
  const [state, setState] = useState<Loadable<T>>({ status: key === null ? 'idle' : 'loading', data: null });
  useEffect(() => {
    if (key === null) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- no key any more: the old answer is dropped
      setState({ status: 'idle', data: null });
      return;
    }
    const controller = new AbortController();
    setState((current) => ({ status: 'loading', data: current.data }));
    load(controller.signal)
      .then((data) => setState({ status: 'ready', data }))
      .catch(() => {
        if (!controller.signal.aborted) setState((current) => ({ status: 'error', data: current.data }));
      });
    return () => controller.abort();
    // `key` names everything `load` reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [key]);
  return state;
}

export function useCategories(): Loadable<Category[]> {
  return useLoad('categories', fetchCategories);
}

export function useUnits(token: string | null): Loadable<HandlingUnit[]> {
  return useLoad(token ? 'units' : null, (signal) => fetchUnits(token ?? '', signal));
}

export function useTopIssues(period: InsightsPeriod, token: string | null): Loadable<TopIssues> {
  return useLoad(token ? `top:${period}` : null, (signal) => fetchTopIssues(period, token ?? '', signal));
}

/** `query` is the insights query string; null when the layer is off (nothing is fetched). */
export function useHotspots(query: string | null, token: string | null): Loadable<Hotspot[]> {
  return useLoad(token && query !== null ? query : null, (signal) => fetchHotspots(query ?? '', token ?? '', signal));
}

export function useWardsFigures(query: string | null, token: string | null): Loadable<WardsFigures> {
  return useLoad(token && query !== null ? query : null, (signal) => fetchWardsFigures(query ?? '', token ?? '', signal));
}

export function useWardDetail(code: string | null, query: string, token: string | null): Loadable<WardDetail> {
  return useLoad(token && code ? `${code}?${query}` : null, (signal) => fetchWardDetail(code ?? '', query, token ?? '', signal));
}

export function useRecurring(query: string | null, token: string | null): Loadable<RecurringLocations> {
  return useLoad(token && query !== null ? query : null, (signal) => fetchRecurring(query ?? '', token ?? '', signal));
}

export function useChange(query: string | null, token: string | null): Loadable<ChangeCells> {
  return useLoad(token && query !== null ? query : null, (signal) => fetchChange(query ?? '', token ?? '', signal));
}

export function useReportSummary(id: string | null, token: string | null): Loadable<ReportSummary> {
  return useLoad(token && id ? id : null, (signal) => fetchReportSummary(id ?? '', token ?? '', signal));
}
