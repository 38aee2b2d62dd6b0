import { one, rows, sql, type Db } from '../../db/client.ts';

export interface RunRow {
  task: string;
  period_key: string;
  status: 'running' | 'done' | 'failed';
  started_at: Date | string;
  finished_at: Date | string | null;
  worker: string;
  result: unknown;
  error: string | null;
}

/**
 * Claims (task, period) for this worker. The primary key makes the claim atomic across server processes sharing one
 * PostgreSQL (and trivially on PGlite): a new period is inserted by exactly one of them. A claim also takes over a run
 * that has been "running" past its lease (its process died) or that failed long enough ago to retry.
 */
export async function claim(db: Db, task: string, periodKey: string, worker: string, now: Date, leaseMs: number, retryMs: number): Promise<boolean> {
  const at = now.toISOString();
  const inserted = await one<{ task: string }>(
    db,
    sql`INSERT INTO scheduled_runs (task, period_key, status, started_at, worker) VALUES (${task}, ${periodKey}, 'running', ${at}, ${worker})
      ON CONFLICT (task, period_key) DO NOTHING RETURNING task`,
  );
  if (inserted) return true;
  const taken = await one<{ task: string }>(
    db,
    sql`UPDATE scheduled_runs SET status = 'running', started_at = ${at}, finished_at = NULL, worker = ${worker}, error = NULL
      WHERE task = ${task} AND period_key = ${periodKey}
        AND ((status = 'running' AND started_at < ${new Date(now.getTime() - leaseMs).toISOString()})
          OR (status = 'failed' AND finished_at < ${new Date(now.getTime() - retryMs).toISOString()}))
      RETURNING task`,
  );
  return !!taken;
}

export async function finish(db: Db, task: string, periodKey: string, worker: string, now: Date, outcome: { result?: unknown; error?: string }) {
  await db.execute(sql`UPDATE scheduled_runs SET status = ${outcome.error ? 'failed' : 'done'}, finished_at = ${now.toISOString()},
    result = ${outcome.result === undefined ? null : JSON.stringify(outcome.result)}::jsonb, error = ${outcome.error ?? null}
    WHERE task = ${task} AND period_key = ${periodKey} AND worker = ${worker}`);
}

export const recentRuns = (db: Db, task: string, limit: number) =>
  rows<RunRow>(db, sql`SELECT * FROM scheduled_runs WHERE task = ${task} ORDER BY started_at DESC LIMIT ${limit}`);
