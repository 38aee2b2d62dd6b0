/**
 * 周期任务 periodic work. A task says how often it runs (daily at a China-time hour:minute, or hourly); the scheduler runs
 * it once per period even when several server processes share one PostgreSQL (scheduler.ts). Registering a task is one
 * line in `tasks.ts`.
 */
import type { Db } from '../../db/client.ts';
import { businessDay } from '../../core/hazards/day.ts';

export interface TaskContext {
  db: Db;
  now: Date;
  /** e.g. '2026-03-10' for a daily task, '2026-03-10T14' for an hourly one, 'manual:…' for a run by hand */
  periodKey: string;
  dataDir: string;
  log: (message: string) => void;
}

export interface PeriodicTask {
  name: string;
  /** what officials read in the task list */
  label: { 'zh-CN': string; 'en-US': string };
  every: 'day' | 'hour';
  /** daily tasks: the China-time HH:MM from which the day's run is due (missed runs are caught up at start) */
  at?: string;
  run(ctx: TaskContext): Promise<unknown>;
}

/** The period a task is due for at `now`, or null when today's time has not come yet. */
export function duePeriod(task: PeriodicTask, now: Date): string | null {
  const china = new Date(now.getTime() + 8 * 3_600_000).toISOString();
  if (task.every === 'hour') return china.slice(0, 13);
  const hhmm = china.slice(11, 16);
  if (task.at && hhmm < task.at) return null;
  return businessDay(now);
}
