import { useEffect, useState } from 'react';
import { ApiError } from '../api/httpClient';
import { fetchTrackedReport } from './trackApi';
import type { TrackedReport } from './trackTypes';

export type TrackedReportState =
  { status: 'loading' } | { status: 'notFound' } | { status: 'error'; httpStatus: number } | { status: 'ready'; report: TrackedReport };

/** `revision` asks again for the same code (after the citizen acted); the shown report stays until the answer. */
export function useTrackedReport(code: string | null, secret: string | null, revision = 0): TrackedReportState {
  const [state, setState] = useState<TrackedReportState & { for: string | null }>({ status: 'loading', for: null });

  useEffect(() => {
    if (!code) return;
    const controller = new AbortController();
    fetchTrackedReport(code, secret, controller.signal)
      .then((report) => setState({ status: 'ready', report, for: code }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) setState({ status: 'notFound', for: code });
        else setState({ status: 'error', httpStatus: error instanceof ApiError ? error.status : 0, for: code });
      });
    return () => controller.abort();
  }, [code, secret, revision]);

  return state.for === code ? state : { status: 'loading' };
}
