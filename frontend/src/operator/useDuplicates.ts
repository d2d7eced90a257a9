import { useEffect, useMemo, useState } from 'react';
import { fetchDuplicates, type DuplicateQuery } from './operatorApi';
import type { DuplicateCandidate, LatLng } from './intakeTypes';
import { useDebouncedValue } from '../ui/useDebouncedValue';

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

export function useDuplicates(category: string | null, pin: LatLng | null, text: string, token: string | null): DuplicatesState {
  const query = useMemo<DuplicateQuery | null>(
    () => (category && pin ? { category, lat: pin.lat, lng: pin.lng, text: text.trim() } : null),
    [category, pin, text],
  );
  const key = keyOf(query);
  const settledKey = useDebouncedValue(key, DUPLICATE_DELAY_MS);
  const [answer, setAnswer] = useState<{ key: string; candidates: DuplicateCandidate[]; failed: boolean } | null>(null);

  useEffect(() => {
    if (!settledKey || !token) return;
    const controller = new AbortController();
    const settledQuery = JSON.parse(settledKey) as DuplicateQuery;
    fetchDuplicates(settledQuery, token, controller.signal)
      .then((candidates) => setAnswer({ key: settledKey, candidates, failed: false }))
      .catch(() => {
        if (!controller.signal.aborted) setAnswer({ key: settledKey, candidates: NONE, failed: true });
      });
    return () => controller.abort();
  }, [settledKey, token]);

  if (!query) return { status: 'idle', candidates: NONE };
  const candidates = answer?.candidates ?? NONE;
  if (answer?.key !== key) return { status: 'loading', candidates };
  return { status: answer.failed ? 'error' : 'ready', candidates };
}
