import { API_BASE, ApiError, apiRequest, type ApiErrorBody } from '../api/httpClient';
import { DEVICE_HEADER, deviceId } from '../api/deviceId';
import type { Category, CreateReportBody, CreatedReport, PlaceMatch, UploadedPhoto, WardRef } from './reportTypes';

export function fetchCategories(signal?: AbortSignal): Promise<Category[]> {
  return apiRequest<Category[]>('/categories', { signal });
}

export function searchPlaces(query: string, signal?: AbortSignal): Promise<PlaceMatch[]> {
  const params = new URLSearchParams({ q: query, limit: '8' });
  return apiRequest<PlaceMatch[]>(`/geo/search?${params}`, { signal });
}

/** 200 with the unit containing the point, or ApiError 422 `intake.outside_city`. */
export function locatePoint(lat: number, lng: number, signal?: AbortSignal): Promise<{ ward: WardRef }> {
  const params = new URLSearchParams({ lat: String(lat), lng: String(lng) });
  return apiRequest<{ ward: WardRef }>(`/geo/locate?${params}`, { signal });
}

/**
 * Files the report. The same Idempotency-Key for every attempt of one form fill lets the server
 * answer a double click or a retry after a lost response with the report it already filed.
 */
export function submitReport(body: CreateReportBody, idempotencyKey: string): Promise<CreatedReport> {
  return apiRequest<CreatedReport>('/reports', {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export interface UploadHandle {
  done: Promise<UploadedPhoto>;
  abort(): void;
}

/** XMLHttpRequest rather than fetch: fetch reports no upload progress. */
export function uploadPhoto(file: File, onProgress: (fraction: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadedPhoto>((resolve, reject) => {
    xhr.open('POST', `${API_BASE}/uploads`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader(DEVICE_HEADER, deviceId());
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) {
        resolve(body as UploadedPhoto);
        return;
      }
      const error = (body ?? {}) as ApiErrorBody;
      const message = Array.isArray(error.message) ? error.message.join('; ') : (error.message ?? xhr.statusText);
      reject(new ApiError(xhr.status, error.code, message, error.retryAfterSeconds, error.issues ?? []));
    };
    xhr.onerror = () => reject(new ApiError(0, undefined, 'network error'));
    xhr.onabort = () => reject(new DOMException('upload aborted', 'AbortError'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
