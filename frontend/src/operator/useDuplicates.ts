import { useMemo } from 'react';
import { useDebouncedValue } from '../ui/useDebouncedValue';
import { useDuplicatesQuery, type DuplicateCandidate, type DuplicateQuery } from './operatorQueries';
import type { LatLng } from './callBody';

// The operator types while the caller talks; one request per pause, not per keystroke.
const DUPLICATE_DELAY_MS = 300;

export interface DuplicatesState {
  /** 'idle' until category and pin are both set. */
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The last answer; kept on screen while the next one loads so the list does not flicker. */
  candidates: DuplicateCandidate[];
}

const NONE: DuplicateCandidate[] = [];

function keyOf(query: DuplicateQuery | null): string {
  return query ? JSON.stringify(query) : '';
}

export function useDuplicates(category: string | null, pin: LatLng | null, text: string): DuplicatesState {
  const query = useMemo<DuplicateQuery | null>(
    () => (category && pin ? { category, lat: pin.lat, lng: pin.lng, text: text.trim() } : null),
    [category, pin, text],
  );
  const key = keyOf(query);
  const settledKey = useDebouncedValue(key, DUPLICATE_DELAY_MS);
  const settled = useMemo(() => (settledKey ? (JSON.parse(settledKey) as DuplicateQuery) : null), [settledKey]);
  return duplicatesStateOf(query !== null, settledKey === key, useDuplicatesQuery(settled));
}

/** The list as shown: the last answer stays while the next loads; a failure empties it. */
export function duplicatesStateOf(
  asked: boolean,
  settled: boolean,
  answer: { data?: DuplicateCandidate[]; isError: boolean; isFetching: boolean; isPending: boolean; isPlaceholderData: boolean },
): DuplicatesState {
  if (!asked) return { status: 'idle', candidates: NONE };
  if (answer.isError && !answer.isFetching) return { status: settled ? 'error' : 'loading', candidates: NONE };
  const candidates = answer.data ?? NONE;
  if (!settled || answer.isFetching || answer.isPlaceholderData || answer.isPending) return { status: 'loading', candidates };
  return { status: 'ready', candidates };
}
