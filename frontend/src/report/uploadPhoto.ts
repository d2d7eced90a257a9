import { apiErrorOf, ApiError } from '../api/apiError';
import { API_BASE } from '../api/client';
import { DEVICE_HEADER, deviceId } from '../api/deviceId';
import type { paths } from '../api/schema';

/** POST /uploads: the stored photo; a report or a resolution names it by id within 24 h. */
export type UploadedPhoto = paths['/api/v1/uploads']['post']['responses'][201]['content']['application/json'];

export interface UploadHandle {
  done: Promise<UploadedPhoto>;
  abort(): void;
}

/** XMLHttpRequest rather than the typed client: fetch reports no upload progress. */
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
      reject(apiErrorOf(xhr.status, xhr.statusText, body, null));
    };
    xhr.onerror = () => reject(new ApiError(0, undefined, 'network error'));
    xhr.onabort = () => reject(new DOMException('upload aborted', 'AbortError'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
