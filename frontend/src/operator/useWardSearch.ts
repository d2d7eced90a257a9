import { useWardSearchQuery, type WardSearchHit } from '../api/intakeQueries';

const SEARCH_DELAY_MS = 150;
const NO_HITS: WardSearchHit[] = [];

export interface WardSearchState {
  hits: WardSearchHit[];
  /** True until the hits for the text as typed now have arrived. */
  busy: boolean;
  failed: boolean;
}

/** Accent-insensitive ward search on the server (it knows the old names through the crosswalk). */
export function useWardSearch(query: string, enabled: boolean): WardSearchState {
  const search = useWardSearchQuery(query, { limit: 10, delayMs: SEARCH_DELAY_MS, minLength: 1, enabled });
  return { hits: search.hits ?? NO_HITS, busy: search.busy, failed: search.failed };
}
