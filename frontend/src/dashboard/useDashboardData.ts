import { useEffect, useState } from 'react';
import type { Category } from '../report/reportTypes';
import { fetchCategories, fetchHotspots, fetchTopIssues, type Hotspot, type InsightsPeriod, type TopIssues } from './dashboardApi';

export type Loadable<T> = { status: 'loading'; data: T | null } | { status: 'ready'; data: T } | { status: 'error'; data: T | null };

/** One GET per key; the previous answer stays shown while the next one loads. */
function useLoad<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Loadable<T> {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading', data: null });
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setState((current) => ({ status: 'loading', data: current.data }));
    load(controller.signal)
      .then((data) => setState({ status: 'ready', data }))
      .catch(() => {
        if (!controller.signal.aborted) setState((current) => ({ status: 'error', data: current.data }));
      });
    return () => controller.abort();
    // `key` names everything `load` reads.
  }, [key]);
  return state;
}

export function useCategories(): Loadable<Category[]> {
  return useLoad('categories', fetchCategories);
}

export function useTopIssues(period: InsightsPeriod, token: string | null): Loadable<TopIssues> {
  return useLoad(token ? `top:${period}` : null, (signal) => fetchTopIssues(period, token ?? '', signal));
}

export function useHotspots(query: { from: string; to: string; category?: string }, token: string | null): Loadable<Hotspot[]> {
  return useLoad(token ? JSON.stringify(query) : null, (signal) => fetchHotspots(query, token ?? '', signal));
}
