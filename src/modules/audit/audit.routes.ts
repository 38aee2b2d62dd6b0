import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../http/context.ts';
import { errorResponses, Nullable, Paged, Paging } from '../../http/schemas.ts';
import { forbidden } from '../../http/errors.ts';
import { listAudit, verifyAuditChain } from './audit.repo.ts';
import { listToXlsx, sendXlsx } from '../../http/xlsx.ts';
import type { StoredAudit } from '../../core/audit/chain.ts';

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
    '/audit/export',
    {
      schema: {
        tags: ['audit'],
        summary: '导出审计记录 Export audit records as .xlsx (admin; newest 100,000)',
        querystring: Type.Object({
          entityType: Type.Optional(Type.String({ maxLength: 40 })),
          entityId: Type.Optional(Type.String({ maxLength: 40 })),
          actor: Type.Optional(Type.String({ maxLength: 64 })),
        }),
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      if (p.role !== 'admin') throw forbidden();
      const { items } = await listAudit(app.ctx.db, request.query, 1, 100_000);
      const en = request.locale === 'en-US';
      const body = await listToXlsx<StoredAudit>(en ? 'Audit' : '审计记录', [
        { header: en ? 'Seq' : '序号', value: (a) => a.seq, width: 8 },
        { header: en ? 'Time' : '时间', value: (a) => a.at, width: 24 },
        { header: en ? 'Actor' : '操作人', value: (a) => a.actorName },
        { header: en ? 'Action' : '操作', value: (a) => a.action },
        { header: en ? 'Entity' : '对象类型', value: (a) => a.entityType },
        { header: en ? 'Entity id' : '对象编号', value: (a) => a.entityId },
        { header: en ? 'Before' : '变更前', value: (a) => (a.before === null ? '' : JSON.stringify(a.before)), width: 40 },
        { header: en ? 'After' : '变更后', value: (a) => (a.after === null ? '' : JSON.stringify(a.after)), width: 40 },
        { header: en ? 'Hash' : '哈希', value: (a) => a.hash, width: 66 },
      ], items);
      return sendXlsx(reply, 'audit.xlsx', en ? 'audit.xlsx' : '审计记录.xlsx', body);
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
