import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, extname, resolve, sep } from 'node:path';
import { AttachmentStorage, isStorageKey, StoredObject } from './attachment-storage';

// Keys are made by photoStorageKey from the sniffed type, so the extension is trustworthy.
const CONTENT_TYPE: Record<string, string> = { '.jpg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp' };

/** Files under one root directory (config STORAGE_DIR), one file per key. */
export class LocalDiskStorage implements AttachmentStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, bytes: Buffer, _contentType: string): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Temp file in the same directory, flushed, then renamed: rename is atomic within one file
    // system, so a crash or a concurrent reader sees the old object or the whole new one.
    const tmp = `${path}.${randomUUID()}.tmp`;
    try {
      const handle = await open(tmp, 'wx', 0o640);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, path);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const path = this.pathOf(key);
    // Open first so that a missing file is a null here, not an error in the middle of a response.
    const handle = await open(path, 'r').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
    if (!handle) return null;
    try {
      const { size } = await handle.stat();
      return { body: handle.createReadStream(), contentType: CONTENT_TYPE[extname(path)] ?? 'application/octet-stream', sizeBytes: size };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    // Keys come from the server, so a bad one is a bug; refusing it keeps any bug inside the root.
    if (!isStorageKey(key) || !path.startsWith(this.root + sep)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
    return path;
  }
}
