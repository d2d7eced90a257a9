import { useEffect, useState } from 'react';
import { searchPlaces } from './reportApi';
import type { PlaceMatch } from './reportTypes';

export type PlaceSearchState =
  { status: 'idle' } | { status: 'searching' } | { status: 'error' } | { status: 'done'; matches: PlaceMatch[] };

const MIN_LENGTH = 2;
/** Waits for a pause in typing so a word of eight letters costs one request, not eight. */
const DEBOUNCE_MS = 250;

/** Same unit reached through the same name twice (e.g. two old versions of one ward) is one choice. */
function distinct(matches: PlaceMatch[]): PlaceMatch[] {
  const seen = new Set<string>();
  return matches.filter((match) => {
    const key = `${match.code}|${match.matched}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function usePlaceSearch(query: string): PlaceSearchState {
  const [state, setState] = useState<PlaceSearchState & { for: string }>({ status: 'idle', for: '' });
  const trimmed = query.trim();

  useEffect(() => {
    if (trimmed.length < MIN_LENGTH) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      searchPlaces(trimmed, controller.signal)
        .then((matches) => setState({ status: 'done', matches: distinct(matches), for: trimmed }))
        .catch(() => {
          if (!controller.signal.aborted) setState({ status: 'error', for: trimmed });
        });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [trimmed]);

  if (trimmed.length < MIN_LENGTH) return { status: 'idle' };
  if (state.for !== trimmed) return { status: 'searching' };
  return state;
}
