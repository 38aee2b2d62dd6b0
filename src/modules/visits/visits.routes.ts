import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../http/context.ts';
import { errorResponses, Nullable } from '../../http/schemas.ts';
import { enterpriseVisits, myVisits } from './visits.service.ts';

const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const VisitFields = {
  id: Type.Integer(),
  code: Type.String(),
  runId: Type.Integer(),
  date: Type.String(),
  enterprise: Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    uscc: Type.String(),
    address: Type.String(),
    regionCode: Type.String(),
    safetyOfficer: Type.String(),
    safetyOfficerPhone: Type.String(),
  }),
  departments: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      line: Type.String(),
      level: Type.String(),
      inspectors: Type.Array(Type.Object({ userId: Type.Integer(), name: Type.String() })),
      items: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), version: Type.Integer(), text: Type.String(), majorHazard: Type.Boolean() })),
    }),
  ),
  plans: Type.Array(Type.Object({ entryId: Type.Integer(), collisionId: Type.String(), departmentId: Type.Integer(), window: Type.Object({ start: Type.String(), end: Type.String() }) })),
  documents: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
};
const Range = Type.Object({ from: Type.Optional(DateStr), to: Type.Optional(DateStr) });

/** Published joint visits: the inspector's own list and the enterprise's calendar. */
export const visitRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  app.get(
    '/my/visits',
    {
      schema: {
        tags: ['planning'],
        summary: '我的检查任务 The signed-in inspector\'s published joint visits',
        querystring: Range,
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ ...VisitFields, myDepartmentId: Nullable(Type.Integer()) })) }), ...errorResponses },
      },
    },
    async (request) => myVisits(ctx.db, requirePrincipal(request), request.query),
  );

  app.get(
    '/enterprises/:id/visits',
    {
      schema: {
        tags: ['planning'],
        summary: '企业检查日历 One calendar of all departments\' published visits, with the items and documents to prepare',
        params: Type.Object({ id: Type.Integer() }),
        querystring: Range,
        response: { 200: Type.Object({ items: Type.Array(Type.Object(VisitFields)) }), ...errorResponses },
      },
    },
    async (request) => enterpriseVisits(ctx.db, requirePrincipal(request), request.params.id, request.query),
  );
};
