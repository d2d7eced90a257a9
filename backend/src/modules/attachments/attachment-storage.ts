import type { Readable } from 'node:stream';

/** DI token of the configured `AttachmentStorage` driver. */
export const ATTACHMENT_STORAGE = Symbol('ATTACHMENT_STORAGE');

export interface StoredObject {
  body: Readable;
  contentType: string;
  sizeBytes: number;
}

/**
 * Where photo bytes live, by opaque key; rows in `upload` and `attachment` keep only the key.
 * The local-disk driver is the default (one machine, or a shared volume); S3Storage keeps them in
 * an S3-compatible bucket (PutObject with ContentType, GetObject, DeleteObject). AttachmentsModule
 * picks one from STORAGE_DRIVER; keys are the same on both, so files move with a plain copy.
 */
export interface AttachmentStorage {
  /** Stores all of `bytes` under `key` or nothing: a reader never sees a half-written object. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The object, or null when there is none under `key`. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the object; removing a missing one is not an error (purges are retried). */
  delete(key: string): Promise<void>;
}

// Slash-separated segments of safe characters, none starting with a dot: no "..", no absolute
// paths, no backslashes, so a key maps to one place under the storage root on any driver.
const KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

export function isStorageKey(key: string): boolean {
  return key.length <= 512 && KEY.test(key);
}

const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * `2026/11/21/<id>.jpg`: made by the server from the row id and the sniffed type, never from the
 * client's file name; dated in city time so a day's photos sit in one folder for backups.
 */
export function photoStorageKey(id: string, extension: string, at: Date): string {
  return `${DAY.format(at).replaceAll('-', '/')}/${id}.${extension}`;
}
