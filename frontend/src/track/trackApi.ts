import { apiRequest } from '../api/httpClient';
import type { TrackedReport } from './trackTypes';

export function fetchTrackedReport(code: string, signal?: AbortSignal): Promise<TrackedReport> {
  return apiRequest<TrackedReport>(`/track/${encodeURIComponent(code)}`, { signal });
}

/** What the citizen's actions answer: the ticket's new status. */
export interface CitizenActionResult {
  code: string;
  status: string;
}

/** The citizen's answer to a request for more information (status waiting_citizen). */
export function replyToReport(code: string, message: string): Promise<CitizenActionResult> {
  return apiRequest<CitizenActionResult>(`/track/${encodeURIComponent(code)}/reply`, { method: 'POST', body: { message } });
}

/** "I do not agree with the result": within 7 days of resolution the ticket reopens. */
export function rejectResolution(code: string, message: string): Promise<CitizenActionResult> {
  return apiRequest<CitizenActionResult>(`/track/${encodeURIComponent(code)}/reject`, { method: 'POST', body: { message } });
}

/** Rates the answer 1–5; a resolved ticket is then closed. */
export function rateResolution(code: string, rating: number, comment: string): Promise<CitizenActionResult> {
  return apiRequest<CitizenActionResult>(`/track/${encodeURIComponent(code)}/rating`, {
    method: 'POST',
    body: comment ? { rating, comment } : { rating },
  });
}
