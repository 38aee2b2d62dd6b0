import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { getJob } from './jobs.service.ts';

export const jobRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: '后台任务进度 Job progress and result',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: {
          200: Type.Object({
            id: Type.String(),
            kind: Type.String(),
            status: Type.String(),
            progress: Type.Object({ done: Type.Integer(), total: Type.Integer(), phase: Type.Optional(Type.String()) }),
            result: Type.Optional(Type.Unknown()),
            error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const s = await getJob({ db: app.ctx.db, principal: requirePrincipal(request), id: request.params.id });
      return { id: s.id, kind: s.kind, status: s.status, progress: s.progress, result: s.result, error: s.error };
    },
  );
};
