import { apiRequest } from '../api/httpClient';
import type {
  AttachCallerBody,
  AttachedCall,
  CallerReport,
  Category,
  CreateReportBody,
  CreatedReport,
  DuplicateCandidate,
  ReportDetail,
  ReporterAction,
  WardRef,
  WardSearchHit,
} from './intakeTypes';

export function fetchCategories(signal?: AbortSignal): Promise<Category[]> {
  return apiRequest<Category[]>('/categories', { signal });
}

export function searchWards(query: string, signal?: AbortSignal): Promise<WardSearchHit[]> {
  const params = new URLSearchParams({ q: query, limit: '10' });
  return apiRequest<WardSearchHit[]>(`/geo/search?${params}`, { signal });
}

/** 200 with the containing unit, or ApiError 422 `intake.outside_city`. */
export function locatePoint(lat: number, lng: number, signal?: AbortSignal): Promise<{ ward: WardRef }> {
  const params = new URLSearchParams({ lat: String(lat), lng: String(lng) });
  return apiRequest<{ ward: WardRef }>(`/geo/locate?${params}`, { signal });
}

export function fetchCallerReports(phone: string, token: string, signal?: AbortSignal): Promise<CallerReport[]> {
  return apiRequest<CallerReport[]>(`/callers/${encodeURIComponent(phone)}/reports`, { token, signal });
}

export interface DuplicateQuery {
  category: string;
  lat: number;
  lng: number;
  text: string;
}

export function fetchDuplicates(query: DuplicateQuery, token: string, signal?: AbortSignal): Promise<DuplicateCandidate[]> {
  const params = new URLSearchParams({
    category: query.category,
    lat: String(query.lat),
    lng: String(query.lng),
    text: query.text,
  });
  return apiRequest<DuplicateCandidate[]>(`/reports/duplicates?${params}`, { token, signal });
}

export function fetchReport(id: string, token: string, signal?: AbortSignal): Promise<ReportDetail> {
  return apiRequest<ReportDetail>(`/reports/${encodeURIComponent(id)}`, { token, signal });
}

export function createPhoneReport(body: CreateReportBody, token: string, idempotencyKey: string): Promise<CreatedReport> {
  return apiRequest<CreatedReport>('/reports', {
    method: 'POST',
    body,
    token,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** The operator acts for a caller on the phone (recorded as on behalf of the reporter). */
export function actForReporter(
  reportId: string,
  action: ReporterAction,
  body: { message: string } | { rating: number },
  token: string,
): Promise<{ status: string }> {
  const path = action === 'rate' ? 'rating' : action;
  return apiRequest<{ status: string }>(`/reports/${encodeURIComponent(reportId)}/for-reporter/${path}`, { method: 'POST', body, token });
}

export function attachCaller(reportId: string, body: AttachCallerBody, token: string): Promise<AttachedCall> {
  return apiRequest<AttachedCall>(`/reports/${encodeURIComponent(reportId)}/callers`, { method: 'POST', body, token });
}
