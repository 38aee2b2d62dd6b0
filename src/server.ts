import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError, unauthenticated, type FieldIssue } from './http/errors.ts';
import { SESSION_COOKIE, type AppContext } from './http/context.ts';
import { ErrorSchema } from './http/schemas.ts';
import { isMessageKey, localeFrom, translate, type Locale } from './i18n/messages.ts';
import { authenticate, toPrincipal } from './modules/auth/auth.service.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { referenceRoutes } from './modules/regions/regions.routes.ts';
import { departmentRoutes } from './modules/departments/departments.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { enterpriseRoutes } from './modules/enterprises/enterprises.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { jobRoutes } from './modules/jobs/jobs.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { itemRoutes } from './modules/items/items.routes.ts';
import { inspectorRoutes } from './modules/inspectors/inspectors.routes.ts';
import { planningRoutes } from './modules/planning/planning.routes.ts';
import { collisionRunRoutes } from './modules/collision-runs/collision-runs.routes.ts';
import { visitRoutes } from './modules/visits/visits.routes.ts';
import { inspectionRoutes } from './modules/inspections/inspections.routes.ts';
import { hazardRoutes } from './modules/hazards/hazards.routes.ts';
import { caseRoutes } from './modules/cases/cases.routes.ts';
import { questionRoutes } from './modules/questions/questions.routes.ts';
import { fileRoutes } from './modules/files/files.routes.ts';
import { schedulerRoutes } from './modules/scheduler/scheduler.routes.ts';
import { inboxRoutes } from './modules/inbox/inbox.routes.ts';
import { documentRoutes } from './modules/documents/documents.routes.ts';

export type App = FastifyInstance;

/** Renders an AppError's field issues in the user's language. */
function renderDetails(locale: Locale, details: FieldIssue[]) {
  return details.map((d) => ({
    ...(d.row !== undefined ? { row: d.row } : {}),
    field: d.field,
    message: translate(locale, d.key, d.params),
  }));
}

interface AjvIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** Schema-validation failures become 422 with one detail per field, in the user's language. */
function validationDetails(locale: Locale, issues: AjvIssue[]) {
  return issues.map((i) => {
    const path = i.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const missing = i.params.missingProperty as string | undefined;
    const field = missing ? (path ? `${path}.${missing}` : missing) : path || '(root)';
    const message =
      i.keyword === 'required'
        ? translate(locale, 'field.required')
        : i.keyword === 'type'
          ? translate(locale, 'field.type', { type: String(i.params.type) })
          : i.keyword === 'maxLength'
            ? translate(locale, 'field.too_long', { max: Number(i.params.limit) })
            : i.keyword === 'enum' || i.keyword === 'anyOf'
              ? translate(locale, 'field.enum', {
                  values: Array.isArray(i.params.allowedValues) ? i.params.allowedValues.join(', ') : '…',
                })
              : translate(locale, 'field.invalid');
    return { field, message };
  });
}

export async function buildServer(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ? { level: ctx.config.logLevel } : false,
    bodyLimit: 10 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: true, useDefaults: true, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('ctx', ctx);
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('locale', 'zh-CN');
  app.addSchema(ErrorSchema);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Anjian 安监 API',
        description: '安全生产监管平台 REST API. Errors: `{ code, message, details: [{ row?, field, message }] }` in the language of Accept-Language.',
        version: ctx.version,
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (request) => {
    request.locale = localeFrom(request.headers['accept-language']);
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith('/api/')) return;
    const user = await authenticate({
      db: ctx.db,
      token,
      now: ctx.now(),
      ttlHours: ctx.config.sessionTtlHours,
      cache: ctx.dbKind === 'pglite',
    });
    if (user) {
      request.principal = toPrincipal(user);
      request.sessionToken = token;
    }
  });

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const locale = request.locale ?? 'zh-CN';
    if (error instanceof AppError) {
      return reply.status(error.status).send({
        code: error.key,
        message: translate(locale, error.key, error.params),
        details: renderDetails(locale, error.details),
      });
    }
    const fe = error as FastifyError & { validation?: AjvIssue[] };
    if (fe.validation) {
      return reply.status(422).send({
        code: 'error.validation',
        message: translate(locale, 'error.validation'),
        details: validationDetails(locale, fe.validation),
      });
    }
    if (fe.statusCode && fe.statusCode < 500) {
      const key = fe.statusCode === 404 ? 'error.not_found' : 'error.bad_request';
      return reply.status(fe.statusCode).send({
        code: fe.code && isMessageKey(fe.code) ? fe.code : key,
        message: translate(locale, key),
        details: [{ field: '(request)', message: fe.message }],
      });
    }
    request.log.error(error);
    return reply.status(500).send({ code: 'error.internal', message: translate(locale, 'error.internal'), details: [] });
  });

  await app.register(
    async (api) => {
      // No session, no answer: a 401 comes before validation (a 422 would tell strangers about the schema).
      api.addHook('preValidation', async (request) => {
        if (!request.routeOptions.config.public && !request.principal) throw unauthenticated();
      });
      await api.register(healthRoutes);
      await api.register(authRoutes);
      await api.register(referenceRoutes);
      await api.register(departmentRoutes);
      await api.register(userRoutes);
      await api.register(enterpriseRoutes);
      await api.register(auditRoutes);
      await api.register(jobRoutes);
      await api.register(itemRoutes);
      await api.register(inspectorRoutes);
      await api.register(planningRoutes);
      await api.register(collisionRunRoutes);
      await api.register(visitRoutes);
      await api.register(inspectionRoutes);
      await api.register(hazardRoutes);
      await api.register(caseRoutes);
      await api.register(questionRoutes);
      await api.register(fileRoutes);
      await api.register(schedulerRoutes);
      await api.register(inboxRoutes);
      await api.register(documentRoutes);
    },
    { prefix: '/api/v1' },
  );

  const webDir = ctx.config.webDir;
  const hasWeb = existsSync(join(webDir, 'index.html'));
  if (hasWeb) {
    // Files are looked up per request (wildcard), so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: true, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/assets/') || !hasWeb || request.method !== 'GET') {
      return reply.status(404).send({
        code: 'error.not_found',
        message: translate(request.locale ?? 'zh-CN', 'error.not_found'),
        details: [],
      });
    }
    // The web app's client-side routes (/enterprises/12, /login, …) all answer the single page.
    return reply.type('text/html').sendFile('index.html');
  });

  return app;
}
