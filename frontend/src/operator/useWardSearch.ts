import { useEffect, useState } from 'react';
import { searchWards } from './operatorApi';
import type { WardSearchHit } from './intakeTypes';
import { useDebouncedValue } from '../ui/useDebouncedValue';

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
  const trimmed = query.trim();
  const settled = useDebouncedValue(trimmed, SEARCH_DELAY_MS);
  const [answer, setAnswer] = useState<{ query: string; hits: WardSearchHit[]; failed: boolean }>({
    query: '',
    hits: NO_HITS,
    failed: false,
  });

  useEffect(() => {
    if (!enabled || settled === '') return;
    const controller = new AbortController();
    searchWards(settled, controller.signal)
      .then((hits) => setAnswer({ query: settled, hits, failed: false }))
      .catch(() => {
        if (!controller.signal.aborted) setAnswer({ query: settled, hits: NO_HITS, failed: true });
      });
    return () => controller.abort();
  }, [settled, enabled]);

  if (!enabled || trimmed === '') return { hits: NO_HITS, busy: false, failed: false };
  const current = answer.query === trimmed;
  return { hits: current ? answer.hits : NO_HITS, busy: !current, failed: current && answer.failed };
}
