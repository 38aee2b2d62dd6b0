import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SESSION_COOKIE, requirePrincipal } from '../../http/context.ts';
import { errorResponses, Nullable } from '../../http/schemas.ts';
import { changePassword, login, logout, toMe } from './auth.service.ts';
import { findUserById } from './auth.repo.ts';
import { unauthenticated } from '../../http/errors.ts';
import { getDemoInfo } from '../settings/settings.repo.ts';

export const MeSchema = Type.Object(
  {
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
    line: Nullable(Type.String()),
    mustChangePassword: Type.Boolean(),
  },
  { $id: 'Me' },
);

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  app.addSchema(MeSchema);

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '登录 Sign in',
        security: [],
        body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) }),
        response: { 200: Type.Object({ user: Type.Ref('Me') }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { token, me, expiresAt } = await login({
        db: ctx.db,
        username: request.body.username,
        password: request.body.password,
        now: ctx.now(),
        ttlHours: ctx.config.sessionTtlHours,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.secureCookies,
        expires: expiresAt,
      });
      return { user: me };
    },
  );

  app.post(
    '/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], summary: '退出 Sign out', response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      if (request.sessionToken) await logout({ db: ctx.db, token: request.sessionToken });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: '当前用户 Current user', response: { 200: Type.Ref('Me'), ...errorResponses } } },
    async (request) => {
      const principal = requirePrincipal(request);
      const user = await findUserById(ctx.db, principal.userId);
      if (!user) throw unauthenticated();
      return toMe(user);
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改密码 Change password',
        body: Type.Object({ oldPassword: Type.String({ maxLength: 256 }), newPassword: Type.String({ maxLength: 256 }) }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      await changePassword({
        db: ctx.db,
        principal,
        token: request.sessionToken!,
        oldPassword: request.body.oldPassword,
        newPassword: request.body.newPassword,
        now: ctx.now(),
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/demo',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '演示账号 Demo accounts (only on a demo instance)',
        security: [],
        response: {
          200: Type.Object({
            demo: Type.Boolean(),
            password: Type.Optional(Type.String()),
            accounts: Type.Array(
              Type.Object({ username: Type.String(), role: Type.String(), displayName: Type.String(), regionName: Type.String() }),
            ),
          }),
        },
      },
    },
    async () => getDemoInfo(ctx.db),
  );
};
