import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchCallerReports } from './operatorApi';
import type { CallerReport } from './intakeTypes';

export type CallerHistoryState =
  | { status: 'idle' }
  | { status: 'loading'; phone: string }
  | { status: 'ready'; phone: string; reports: CallerReport[] }
  | { status: 'error'; phone: string };

/** The caller's earlier reports (filed by them or calls attached to a ticket), looked up on demand. */
export function useCallerHistory(token: string | null) {
  const [state, setState] = useState<CallerHistoryState>({ status: 'idle' });
  const controllerRef = useRef<AbortController | null>(null);

  useEffect(() => () => controllerRef.current?.abort(), []);

  // Enter moves focus on, so the blur that follows asks for the same number again: skip it.
  const lastLookupRef = useRef<{ phone: string; failed: boolean } | null>(null);

  /** `phone` in canonical form; the same number is not fetched twice in a row unless it failed. */
  const lookup = useCallback(
    (phone: string) => {
      if (!token) return;
      const last = lastLookupRef.current;
      if (last && last.phone === phone && !last.failed) return;
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      lastLookupRef.current = { phone, failed: false };
      setState({ status: 'loading', phone });
      fetchCallerReports(phone, token, controller.signal)
        .then((reports) => setState({ status: 'ready', phone, reports }))
        .catch(() => {
          if (controller.signal.aborted) return;
          lastLookupRef.current = { phone, failed: true };
          setState({ status: 'error', phone });
        });
    },
    [token],
  );

  return { state, lookup };
}
