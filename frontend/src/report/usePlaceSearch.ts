import { useWardSearchQuery, type WardSearchHit } from '../api/intakeQueries';

export type PlaceSearchState =
  { status: 'idle' } | { status: 'searching' } | { status: 'error' } | { status: 'done'; matches: WardSearchHit[] };

const MIN_LENGTH = 2;
const LIMIT = 8;
/** Waits for a pause in typing so a word of eight letters costs one request, not eight. */
const DEBOUNCE_MS = 250;

/** Same unit reached through the same name twice (e.g. two old versions of one ward) is one choice. */
function distinct(matches: WardSearchHit[]): WardSearchHit[] {
  const seen = new Set<string>();
  return matches.filter((match) => {
    const key = `${match.code}|${match.matched}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function usePlaceSearch(query: string): PlaceSearchState {
  const search = useWardSearchQuery(query, { limit: LIMIT, delayMs: DEBOUNCE_MS, minLength: MIN_LENGTH });
  if (query.trim().length < MIN_LENGTH) return { status: 'idle' };
  if (search.busy) return { status: 'searching' };
  if (search.failed || !search.hits) return { status: 'error' };
  return { status: 'done', matches: distinct(search.hits) };
}
