import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { claim, finish } from './scheduler.repo.ts';
import { duePeriod, type PeriodicTask } from './registry.ts';

export interface SchedulerOptions {
  db: Db;
  tasks: readonly PeriodicTask[];
  dataDir: string;
  now?: () => Date;
  tickMs?: number;
  /** a run still "running" after this long is taken over (its process died) */
  leaseMs?: number;
  /** a failed run is retried after this long, within its period */
  retryMs?: number;
  log?: (message: string) => void;
}

/**
 * Runs every registered task once per period. Each tick tries to claim (task, period) in `scheduled_runs`; only the
 * process whose claim succeeds runs it (scheduler.repo.ts `claim`). Works the same on PGlite (one process) and on a
 * PostgreSQL shared by several processes.
 */
export class Scheduler {
  readonly worker = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private timer: NodeJS.Timeout | null = null;
  private busy = false;
  private readonly now: () => Date;
  constructor(private readonly opts: SchedulerOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  start() {
    if (this.timer) return;
    const tick = () => void this.tick().catch((e) => this.opts.log?.(`scheduler: ${(e as Error).message}`));
    this.timer = setInterval(tick, this.opts.tickMs ?? 60_000);
    this.timer.unref();
    setTimeout(tick, 2_000).unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One pass over the tasks; answers the names of the tasks this process ran. */
  async tick(): Promise<string[]> {
    if (this.busy) return [];
    this.busy = true;
    const ran: string[] = [];
    try {
      for (const task of this.opts.tasks) {
        const key = duePeriod(task, this.now());
        if (key && (await this.runOnce(task, key))) ran.push(task.name);
      }
    } finally {
      this.busy = false;
    }
    return ran;
  }

  /** Runs `task` for `periodKey` if this process wins the claim. */
  async runOnce(task: PeriodicTask, periodKey: string): Promise<boolean> {
    const { db } = this.opts;
    if (!(await claim(db, task.name, periodKey, this.worker, this.now(), this.opts.leaseMs ?? 3_600_000, this.opts.retryMs ?? 900_000))) return false;
    const log = this.opts.log ?? (() => {});
    try {
      const result = await task.run({ db, now: this.now(), periodKey, dataDir: this.opts.dataDir, log });
      await finish(db, task.name, periodKey, this.worker, this.now(), { result: result ?? null });
      log(`task ${task.name} (${periodKey}) done`);
    } catch (e) {
      await finish(db, task.name, periodKey, this.worker, this.now(), { error: String((e as Error)?.message ?? e).slice(0, 2000) });
      log(`task ${task.name} (${periodKey}) failed: ${(e as Error)?.message}`);
    }
    return true;
  }
}
