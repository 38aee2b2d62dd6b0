/**
 * The periodic tasks of the platform. To add one: write a `PeriodicTask` in its capability and add it here (one line).
 * Each runs once per period across every server process sharing the database (scheduler.ts).
 */
import { hazardEscalationTask, hazardFactsSyncTask } from '../hazards/escalate-hazards.ts';
import type { PeriodicTask } from './registry.ts';

export const TASKS: readonly PeriodicTask[] = [
  hazardEscalationTask,
  hazardFactsSyncTask,
];

export const findTask = (name: string) => TASKS.find((t) => t.name === name);
