import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from '../../db/client.ts';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: '健康检查 Health: the server answers and its database too',
        security: [],
        response: { 200: Type.Object({ status: Type.String(), database: Type.String(), version: Type.String() }) },
      },
    },
    async () => {
      await app.ctx.db.execute(sql`SELECT 1`);
      return { status: 'ok', database: app.ctx.dbKind, version: app.ctx.version };
    },
  );
};
