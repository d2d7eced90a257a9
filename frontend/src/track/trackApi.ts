import { apiRequest } from '../api/httpClient';
import { secretHeaders } from './reporterSecret';
import type { TrackedReport } from './trackTypes';

/** With the reporter's secret the answer also says what the reporter may do (allowedActions). */
export function fetchTrackedReport(code: string, secret: string | null, signal?: AbortSignal): Promise<TrackedReport> {
  return apiRequest<TrackedReport>(`/track/${encodeURIComponent(code)}`, { signal, headers: secretHeaders(secret) });
}

/** What the citizen's actions answer: the ticket's new status. */
export interface CitizenActionResult {
  code: string;
  status: string;
}

/** The citizen's answer to a request for more information (status waiting_citizen). */
export function replyToReport(code: string, secret: string, message: string): Promise<CitizenActionResult> {
  return apiRequest<CitizenActionResult>(`/track/${encodeURIComponent(code)}/reply`, {
    method: 'POST',
    body: { message },
    headers: secretHeaders(secret),
  });
}

/** "I do not agree with the result": within 7 days of resolution the ticket reopens. */
export function rejectResolution(code: string, secret: string, message: string): Promise<CitizenActionResult> {
  return apiRequest<CitizenActionResult>(`/track/${encodeURIComponent(code)}/reject`, {
    method: 'POST',
    body: { message },
    headers: secretHeaders(secret),
  });
}

/** Rates the answer 1–5; a resolved ticket is then closed. */
export function rateResolution(code: string, secret: string, rating: number, comment: string): Promise<CitizenActionResult> {
  return apiRequest<CitizenActionResult>(`/track/${encodeURIComponent(code)}/rating`, {
    method: 'POST',
    body: comment ? { rating, comment } : { rating },
    headers: secretHeaders(secret),
  });
}
