import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../http/context.ts';
import { errorResponses, Nullable } from '../../http/schemas.ts';
import { inbox, INBOX_KINDS } from './inbox.service.ts';

/** 待办 what waits for the signed-in user today. */
export const inboxRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/inbox',
    {
      schema: {
        tags: ['inspection'],
        summary: '待办 What waits for you: records to sign, visits today, hazards to confirm, review or close, deadlines tomorrow, escalations, cases to decide',
        response: {
          200: Type.Object({
            today: Type.String(),
            counts: Type.Record(Type.String(), Type.Integer()),
            items: Type.Array(
              Type.Object({
                kind: Type.Union(INBOX_KINDS.map((k) => Type.Literal(k))),
                entityType: Type.String(),
                entityId: Type.Integer(),
                code: Type.String(),
                title: Type.String(),
                enterprise: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
                due: Nullable(Type.String()),
                level: Nullable(Type.String()),
                escalation: Nullable(Type.Integer()),
                at: Type.String(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => inbox(app.ctx.db, requirePrincipal(request), app.ctx.now()),
  );
};
