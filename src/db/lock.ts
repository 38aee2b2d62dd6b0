import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * PGlite has no lock of its own: two processes on one data directory lose writes silently.
 * We take an exclusive lock file at open and refuse, naming the holder, when another live process has it.
 */
export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `数据目录 ${dataDir} 正被进程 ${holder.pid}（${holder.command}，${holder.host}，自 ${holder.since}）占用；` +
        `请先停止该进程，或改用 DATABASE_URL 连接 PostgreSQL。\n` +
        `The data directory ${dataDir} is held by process ${holder.pid} (${holder.command} on ${holder.host} since ${holder.since}); ` +
        `stop it first, or use DATABASE_URL for a PostgreSQL server that many processes can share.`,
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDirLock(dataDir: string, command: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'anjian.lock');
  const me: LockHolder = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(path);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: LockHolder | null;
      try {
        holder = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
      } catch {
        holder = null;
      }
      const stale = holder === null || (holder.host === me.host && !alive(holder.pid));
      if (!stale && holder) throw new DataDirLockedError(dataDir, holder);
      // The holder died without cleaning up: take the lock over.
      try {
        unlinkSync(path);
      } catch {
        /* raced with another process: retry */
      }
    }
  }
  throw new Error(`cannot take the lock ${path}`);
}
