import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { SQL } from 'drizzle-orm';
import { requirePrincipal } from '../../http/context.ts';
import { errorResponses, Nullable, Paged, Paging } from '../../http/schemas.ts';
import { one, rows, sql } from '../../db/client.ts';
import { regionPrefix, type Role } from '../../core/access/principal.ts';
import { forbidden } from '../../http/errors.ts';
import { createUser } from './create-user.ts';

const User = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  departmentId: Nullable(Type.Integer()),
  departmentName: Nullable(Type.String()),
  enterpriseId: Nullable(Type.Integer()),
  enterpriseName: Nullable(Type.String()),
  lockedUntil: Nullable(Type.String()),
  createdAt: Type.String(),
});

/** 用户 users: admins manage them; coordinators read them; both within their region subtree. */
export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: '用户 Users in your region subtree (admin, coordinator)',
        querystring: Type.Object({
          keyword: Type.Optional(Type.String({ maxLength: 50 })),
          role: Type.Optional(Type.String({ maxLength: 30 })),
          regionCode: Type.Optional(Type.String({ maxLength: 12 })),
          departmentId: Type.Optional(Type.Integer()),
          ...Paging,
        }),
        response: { 200: Paged(User), ...errorResponses },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      if (p.role !== 'admin' && p.role !== 'coordinator') throw forbidden();
      const q = request.query;
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 20;
      const parts: SQL[] = [sql`u.region_code LIKE ${regionPrefix(p.regionCode) + '%'}`];
      if (q.regionCode) parts.push(sql`u.region_code LIKE ${regionPrefix(q.regionCode) + '%'}`);
      if (q.role) parts.push(sql`u.role = ${q.role}`);
      if (q.departmentId) parts.push(sql`u.department_id = ${q.departmentId}`);
      if (q.keyword) parts.push(sql`(u.username LIKE ${'%' + q.keyword + '%'} OR u.display_name LIKE ${'%' + q.keyword + '%'})`);
      const where = sql.join(parts, sql` AND `);
      const total = await one<{ n: number }>(app.ctx.db, sql`SELECT count(*)::int AS n FROM users u WHERE ${where}`);
      const items = await rows<Record<string, unknown>>(
        app.ctx.db,
        sql`SELECT u.id, u.username, u.display_name, u.role, u.region_code, r.name AS region_name, u.department_id,
          d.name AS department_name, u.enterprise_id, e.name AS enterprise_name, u.locked_until, u.created_at
          FROM users u JOIN regions r ON r.code = u.region_code LEFT JOIN departments d ON d.id = u.department_id
          LEFT JOIN enterprises e ON e.id = u.enterprise_id WHERE ${where} ORDER BY u.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      );
      const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
      return {
        items: items.map((u) => ({
          id: u.id as number,
          username: u.username as string,
          displayName: u.display_name as string,
          role: u.role as string,
          regionCode: u.region_code as string,
          regionName: u.region_name as string,
          departmentId: (u.department_id as number | null) ?? null,
          departmentName: (u.department_name as string | null) ?? null,
          enterpriseId: (u.enterprise_id as number | null) ?? null,
          enterpriseName: (u.enterprise_name as string | null) ?? null,
          lockedUntil: iso(u.locked_until),
          createdAt: iso(u.created_at)!,
        })),
        total: total?.n ?? 0,
        page,
        pageSize,
      };
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: '新建用户 Create a user (admin)',
        body: Type.Object({
          username: Type.String({ maxLength: 64 }),
          displayName: Type.Optional(Type.String({ maxLength: 64 })),
          password: Type.String({ maxLength: 256 }),
          role: Type.String({ maxLength: 30 }),
          regionCode: Type.String({ maxLength: 12 }),
          departmentId: Type.Optional(Nullable(Type.Integer())),
          enterpriseUscc: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
        }),
        response: { 201: Type.Object({ id: Type.Integer() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const id = await createUser({ db: app.ctx.db, by: p, input: { ...request.body, role: request.body.role as Role }, now: app.ctx.now() });
      return reply.status(201).send({ id });
    },
  );
};
