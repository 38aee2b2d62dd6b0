import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../http/context.ts';
import { errorResponses, Nullable, Paged, Paging } from '../../http/schemas.ts';
import { forbidden } from '../../http/errors.ts';
import { listAudit, verifyAuditChain } from './audit.repo.ts';

/**
 * 审计链 the audit chain. It is global (not split by region), so only the administrator reads it and verifies it;
 * everybody else sees an entity's history through that entity (e.g. /enterprises/:id/history).
 */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计记录 Audit records (admin)',
        querystring: Type.Object({
          entityType: Type.Optional(Type.String({ maxLength: 40 })),
          entityId: Type.Optional(Type.String({ maxLength: 40 })),
          actor: Type.Optional(Type.String({ maxLength: 64 })),
          ...Paging,
        }),
        response: {
          200: Paged(
            Type.Object({
              seq: Type.Integer(),
              at: Type.String(),
              actor: Type.String(),
              action: Type.String(),
              entityType: Type.String(),
              entityId: Type.String(),
              enterpriseId: Nullable(Type.Integer()),
              before: Type.Unknown(),
              after: Type.Unknown(),
              hash: Type.String(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      if (p.role !== 'admin') throw forbidden();
      const page = request.query.page ?? 1;
      const pageSize = request.query.pageSize ?? 20;
      const { items, total } = await listAudit(app.ctx.db, request.query, page, pageSize);
      return {
        items: items.map((a) => ({
          seq: a.seq, at: a.at, actor: a.actorName, action: a.action, entityType: a.entityType, entityId: a.entityId,
          enterpriseId: a.enterpriseId, before: a.before, after: a.after, hash: a.hash,
        })),
        total,
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: '校验审计链 Verify the chain; names the first altered or removed record (admin)',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            count: Type.Integer(),
            firstBad: Type.Optional(Type.Object({ seq: Type.Integer(), reason: Type.String() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      if (p.role !== 'admin') throw forbidden();
      const r = await verifyAuditChain(app.ctx.db);
      return { ok: r.ok, count: r.count, ...(r.firstBad ? { firstBad: { seq: r.firstBad.seq, reason: r.firstBad.reason } } : {}) };
    },
  );
};
