import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type ApiIssue } from '../api/apiError';
import { uploadPhoto, type UploadHandle } from './uploadPhoto';
import { MAX_PHOTOS, MAX_PHOTO_BYTES } from './reportForm';

const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export type PhotoUploadError =
  | { kind: 'network' }
  | { kind: 'throttled'; seconds: number | undefined }
  /** The server refused these bytes (type, size, not an image): sending them again cannot help. */
  | { kind: 'refused'; status: number; issue: ApiIssue | null }
  | { kind: 'server'; status: number };

export interface PhotoItem {
  localId: string;
  file: File;
  /** object: URL of the file itself, shown before and after the upload. */
  previewUrl: string;
  status: 'uploading' | 'done' | 'error';
  progress: number;
  uploadId: string | null;
  error: PhotoUploadError | null;
}

/** A file refused before any upload, with the reason the citizen is told. */
export interface RejectedFile {
  name: string;
  reason: 'tooLarge' | 'wrongType' | 'tooMany';
}

export interface PhotoUploads {
  items: PhotoItem[];
  rejected: RejectedFile[];
  add(files: readonly File[]): void;
  remove(localId: string): void;
  retry(localId: string): void;
  reset(): void;
  uploadIds: string[];
  pending: boolean;
}

function uploadErrorOf(error: unknown): PhotoUploadError {
  if (!(error instanceof ApiError) || error.status === 0) return { kind: 'network' };
  if (error.status === 429) return { kind: 'throttled', seconds: error.retryAfterSeconds };
  if (error.status >= 400 && error.status < 500) return { kind: 'refused', status: error.status, issue: error.issues[0] ?? null };
  return { kind: 'server', status: error.status };
}

let nextLocalId = 0;

/**
 * Photos are uploaded as soon as they are chosen, so the report itself is a small JSON request
 * that carries only their ids; a failed upload can be retried or removed on its own.
 */
export function usePhotoUploads(): PhotoUploads {
  const [items, setItems] = useState<PhotoItem[]>([]);
  const [rejected, setRejected] = useState<RejectedFile[]>([]);
  const handles = useRef(new Map<string, UploadHandle>());
  const itemsRef = useRef(items);
  useEffect(() => {
    itemsRef.current = items;
  }, [items]);

  const patch = useCallback((localId: string, change: Partial<PhotoItem>) => {
    setItems((current) => current.map((item) => (item.localId === localId ? { ...item, ...change } : item)));
  }, []);

  const start = useCallback(
    (localId: string, file: File) => {
      const handle = uploadPhoto(file, (fraction) => patch(localId, { progress: fraction }));
      handles.current.set(localId, handle);
      handle.done
        .then((uploaded) => patch(localId, { status: 'done', progress: 1, uploadId: uploaded.id, error: null }))
        .catch((error: unknown) => {
          if (error instanceof DOMException && error.name === 'AbortError') return;
          patch(localId, { status: 'error', error: uploadErrorOf(error) });
        })
        .finally(() => {
          if (handles.current.get(localId) === handle) handles.current.delete(localId);
        });
    },
    [patch],
  );

  const add = useCallback(
    (files: readonly File[]) => {
      const refused: RejectedFile[] = [];
      const accepted: PhotoItem[] = [];
      let room = MAX_PHOTOS - itemsRef.current.length;
      for (const file of files) {
        // The server checks again; this spares a citizen on a slow line a 10 MB upload that fails.
        // An empty type (unknown extension) is left to the server, which looks at the bytes.
        if (file.type !== '' && !ACCEPTED_TYPES.includes(file.type)) refused.push({ name: file.name, reason: 'wrongType' });
        else if (file.size > MAX_PHOTO_BYTES) refused.push({ name: file.name, reason: 'tooLarge' });
        else if (room <= 0) refused.push({ name: file.name, reason: 'tooMany' });
        else {
          room -= 1;
          accepted.push({
            localId: `photo-${++nextLocalId}`,
            file,
            previewUrl: URL.createObjectURL(file),
            status: 'uploading',
            progress: 0,
            uploadId: null,
            error: null,
          });
        }
      }
      setRejected(refused);
      if (accepted.length === 0) return;
      setItems((current) => [...current, ...accepted]);
      for (const item of accepted) start(item.localId, item.file);
    },
    [start],
  );

  const remove = useCallback((localId: string) => {
    handles.current.get(localId)?.abort();
    handles.current.delete(localId);
    const item = itemsRef.current.find((candidate) => candidate.localId === localId);
    if (item) URL.revokeObjectURL(item.previewUrl);
    setItems((current) => current.filter((candidate) => candidate.localId !== localId));
    setRejected([]);
  }, []);

  const retry = useCallback(
    (localId: string) => {
      const item = itemsRef.current.find((candidate) => candidate.localId === localId);
      if (!item || item.status !== 'error') return;
      patch(localId, { status: 'uploading', progress: 0, error: null });
      start(localId, item.file);
    },
    [patch, start],
  );

  const reset = useCallback(() => {
    for (const handle of handles.current.values()) handle.abort();
    handles.current.clear();
    for (const item of itemsRef.current) URL.revokeObjectURL(item.previewUrl);
    setItems([]);
    setRejected([]);
  }, []);

  // Leaving the page stops uploads nobody will claim and frees the previews.
  useEffect(() => {
    const live = handles.current;
    return () => {
      for (const handle of live.values()) handle.abort();
      for (const item of itemsRef.current) URL.revokeObjectURL(item.previewUrl);
    };
  }, []);

  const uploadIds = items.flatMap((item) => (item.uploadId ? [item.uploadId] : []));
  const pending = items.some((item) => item.status !== 'done');
  return { items, rejected, add, remove, retry, reset, uploadIds, pending };
}
