import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../http/context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { errorResponses, Nullable } from '../../http/schemas.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { recentRuns } from './scheduler.repo.ts';
import { Scheduler } from './scheduler.ts';
import { findTask, TASKS } from './tasks.ts';

const Run = Type.Object({ periodKey: Type.String(), status: Type.String(), startedAt: Type.String(), finishedAt: Nullable(Type.String()), worker: Type.String(), result: Type.Unknown(), error: Nullable(Type.String()) });
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** 周期任务 the periodic tasks and their last runs (admin), and a run by hand. */
export const schedulerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  app.get(
    '/scheduler/tasks',
    {
      schema: {
        tags: ['admin'],
        summary: '周期任务 Periodic tasks and their last runs (admin)',
        response: { 200: Type.Array(Type.Object({ name: Type.String(), label: Type.String(), every: Type.String(), at: Nullable(Type.String()), runs: Type.Array(Run) })), ...errorResponses },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      if (p.role !== 'admin') throw forbidden();
      return Promise.all(
        TASKS.map(async (t) => ({
          name: t.name,
          label: t.label[request.locale],
          every: t.every,
          at: t.at ?? null,
          runs: (await recentRuns(ctx.db, t.name, 10)).map((r) => ({ periodKey: r.period_key, status: r.status, startedAt: iso(r.started_at)!, finishedAt: iso(r.finished_at), worker: r.worker, result: r.result, error: r.error })),
        })),
      );
    },
  );
  app.post(
    '/scheduler/tasks/:name/run',
    {
      schema: {
        tags: ['admin'],
        summary: '立即运行 Run a periodic task now, by hand (admin); recorded as its own run',
        params: Type.Object({ name: Type.String({ maxLength: 60 }) }),
        response: { 200: Type.Object({ ran: Type.Boolean(), periodKey: Type.String() }), ...errorResponses },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      if (p.role !== 'admin') throw forbidden();
      const task = findTask(request.params.name);
      if (!task) throw notFound('task.unknown');
      const now = ctx.now();
      const periodKey = `manual:${now.toISOString()}`;
      await appendAudit(ctx.db, { id: p.userId, name: p.username }, [{ action: 'run', entityType: 'scheduled_task', entityId: task.name, after: { periodKey } }], now);
      const ran = await new Scheduler({ db: ctx.db, tasks: [task], dataDir: ctx.config.dataDir, now: ctx.now }).runOnce(task, periodKey);
      return { ran, periodKey };
    },
  );
};
