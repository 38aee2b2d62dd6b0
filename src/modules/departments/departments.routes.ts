import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../http/context.ts';
import { errorResponses, Paged, Paging } from '../../http/schemas.ts';
import { one, rows, sql } from '../../db/client.ts';
import { regionPrefix } from '../../core/access/principal.ts';
import type { SQL } from 'drizzle-orm';

const Department = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  line: Type.String(),
  level: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  inspectorCount: Type.Integer(),
});

/** 部门 departments with their line (条线), level and region, within the user's region subtree. */
export const departmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/departments',
    {
      schema: {
        tags: ['departments'],
        summary: '部门 Departments in your region subtree',
        querystring: Type.Object({
          regionCode: Type.Optional(Type.String({ maxLength: 12 })),
          line: Type.Optional(Type.String({ maxLength: 40 })),
          level: Type.Optional(Type.Union([Type.Literal('city'), Type.Literal('district'), Type.Literal('town')])),
          keyword: Type.Optional(Type.String({ maxLength: 50 })),
          ...Paging,
        }),
        response: { 200: Paged(Department), ...errorResponses },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      const q = request.query;
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 20;
      const parts: SQL[] = [sql`d.region_code LIKE ${regionPrefix(p.regionCode) + '%'}`];
      if (q.regionCode) parts.push(sql`d.region_code LIKE ${regionPrefix(q.regionCode) + '%'}`);
      if (q.line) parts.push(sql`d.line = ${q.line}`);
      if (q.level) parts.push(sql`d.level = ${q.level}`);
      if (q.keyword) parts.push(sql`d.name LIKE ${'%' + q.keyword + '%'}`);
      const where = sql.join(parts, sql` AND `);
      const total = await one<{ n: number }>(app.ctx.db, sql`SELECT count(*)::int AS n FROM departments d WHERE ${where}`);
      const items = await rows<{
        id: number; code: string; name: string; name_en: string; line: string; level: string; region_code: string; region_name: string; inspector_count: number;
      }>(
        app.ctx.db,
        sql`SELECT d.id, d.code, d.name, d.name_en, d.line, d.level, d.region_code, r.name AS region_name,
          (SELECT count(*)::int FROM users u WHERE u.department_id = d.id AND u.role IN ('inspector', 'dept_head')) AS inspector_count
          FROM departments d JOIN regions r ON r.code = d.region_code WHERE ${where}
          ORDER BY array_position(ARRAY['city','district','town'], d.level), d.region_code, d.code
          LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      );
      return {
        items: items.map((d) => ({
          id: d.id, code: d.code, name: d.name, nameEn: d.name_en, line: d.line, level: d.level,
          regionCode: d.region_code, regionName: d.region_name, inspectorCount: d.inspector_count,
        })),
        total: total?.n ?? 0,
        page,
        pageSize,
      };
    },
  );
};
