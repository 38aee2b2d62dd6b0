/**
 * 文件存储 the file store: bytes put and got by their SHA-256 (content-addressed, so a photo uploaded twice is stored
 * once and a stored file cannot change under its name). The local store keeps files under the data directory
 * (`ANJIAN_DATA_DIR/files/ab/cd/<sha256>`) — also when DATABASE_URL is set, so several processes on one host share it;
 * an S3-compatible store can replace it by implementing `FileStore`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface FileStore {
  /** Stores the bytes (once); answers their hash and size. */
  put(bytes: Buffer): Promise<{ sha256: string; bytes: number }>;
  /** The bytes, or null when the store does not have them. */
  get(sha256: string): Promise<Buffer | null>;
  has(sha256: string): Promise<boolean>;
}

export const sha256Of = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const HASH = /^[0-9a-f]{64}$/;

export class LocalFileStore implements FileStore {
  constructor(readonly root: string) {}

  private pathOf(sha256: string) {
    if (!HASH.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Buffer) {
    const sha256 = sha256Of(bytes);
    const path = this.pathOf(sha256);
    if (!(await this.has(sha256))) {
      await mkdir(join(this.root, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
      // write then rename: a reader never sees half a file, two writers of the same bytes both succeed
      const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(tmp, bytes, { flag: 'wx' });
        await rename(tmp, path);
      } finally {
        await rm(tmp, { force: true });
      }
    }
    return { sha256, bytes: bytes.length };
  }

  async get(sha256: string) {
    if (!HASH.test(sha256)) return null;
    try {
      return await readFile(this.pathOf(sha256));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async has(sha256: string) {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch {
      return false;
    }
  }
}

const stores = new Map<string, FileStore>();
/** The store of a data directory (one instance per directory in this process). */
export function fileStoreFor(dataDir: string): FileStore {
  let s = stores.get(dataDir);
  if (!s) {
    s = new LocalFileStore(join(dataDir, 'files'));
    stores.set(dataDir, s);
  }
  return s;
}
