import { useEffect, useState } from 'react';
import type { Schemas } from '../api/client';
import { openEventStream, type StreamStatus } from './eventStream';
import { throttle } from './throttle';
import { useLatestRef } from '../ui/useLatestRef';

/** At most one tile refresh per this interval, however fast reports arrive. */
export const LIVE_REFRESH_MS = 2_000;

/** The data of one `reports` event of GET /live/reports (and the public stream). */
type LiveReportsEvent = Schemas['LiveReportsEvent'];

export interface LiveState {
  /** The latest report generation the map has been refreshed to; null before the first event. */
  generation: number | null;
  status: StreamStatus;
  /** When the last refresh was applied (ISO), for the indicator's title. */
  at: string | null;
}

/**
 * Follows the `reports` event stream (`{generation, changed, at}`) and hands out a new
 * generation at most every {@link LIVE_REFRESH_MS}; the map adds it to the tile URL.
 * `token` null with `authenticated` true waits for a session; the public stream needs none.
 */
export function useLiveGeneration(path: string, token: string | null, authenticated: boolean): LiveState {
  const [state, setState] = useState<LiveState>({ generation: null, status: 'connecting', at: null });
  const tokenRef = useLatestRef(token);
  const ready = !authenticated || token !== null;

  useEffect(() => {
    if (!ready) return;
    const apply = throttle(
      (generation: number, at: string | null) => setState((current) => ({ ...current, generation, at })),
      LIVE_REFRESH_MS,
    );
    const close = openEventStream({
      url: path,
      token: () => (authenticated ? tokenRef.current : null),
      onStatus: (status) => setState((current) => (current.status === status ? current : { ...current, status })),
      onMessage: (event, data) => {
        if (event !== 'reports') return;
        try {
          // Parsed warily all the same: a message from an older server may lack a field.
          const message = JSON.parse(data) as Partial<LiveReportsEvent>;
          if (typeof message.generation === 'number') apply(message.generation, typeof message.at === 'string' ? message.at : null);
        } catch {
          // A malformed message is skipped; the next one carries the latest generation anyway.
        }
      },
    });
    return () => {
      apply.cancel();
      close();
    };
  }, [path, ready, authenticated, tokenRef]);

  return state;
}
