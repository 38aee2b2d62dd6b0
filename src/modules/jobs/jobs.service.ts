import { randomUUID } from 'node:crypto';
import { one, sql, type Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { notFound } from '../../http/errors.ts';

/**
 * 后台任务 background jobs (imports, collision runs). Progress lives in memory for the running process (so it can be
 * reported while the job's own transaction holds the embedded database) and is saved to the jobs table at the
 * start, at the end and between phases, so another server process can answer for it too.
 */
export interface JobState {
  id: string;
  kind: string;
  status: 'running' | 'done' | 'failed';
  progress: { done: number; total: number; phase?: string };
  result?: unknown;
  error?: { code: string; message: string };
  createdBy: number | null;
}

const live = new Map<string, JobState>();

export interface JobHandle {
  id: string;
  progress(done: number, total: number, phase?: string): void;
  /** Saves the in-memory progress; call only outside a transaction. */
  persist(): Promise<void>;
}

export async function startJob<T>(opts: {
  db: Db;
  kind: string;
  principal: Principal | null;
  run: (job: JobHandle) => Promise<T>;
  onError?: (e: unknown) => { code: string; message: string };
}): Promise<string> {
  const id = randomUUID();
  const state: JobState = {
    id,
    kind: opts.kind,
    status: 'running',
    progress: { done: 0, total: 0 },
    createdBy: opts.principal?.userId ?? null,
  };
  live.set(id, state);
  await opts.db.execute(
    sql`INSERT INTO jobs (id, kind, status, created_by) VALUES (${id}, ${opts.kind}, 'running', ${state.createdBy})`,
  );
  const handle: JobHandle = {
    id,
    progress(done, total, phase) {
      state.progress = { done, total, ...(phase ? { phase } : {}) };
    },
    async persist() {
      await opts.db.execute(
        sql`UPDATE jobs SET progress_done = ${state.progress.done}, progress_total = ${state.progress.total}, updated_at = now() WHERE id = ${id}`,
      );
    },
  };
  const finish = async () => {
    await opts.db.execute(
      sql`UPDATE jobs SET status = ${state.status}, progress_done = ${state.progress.done}, progress_total = ${state.progress.total},
        result = ${state.result === undefined ? null : JSON.stringify(state.result)}::jsonb,
        error = ${state.error ? JSON.stringify(state.error) : null}::jsonb, updated_at = now() WHERE id = ${id}`,
    );
    // Keep finished jobs in memory for a while for fast polling, then let the table answer.
    setTimeout(() => live.delete(id), 10 * 60_000).unref();
  };
  void (async () => {
    try {
      state.result = await opts.run(handle);
      state.status = 'done';
    } catch (e) {
      state.status = 'failed';
      state.error = opts.onError ? opts.onError(e) : { code: 'error.internal', message: String((e as Error).message ?? e) };
    }
    try {
      await finish();
    } catch {
      /* the database went away (shutdown); the in-memory state still answers */
    }
  })();
  return id;
}

/** Waits for a job of this process to finish (CLI and tests). */
export async function waitForJob(id: string, pollMs = 50): Promise<JobState> {
  for (;;) {
    const s = live.get(id);
    if (!s) throw notFound('job.unknown');
    if (s.status !== 'running') return s;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

export async function getJob(opts: { db: Db; principal: Principal; id: string }): Promise<JobState> {
  const s = live.get(opts.id);
  const state =
    s ??
    (await (async () => {
      const r = await one<{
        id: string;
        kind: string;
        status: JobState['status'];
        progress_done: number;
        progress_total: number;
        result: unknown;
        error: JobState['error'] | null;
        created_by: number | null;
      }>(opts.db, sql`SELECT id, kind, status, progress_done, progress_total, result, error, created_by FROM jobs WHERE id = ${opts.id}`);
      if (!r) return undefined;
      const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
      return {
        id: r.id,
        kind: r.kind,
        status: r.status,
        progress: { done: r.progress_done, total: r.progress_total },
        result: parse(r.result) ?? undefined,
        error: parse(r.error) ?? undefined,
        createdBy: r.created_by,
      } satisfies JobState;
    })());
  // A job is visible to the person who started it, and to admins.
  if (!state || (state.createdBy !== opts.principal.userId && opts.principal.role !== 'admin')) throw notFound('job.unknown');
  return state;
}
