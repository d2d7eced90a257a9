import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ATTACHMENT_STORAGE, AttachmentStorage, photoStorageKey } from './attachment-storage';
import { UploadResponse } from './attachments.dto';
import { AttachmentsException } from './attachments.exception';
import { AttachmentsRepository } from './attachments.repository';
import { PHOTO_EXTENSION } from './image-type';
import { encodePhoto } from './photo-encoder';
import { Clock, CLOCK, systemClock } from '../../engine/clock/clock';

/** The worker purges uploads that no report claimed within this time (pass `now - this`). */
export const UNCLAIMED_UPLOAD_TTL_MS = 24 * 3600 * 1000;

const PURGE_BATCH = 500;

// Attached photos are published with their report and never change under an id; unclaimed ones
// belong to a form still being filled in, so only the citizen's own browser may keep a copy.
const CACHE_CONTROL = { attachment: 'public, max-age=86400, immutable', upload: 'private, max-age=3600' } as const;

export type ServedPhoto =
  | { notModified: true; etag: string; cacheControl: string }
  | { notModified: false; etag: string; cacheControl: string; body: Readable; contentType: string; sizeBytes: number; fileName: string };

@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger(AttachmentsService.name);

  constructor(
    private readonly repo: AttachmentsRepository,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /** Validates, re-encodes and stores one photo as an unclaimed upload. */
  async upload(bytes: Buffer | undefined): Promise<UploadResponse> {
    if (!bytes?.length) throw AttachmentsException.missingFile();
    const photo = await encodePhoto(bytes);
    const id = randomUUID();
    const storageKey = photoStorageKey(id, PHOTO_EXTENSION[photo.format], this.clock.now());
    const sha256 = createHash('sha256').update(photo.data).digest('hex');

    // File first, row second: a row never points at a missing file.
    try {
      await this.storage.put(storageKey, photo.data, photo.contentType);
    } catch (err) {
      // The store cleans up its own partial file; a full disk is the store's state, not a bug.
      if (isStorageFull(err)) throw AttachmentsException.storageFull();
      throw err;
    }
    try {
      await this.repo.insertUpload({
        id,
        storageKey,
        contentType: photo.contentType,
        sizeBytes: photo.data.length,
        width: photo.width,
        height: photo.height,
        sha256,
      });
    } catch (err) {
      await this.storage.delete(storageKey).catch(() => undefined);
      throw err;
    }
    return { id, contentType: photo.contentType, width: photo.width, height: photo.height, sizeBytes: photo.data.length };
  }

  /** The bytes of an attachment or of an unclaimed upload, or "not modified" for a matching ETag. */
  async serve(id: string, ifNoneMatch?: string): Promise<ServedPhoto> {
    const photo = await this.repo.findServable(id);
    if (!photo) throw AttachmentsException.notFound(id);
    const etag = `"${photo.sha256}"`;
    const cacheControl = CACHE_CONTROL[photo.source];
    if (ifNoneMatch?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return { notModified: true, etag, cacheControl };

    const stored = await this.storage.get(photo.storageKey);
    if (!stored) {
      this.logger.error(`${photo.source} ${id} has no file at ${photo.storageKey}`);
      throw AttachmentsException.notFound(id);
    }
    const extension = photo.storageKey.slice(photo.storageKey.lastIndexOf('.') + 1);
    return {
      notModified: false,
      etag,
      cacheControl,
      body: stored.body,
      contentType: photo.contentType,
      sizeBytes: stored.sizeBytes,
      fileName: `${id}.${extension}`,
    };
  }

  /**
   * Deletes uploads created before `olderThan` that no report claimed, rows first and files
   * after, so a purge racing a claim can never leave an attachment without its file. Safe to
   * run again (and on several workers): returns how many uploads this run removed.
   */
  purgeUnclaimedUploads(olderThan: Date): Promise<number> {
    return this.purge((limit) => this.repo.deleteUnclaimedBefore(olderThan, limit));
  }

  /**
   * Retention: deletes the citizens' photos of reports that ended before `cutoff`, rows first and
   * files after (through the storage driver, local disk or S3); the resolution photos are the
   * public answer and stay. Safe to run again: returns how many photos this run removed.
   */
  deleteCitizenPhotosOfReportsEndedBefore(cutoff: Date): Promise<number> {
    return this.purge((limit) => this.repo.deleteCitizenPhotosOfReportsEndedBefore(cutoff, limit));
  }

  /** Deletes rows in batches (`take` deletes up to `limit` and returns their keys), then their files. */
  private async purge(take: (limit: number) => Promise<string[]>): Promise<number> {
    let purged = 0;
    for (;;) {
      const keys = await take(PURGE_BATCH);
      // A file whose delete fails stays behind without a row; it harms no one and is logged.
      for (const key of keys)
        await this.storage.delete(key).catch((err: unknown) => this.logger.warn(`could not delete ${key}: ${String(err)}`));
      purged += keys.length;
      if (keys.length < PURGE_BATCH) return purged;
    }
  }
}

/** ENOSPC (no space left) or EDQUOT (over quota), from the disk or a mounted store. */
function isStorageFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}
