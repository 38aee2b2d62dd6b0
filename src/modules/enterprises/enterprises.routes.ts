import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../http/context.ts';
import { regionPrefix } from '../../core/access/principal.ts';
import { AppError } from '../../http/errors.ts';
import { errorResponses, Paged } from '../../http/schemas.ts';
import { translate } from '../../i18n/messages.ts';
import type { EnterpriseInput } from '../../core/registry/enterprise.ts';
import { startJob } from '../jobs/jobs.service.ts';
import {
  Enterprise,
  EnterpriseInputSchema,
  EnterpriseSummary,
  EnterpriseUpdateSchema,
  ExportQuerySchema,
  ListQuerySchema,
} from './enterprises.schema.ts';
import {
  createEnterprise,
  enterpriseHistory,
  getEnterprise,
  listEnterprises,
  updateEnterprise,
} from './enterprises.service.ts';
import { exportEnterprises, importTemplate } from './export.ts';
import { importEnterprises } from './import-enterprises.ts';
import { authorize, enterprisePolicy } from './enterprises.policy.ts';
import type { Static } from 'typebox';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function normalizeInput(b: Static<typeof EnterpriseInputSchema>): EnterpriseInput {
  const s = (v: string | undefined | null) => (v ?? '').trim();
  return {
    uscc: s(b.uscc).toUpperCase(),
    name: s(b.name),
    regionCode: s(b.regionCode),
    address: s(b.address),
    industryDomain: s(b.industryDomain),
    industryCode: s(b.industryCode) || null,
    employees: b.employees ?? 0,
    labourIntensive: b.labourIntensive ?? false,
    keyEnterprise: b.keyEnterprise ?? false,
    standardizationLevel: b.standardizationLevel ?? 'none',
    riskLevel: b.riskLevel,
    creditGrade: b.creditGrade,
    legalRepresentative: s(b.legalRepresentative),
    legalRepresentativePhone: s(b.legalRepresentativePhone),
    safetyOfficer: s(b.safetyOfficer),
    safetyOfficerPhone: s(b.safetyOfficerPhone),
    smallVenueCategory: s(b.smallVenueCategory) || null,
    landlordUscc: s(b.landlordUscc).toUpperCase() || null,
  };
}

/** 一企一档 the enterprise register: list, detail, create, edit, history, import, export. */
export const enterpriseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  app.addSchema(EnterpriseSummary);
  app.addSchema(Enterprise);

  app.get(
    '/enterprises',
    {
      schema: {
        tags: ['registry'],
        summary: '企业名录 List enterprises in your scope (filters, paging, sorting)',
        querystring: ListQuerySchema,
        response: { 200: Paged(Type.Ref('EnterpriseSummary')), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return listEnterprises({
        db: ctx.db,
        principal: requirePrincipal(request),
        query: { ...q, page: q.page ?? 1, pageSize: q.pageSize ?? 20, sort: (q.sort ?? 'name') as never, order: q.order ?? 'asc' },
      });
    },
  );

  app.get(
    '/enterprises/export',
    { schema: { tags: ['registry'], summary: '导出 Export the filtered register as .xlsx', querystring: ExportQuerySchema } },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      authorize(enterprisePolicy.canExport(principal));
      const out = new PassThrough();
      const name = request.locale === 'en-US' ? 'enterprises.xlsx' : '企业名录.xlsx';
      reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="enterprises.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
      const q = request.query;
      const filter = { ...q, regionPrefix: q.regionCode ? regionPrefix(q.regionCode) : undefined };
      exportEnterprises({ db: ctx.db, principal, filter, locale: request.locale, out }).catch((e) => {
        request.log.error(e);
        out.destroy(e as Error);
      });
      return reply.send(out);
    },
  );

  app.get(
    '/enterprises/import/template',
    { schema: { tags: ['registry'], summary: '导入模板 Import template (.xlsx, Chinese headers)' } },
    async (request, reply) => {
      requirePrincipal(request);
      const name = request.locale === 'en-US' ? 'enterprise-import-template.xlsx' : '企业导入模板.xlsx';
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="enterprise-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(await importTemplate(request.locale));
    },
  );

  app.post(
    '/enterprises/import',
    {
      schema: {
        tags: ['registry'],
        summary: '批量导入 Import .xlsx/.csv (multipart: file, allowPartial); answers a job to poll',
        consumes: ['multipart/form-data'],
        response: { 202: Type.Object({ jobId: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      authorize(enterprisePolicy.canImport(principal));
      const dir = await mkdtemp(join(tmpdir(), 'anjian-import-'));
      let fileName = '';
      let allowPartial = false;
      let path = '';
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          fileName = part.filename;
          path = join(dir, 'upload');
          await pipeline(part.file, createWriteStream(path));
        } else if (part.fieldname === 'allowPartial') {
          allowPartial = String(part.value) === 'true';
        }
      }
      if (!path || !/\.(xlsx|csv|txt)$/i.test(fileName)) {
        await rm(dir, { recursive: true, force: true });
        throw new AppError(422, 'import.no_file', {}, [{ field: 'file', key: 'import.no_file' }]);
      }
      const locale = request.locale;
      const jobId = await startJob({
        db: ctx.db,
        kind: 'import',
        principal,
        run: async (job) => {
          try {
            const result = await importEnterprises({
              db: ctx.db,
              principal,
              filePath: path,
              fileName,
              allowPartial,
              now: ctx.now(),
              onProgress: (phase, done, total) => job.progress(done, total, phase),
            });
            return {
              ...result,
              errors: result.errors.map((e) => ({ row: e.row, field: e.field, message: translate(locale, e.key, e.params) })),
            };
          } finally {
            await rm(dir, { recursive: true, force: true });
          }
        },
        onError: (e) =>
          e instanceof AppError
            ? { code: e.key, message: translate(locale, e.key, e.params) }
            : { code: 'error.internal', message: translate(locale, 'error.internal') },
      });
      return reply.status(202).send({ jobId });
    },
  );

  app.get(
    '/enterprises/:id',
    {
      schema: {
        tags: ['registry'],
        summary: '一企一档 Enterprise file',
        params: Type.Object({ id: Type.Integer() }),
        response: { 200: Type.Ref('Enterprise'), ...errorResponses },
      },
    },
    async (request) => getEnterprise({ db: ctx.db, principal: requirePrincipal(request), id: request.params.id }),
  );

  app.post(
    '/enterprises',
    {
      schema: {
        tags: ['registry'],
        summary: '登记企业 Register an enterprise',
        body: EnterpriseInputSchema,
        response: { 201: Type.Ref('Enterprise'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const e = await createEnterprise({ db: ctx.db, principal: requirePrincipal(request), input: normalizeInput(request.body), now: ctx.now() });
      return reply.status(201).send(e);
    },
  );

  app.put(
    '/enterprises/:id',
    {
      schema: {
        tags: ['registry'],
        summary: '修改企业 Edit an enterprise (optimistic: send the version you read)',
        params: Type.Object({ id: Type.Integer() }),
        body: EnterpriseUpdateSchema,
        response: { 200: Type.Ref('Enterprise'), ...errorResponses },
      },
    },
    async (request) =>
      updateEnterprise({
        db: ctx.db,
        principal: requirePrincipal(request),
        id: request.params.id,
        version: request.body.version,
        input: normalizeInput(request.body),
        now: ctx.now(),
      }),
  );

  app.get(
    '/enterprises/:id/history',
    {
      schema: {
        tags: ['registry'],
        summary: '变更记录 Who changed what and when (from the audit chain)',
        params: Type.Object({ id: Type.Integer() }),
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.Integer(),
              seq: Type.Integer(),
              at: Type.String(),
              actor: Type.Object({ id: Type.Union([Type.Integer(), Type.Null()]), username: Type.String(), displayName: Type.String() }),
              action: Type.String(),
              changes: Type.Array(Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() })),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => enterpriseHistory({ db: ctx.db, principal: requirePrincipal(request), id: request.params.id }),
  );
};
