import { useEffect, useState } from 'react';
import { fetchReport } from './operatorApi';
import type { ReportDetail } from './intakeTypes';

export type ReportDetailState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ready'; report: ReportDetail }
  | { status: 'error' };

export function useReportDetail(id: string | null, token: string | null): ReportDetailState {
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
  }, [id, token]);

  if (!id) return { status: 'none' };
  return answer?.id === id ? answer.state : { status: 'loading' };
}
