import { apiRequest } from '../api/httpClient';
import type { TrackedReport } from './trackTypes';

export function fetchTrackedReport(code: string, signal?: AbortSignal): Promise<TrackedReport> {
  return apiRequest<TrackedReport>(`/track/${encodeURIComponent(code)}`, { signal });
}
