import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../http/context.ts';
import { errorResponses, Nullable, Paged, Paging } from '../../http/schemas.ts';
import type { Role } from '../../core/access/principal.ts';
import { ROLES as ROLE_LABELS } from '../../core/reference/dictionaries.ts';
import { listToXlsx, sendXlsx } from '../../http/xlsx.ts';
import { listUsers, type UserSummary } from './users.repo.ts';
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
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const r = await listUsers(app.ctx.db, p, filter, pageSize, (page - 1) * pageSize);
      return { ...r, page, pageSize };
    },
  );

  app.get(
    '/users/export',
    {
      schema: {
        tags: ['users'],
        summary: '导出用户 Export the filtered users as .xlsx (admin, coordinator)',
        querystring: Type.Object({
          keyword: Type.Optional(Type.String({ maxLength: 50 })),
          role: Type.Optional(Type.String({ maxLength: 30 })),
          regionCode: Type.Optional(Type.String({ maxLength: 12 })),
          departmentId: Type.Optional(Type.Integer()),
        }),
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      if (p.role !== 'admin' && p.role !== 'coordinator') throw forbidden();
      const { items } = await listUsers(app.ctx.db, p, request.query, 100_000, 0);
      const en = request.locale === 'en-US';
      const roleName = new Map(ROLE_LABELS.map((r) => [r.code as string, r.label[request.locale]]));
      const body = await listToXlsx<UserSummary>(en ? 'Users' : '用户', [
        { header: en ? 'Username' : '用户名', value: (u) => u.username },
        { header: en ? 'Name' : '姓名', value: (u) => u.displayName, width: 24 },
        { header: en ? 'Role' : '角色', value: (u) => roleName.get(u.role) ?? u.role },
        { header: en ? 'Region' : '所属区划', value: (u) => u.regionName },
        { header: en ? 'Department' : '部门', value: (u) => u.departmentName, width: 28 },
        { header: en ? 'Enterprise' : '企业', value: (u) => u.enterpriseName, width: 28 },
        { header: en ? 'Locked until' : '锁定至', value: (u) => u.lockedUntil },
        { header: en ? 'Created' : '创建时间', value: (u) => u.createdAt, width: 24 },
      ], items);
      return sendXlsx(reply, 'users.xlsx', en ? 'users.xlsx' : '用户.xlsx', body);
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
