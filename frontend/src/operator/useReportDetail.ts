import { useEffect, useState } from 'react';
import { fetchReport } from './operatorApi';
import type { ReportDetail } from './intakeTypes';

export type ReportDetailState =
  { status: 'none' } | { status: 'loading' } | { status: 'ready'; report: ReportDetail } | { status: 'error' };

/** `revision` asks again for the same ticket (after the operator acted on it). */
export function useReportDetail(id: string | null, token: string | null, revision = 0): ReportDetailState {
  const [answer, setAnswer] = useState<{ id: string; state: ReportDetailState } | null>(null);

  useEffect(() => {
    if (!id || !token) return;
    const controller = new AbortController();
    fetchReport(id, token, controller.signal)
      .then((report) => setAnswer({ id, state: { status: 'ready', report } }))
      .catch(() => {
        if (!controller.signal.aborted) setAnswer({ id, state: { status: 'error' } });
      });
    return () => controller.abort();
  }, [id, token, revision]);

  if (!id) return { status: 'none' };
  return answer?.id === id ? answer.state : { status: 'loading' };
}
