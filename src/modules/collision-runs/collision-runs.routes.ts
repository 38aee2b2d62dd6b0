import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../http/context.ts';
import { errorResponses, Nullable, Paged, Paging } from '../../http/schemas.ts';
import { explain, getRun, listRuns, move, publish, startRun, taskList } from './collision-runs.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Window = Type.Object({ start: Type.String(), end: Type.String() });
const Stats = Type.Object({
  plans: Type.Integer(),
  dropped: Type.Integer(),
  scheduled: Type.Integer(),
  unscheduled: Type.Integer(),
  visits: Type.Integer(),
  visitsSaved: Type.Integer(),
  lowerBound: Type.Integer(),
});
const Dept = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), line: Type.String(), level: Type.String() });
const Ent = Type.Object({ id: Type.Integer(), name: Type.String(), uscc: Type.String(), regionCode: Type.String(), address: Type.String() });
const ItemRef = Type.Object({ id: Type.Integer(), code: Type.String(), version: Type.Integer(), text: Type.String(), majorHazard: Type.Boolean() });
const PlanRef = Type.Object({ id: Type.String(), entryId: Type.Integer(), department: Dept, window: Window, items: Type.Array(ItemRef) });
const Visit = Type.Object(
  {
    id: Type.String(),
    date: Type.String(),
    enterprise: Ent,
    plans: Type.Array(PlanRef),
    teams: Type.Array(Type.Object({ department: Dept, inspectors: Type.Array(Type.Object({ userId: Type.Integer(), name: Type.String() })) })),
  },
  { $id: 'RunVisit' },
);
const RunSummaryFields = {
  id: Type.Integer(),
  regionCode: Type.String(),
  regionName: Type.String(),
  period: Window,
  seed: Type.Number(),
  status: Type.String(),
  jobId: Nullable(Type.String()),
  stats: Nullable(Stats),
  error: Nullable(Type.String()),
  createdAt: Type.String(),
  publishedAt: Nullable(Type.String()),
};
const Violation = Type.Object({
  rule: Type.String(),
  message: Type.String(),
  visit: Type.Optional(Type.String()),
  plan: Type.Optional(Type.String()),
  inspector: Type.Optional(Type.String()),
});

/** 联检碰撞 runs: start (job), review, explain, move a visit, publish, per-department task list. */
export const collisionRunRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  app.addSchema(Visit);

  app.post(
    '/collision-runs',
    {
      schema: {
        tags: ['planning'],
        summary: '运行联检碰撞 Collide the approved/published plans of a region and period (coordinator); answers a job to poll',
        body: Type.Object({
          regionCode: Type.String({ maxLength: 12 }),
          start: DateStr,
          end: DateStr,
          seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2147483647 })),
          holidays: Type.Optional(Type.Array(DateStr, { maxItems: 400 })),
        }),
        response: { 202: Type.Object({ jobId: Type.String(), runId: Type.Integer() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const res = await startRun(ctx.db, requirePrincipal(request), { ...b, seed: b.seed ?? 42 }, ctx.now(), request.locale);
      return reply.status(202).send(res);
    },
  );

  app.get(
    '/collision-runs',
    {
      schema: {
        tags: ['planning'],
        summary: '碰撞记录 Collision runs in your scope',
        querystring: Type.Object({ ...Paging }),
        response: { 200: Paged(Type.Object(RunSummaryFields)), ...errorResponses },
      },
    },
    async (request) => listRuns(ctx.db, requirePrincipal(request), { page: request.query.page ?? 1, pageSize: request.query.pageSize ?? 20 }),
  );

  app.get(
    '/collision-runs/:id',
    {
      schema: {
        tags: ['planning'],
        summary: '碰撞结果 Stats, joint visits (departments, teams, items), dropped and unscheduled plans with reasons',
        params: Type.Object({ id: Type.Integer() }),
        querystring: Type.Object({
          enterpriseId: Type.Optional(Type.Integer()),
          departmentId: Type.Optional(Type.Integer()),
          page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 500 })),
        }),
        response: {
          200: Type.Object({
            ...RunSummaryFields,
            visitsTotal: Type.Integer(),
            visits: Type.Array(Type.Ref('RunVisit')),
            dropped: Type.Array(Type.Object({ plan: PlanRef, enterprise: Ent, reason: Type.String(), keptPlan: PlanRef, explanation: Type.String() })),
            unscheduled: Type.Array(Type.Object({ plan: PlanRef, enterprise: Ent, reason: Type.String(), explanation: Type.String() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = request.query;
      return getRun(ctx.db, requirePrincipal(request), request.params.id, { ...q, page: q.page ?? 1, pageSize: q.pageSize ?? 500 }, request.locale);
    },
  );

  app.get(
    '/collision-runs/:id/plans/:planId/explain',
    {
      schema: {
        tags: ['planning'],
        summary: '解释 Why a plan (P-<entryId> or the entry id) is where it is',
        params: Type.Object({ id: Type.Integer(), planId: Type.String({ maxLength: 30 }) }),
        response: {
          200: Type.Object({ plan: Type.String(), status: Type.String(), reason: Nullable(Type.String()), keptPlan: Nullable(Type.String()), explanation: Type.Unknown(), text: Type.String() }),
          ...errorResponses,
        },
      },
    },
    async (request) => explain(ctx.db, requirePrincipal(request), request.params.id, request.params.planId, request.locale),
  );

  app.post(
    '/collision-runs/:id/visits/:visitId/move',
    {
      schema: {
        tags: ['planning'],
        summary: '调整日期 Move a visit to another day; rules re-checked; applied only without violations',
        params: Type.Object({ id: Type.Integer(), visitId: Type.String({ maxLength: 20 }) }),
        body: Type.Object({ date: DateStr }),
        response: {
          200: Type.Object({ applied: Type.Boolean(), violations: Type.Array(Violation), restaffed: Type.Array(Type.String()), visit: Type.Ref('RunVisit') }),
          ...errorResponses,
        },
      },
    },
    async (request) => move(ctx.db, requirePrincipal(request), request.params.id, request.params.visitId, request.body.date, ctx.now(), request.locale),
  );

  app.post(
    '/collision-runs/:id/publish',
    {
      schema: {
        tags: ['planning'],
        summary: '发布联合检查任务 Publish the visits to inspectors and enterprises',
        params: Type.Object({ id: Type.Integer() }),
        response: { 200: Type.Object({ id: Type.Integer(), status: Type.String(), visits: Type.Integer() }), ...errorResponses },
      },
    },
    async (request) => publish(ctx.db, requirePrincipal(request), request.params.id, ctx.now()),
  );

  app.get(
    '/collision-runs/:id/task-list.xlsx',
    {
      schema: {
        tags: ['planning'],
        summary: '联合检查任务清单 Per-department joint task list (.xlsx); department = id or code',
        params: Type.Object({ id: Type.Integer() }),
        querystring: Type.Object({ department: Type.Optional(Type.String({ maxLength: 40 })) }),
      },
    },
    async (request, reply) => {
      const buf = await taskList(ctx.db, requirePrincipal(request), request.params.id, request.query.department, request.locale);
      const name = request.locale === 'en-US' ? 'joint-tasks.xlsx' : '联合检查任务清单.xlsx';
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="joint-tasks.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(buf);
    },
  );
};
