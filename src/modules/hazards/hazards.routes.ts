import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../http/context.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { errorResponses, Nullable, Paged, Paging } from '../../http/schemas.ts';
import { sendXlsx } from '../../http/xlsx.ts';
import { businessDay } from '../../core/hazards/day.ts';
import { checkRules, type EscalationRule } from '../../core/hazards/escalation.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { PHOTO_MAX_BYTES } from '../files/images.ts';
import { fileStoreFor } from '../files/storage.ts';
import { readUpload } from '../files/upload.ts';
import { scopeOf } from '../../core/access/lines-scope.ts';
import { findBrief } from '../enterprises/enterprises.repo.ts';
import { notFound } from '../../http/errors.ts';
import type { Db } from '../../db/client.ts';
import { authorize, hazardPolicy } from './hazards.policy.ts';
import { hazardDetail } from './hazard-view.ts';
import { enterpriseFindings, exportLedger, ledgerSummary, listHazards } from './list-hazards.ts';
import { listSelfInspections, recordSelfInspection } from './self-inspections.ts';
import { saveFiveFixes, transitionHazard, uploadHazardPhoto } from './transition-hazard.ts';
import * as repo from './hazards.repo.ts';
import { PhotoSchema } from '../inspections/inspections.schema.ts';

const L = <T extends string>(...v: T[]) => Type.Union(v.map((x) => Type.Literal(x)));
const State = L('reported', 'confirmed', 'rectifying', 'submitted', 'closed', 'dismissed');
const Level = L('general', 'major');
const Source = L('inspection', 'self_inspection', 'public_report', 'grid_patrol');
const Action = L('confirm', 'dismiss', 'start_rectifying', 'submit', 'review_pass', 'review_reject', 'close_on_spot');
const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 });
const Filters = {
  state: Type.Optional(State),
  level: Type.Optional(Level),
  overdue: Type.Optional(Type.Boolean()),
  regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}(\\d{3})?$' })),
  departmentId: Type.Optional(Type.Integer()),
  industryDomain: Type.Optional(Type.String({ maxLength: 40 })),
  source: Type.Optional(Source),
  enterpriseId: Type.Optional(Type.Integer()),
  inspectionId: Type.Optional(Type.Integer()),
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
  escalation: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
};
const errors = { ...errorResponses, 413: Type.Ref('Error') };

export const HazardSummarySchema = Type.Object(
  {
    id: Type.Integer(),
    code: Type.String(),
    enterprise: Type.Object({ id: Type.Integer(), name: Type.String() }),
    regionCode: Type.String(),
    regionName: Type.String(),
    industryDomain: Type.String(),
    department: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
    source: Source,
    sourceRef: Type.String(),
    level: Level,
    state: State,
    itemCode: Nullable(Type.String()),
    itemText: Type.String(),
    description: Type.String(),
    location: Type.String(),
    foundBy: Type.String(),
    foundAt: Type.String(),
    deadline: Nullable(Type.String()),
    responsiblePerson: Type.String(),
    overdue: Type.Boolean(),
    daysOverdue: Type.Integer(),
    escalation: Type.Integer({ description: '0 none · 1 提醒 · 2 部门督办 · 3 县级挂牌督办 · 4 市级挂牌督办' }),
    light: L('green', 'yellow', 'orange', 'red'),
    closedAt: Nullable(Type.String()),
    closedOnTime: Nullable(Type.Boolean()),
  },
  { $id: 'HazardSummary' },
);
const FiveFixesSchema = Type.Object({
  measures: Type.String({ maxLength: 2000 }),
  responsiblePeople: Type.String({ maxLength: 200 }),
  funds: Nullable(Type.Number({ minimum: 0, maximum: 1e11 })),
  deadline: Nullable(DateStr),
  contingencyPlan: Type.String({ maxLength: 2000 }),
});
export const HazardSchema = Type.Object(
  {
    ...HazardSummarySchema.properties,
    legalBasis: Type.String(),
    inspection: Nullable(Type.Object({ id: Type.Integer(), code: Type.String() })),
    selfInspectionId: Nullable(Type.Integer()),
    fiveFixes: FiveFixesSchema,
    nextEscalation: Nullable(Type.Object({ step: Type.Integer(), on: Type.String() })),
    submittedAt: Nullable(Type.String()),
    timeline: Type.Array(
      Type.Object({ id: Type.Integer(), action: Type.String(), fromState: Nullable(Type.String()), toState: Nullable(Type.String()), actor: Type.String(), note: Type.String(), at: Type.String(), data: Type.Unknown(), photos: Type.Array(Type.Ref('Photo')) }),
    ),
    photos: Type.Array(Type.Ref('Photo')),
    documents: Type.Array(Type.Object({ id: Type.Integer(), kind: Type.String(), number: Type.String(), issuedAt: Type.String(), pdfUrl: Type.String() })),
    cases: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), step: Type.String(), title: Type.String() })),
    actions: Type.Array(Action),
    canEditFiveFixes: Type.Boolean(),
    version: Type.Integer(),
  },
  { $id: 'Hazard' },
);
const SelfInspectionSchema = Type.Object({
  id: Type.Integer(), clientId: Type.String(), title: Type.String(), conductedOn: Type.String(), participants: Type.String(), summary: Type.String(),
  createdBy: Type.Object({ id: Type.Integer(), name: Type.String() }), createdAt: Type.String(), hazards: Type.Integer(),
});
const RuleSchema = Type.Object({ level: Level, step: Type.Integer({ minimum: 1, maximum: 4 }), daysOverdue: Type.Integer() });

/** 隐患台账 the ledger, a hazard's page and its loop, the enterprise's side (自查自改, findings of every department), escalation rules. */
export const hazardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  app.addSchema(PhotoSchema);
  app.addSchema(HazardSummarySchema);
  app.addSchema(HazardSchema);

  app.get(
    '/hazards',
    {
      schema: {
        tags: ['hazards'],
        summary: '隐患台账 The hazard ledger in your scope (filters; sort=foundAt|deadline|escalation; overdue lists most overdue first)',
        querystring: Type.Object({ ...Filters, sort: Type.Optional(L('foundAt', 'deadline', 'escalation')), ...Paging }),
        response: { 200: Paged(Type.Ref('HazardSummary')), ...errors },
      },
    },
    async (request) => {
      const { page, pageSize, ...q } = request.query;
      return listHazards(ctx.db, requirePrincipal(request), q, page ?? 1, pageSize ?? 20, ctx.now());
    },
  );

  app.get(
    '/hazards/summary',
    {
      schema: {
        tags: ['hazards'],
        summary: '台账统计 Counts by state, overdue and major, rectification rate and on-time rate under the ledger\'s filters',
        querystring: Type.Object(Filters),
        response: {
          200: Type.Object({
            byState: Type.Record(Type.String(), Type.Integer()),
            total: Type.Integer(),
            overdue: Type.Integer(),
            major: Type.Integer(),
            rectificationRate: Nullable(Type.Number()),
            onTimeRate: Nullable(Type.Number()),
          }),
          ...errors,
        },
      },
    },
    async (request) => ledgerSummary(ctx.db, requirePrincipal(request), request.query, ctx.now()),
  );

  app.get(
    '/hazards/export',
    { schema: { tags: ['hazards'], summary: '导出台账 The ledger as .xlsx (隐患排查治理台账 layout; at most 100,000 rows)', querystring: Type.Object(Filters), response: { ...errors } } },
    async (request, reply) => {
      const body = await exportLedger(ctx.db, requirePrincipal(request), request.query, request.locale, ctx.now());
      return sendXlsx(reply, 'hazard-ledger.xlsx', request.locale === 'en-US' ? 'hazard-ledger.xlsx' : '隐患排查治理台账.xlsx', body);
    },
  );

  app.get(
    '/hazards/:id',
    { schema: { tags: ['hazards'], summary: '隐患 One hazard with its timeline, photos, documents, cases and the actions you may take', params: Type.Object({ id: Type.Integer() }), response: { 200: Type.Ref('Hazard'), ...errors } } },
    async (request) => hazardDetail(ctx.db, requirePrincipal(request), request.params.id, businessDay(ctx.now())),
  );

  app.post(
    '/hazards/:id/transitions',
    {
      schema: {
        tags: ['hazards'],
        summary: '隐患流转 confirm · dismiss · start_rectifying · submit (after photos) · review_pass (销号) · review_reject · close_on_spot',
        params: Type.Object({ id: Type.Integer() }),
        body: Type.Object({
          action: Action,
          note: Type.Optional(Type.String({ maxLength: 2000 })),
          deadline: Type.Optional(DateStr),
          level: Type.Optional(Level),
          responsiblePerson: Type.Optional(Type.String({ maxLength: 60 })),
          photoIds: Type.Optional(Type.Array(Type.Integer(), { maxItems: 20 })),
          version: Type.Optional(Type.Integer()),
        }),
        response: { 200: Type.Ref('Hazard'), ...errors },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      await transitionHazard(ctx.db, p, request.params.id, request.body, ctx.now());
      return hazardDetail(ctx.db, p, request.params.id, businessDay(ctx.now()));
    },
  );

  app.put(
    '/hazards/:id/five-fixes',
    { schema: { tags: ['hazards'], summary: '五定 The five fixes of a (major) hazard: measures, responsible people, funds (元), deadline, contingency plan', params: Type.Object({ id: Type.Integer() }), body: FiveFixesSchema, response: { 200: Type.Ref('Hazard'), ...errors } } },
    async (request) => {
      const p = requirePrincipal(request);
      await saveFiveFixes(ctx.db, p, request.params.id, request.body, ctx.now());
      return hazardDetail(ctx.db, p, request.params.id, businessDay(ctx.now()));
    },
  );

  app.post(
    '/hazards/:id/photos',
    {
      schema: {
        tags: ['hazards'],
        summary: '整改照片 Upload a photo for a hazard (multipart: file, purpose=before|after|evidence, clientId?, takenAt?); then name it in the transition (photoIds)',
        params: Type.Object({ id: Type.Integer() }),
        consumes: ['multipart/form-data'],
        response: { 200: Type.Ref('Photo'), 201: Type.Ref('Photo'), ...errors },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const upload = await readUpload(request, PHOTO_MAX_BYTES);
      if (!upload) throw new AppError(422, 'file.required', {}, [{ field: 'file', key: 'file.required' }]);
      const purpose = upload.fields.purpose ?? 'after';
      if (!['before', 'after', 'evidence'].includes(purpose)) throw invalid([{ field: 'purpose', key: 'field.enum', params: { values: 'before, after, evidence' } }]);
      const clientId = upload.fields.clientId?.trim() || null;
      if (clientId && !/^[A-Za-z0-9_-]{8,64}$/.test(clientId)) throw invalid([{ field: 'clientId', key: 'field.invalid' }]);
      const r = await uploadHazardPhoto(ctx.db, fileStoreFor(ctx.config.dataDir), p, request.params.id, { input: upload.buffer, originalName: upload.filename, clientId, takenAt: upload.fields.takenAt ?? null, purpose: purpose as 'after' }, ctx.now());
      return reply.status(r.created ? 201 : 200).send(r.photo);
    },
  );

  app.get(
    '/enterprises/:id/findings',
    {
      schema: {
        tags: ['hazards'],
        summary: '多部门检查结果集中反馈 Every department\'s inspections and hazards of one enterprise, in one place',
        params: Type.Object({ id: Type.Integer() }),
        response: {
          200: Type.Object({
            departments: Type.Array(
              Type.Object({
                department: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
                inspections: Type.Integer(),
                lastInspection: Nullable(Type.String()),
                open: Type.Integer(),
                overdue: Type.Integer(),
                closed: Type.Integer(),
                majorOpen: Type.Integer(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      if (!(await findBrief(ctx.db, scopeOf(p), request.params.id))) throw notFound('enterprise.unknown');
      return enterpriseFindings(ctx.db, request.params.id, ctx.now());
    },
  );

  app.get(
    '/enterprises/:id/self-inspections',
    { schema: { tags: ['hazards'], summary: '自查自改 An enterprise\'s self-inspections', params: Type.Object({ id: Type.Integer() }), querystring: Type.Object(Paging), response: { 200: Paged(SelfInspectionSchema), ...errors } } },
    async (request) => listSelfInspections(ctx.db, requirePrincipal(request), request.params.id, request.query.page ?? 1, request.query.pageSize ?? 20),
  );

  app.post(
    '/enterprises/:id/self-inspections',
    {
      schema: {
        tags: ['hazards'],
        summary: '记录自查 Record a self-inspection (the enterprise officer); its findings go on the ledger as reported hazards; idempotent by clientId',
        params: Type.Object({ id: Type.Integer() }),
        body: Type.Object({
          clientId: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
          title: Type.String({ minLength: 1, maxLength: 100 }),
          conductedOn: DateStr,
          participants: Type.Optional(Type.String({ maxLength: 200 })),
          summary: Type.Optional(Type.String({ maxLength: 2000 })),
          findings: Type.Array(
            Type.Object({
              description: Type.String({ maxLength: 1000 }),
              location: Type.Optional(Type.String({ maxLength: 200 })),
              level: Level,
              deadline: Type.Optional(Nullable(DateStr)),
              responsiblePerson: Type.Optional(Type.String({ maxLength: 60 })),
            }),
            { maxItems: 100 },
          ),
        }),
        response: { 200: SelfInspectionSchema, 201: SelfInspectionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const r = await recordSelfInspection(ctx.db, requirePrincipal(request), request.params.id, request.body, ctx.now());
      return reply.status(r.created ? 201 : 200).send(r.item);
    },
  );

  app.get(
    '/hazard-escalation-rules',
    { schema: { tags: ['hazards'], summary: '超期升级规则 The escalation rules (days after the deadline per level and step)', response: { 200: Type.Object({ rules: Type.Array(RuleSchema) }), ...errors } } },
    async (request) => {
      requirePrincipal(request);
      return { rules: (await repo.escalationRules(ctx.db)).map((r) => ({ level: r.level, step: r.step, daysOverdue: r.days_overdue })) };
    },
  );

  app.put(
    '/hazard-escalation-rules',
    {
      schema: {
        tags: ['hazards'],
        summary: '修改超期升级规则 Replace the escalation rules (admin); each later step on a later day',
        body: Type.Object({ rules: Type.Array(RuleSchema, { maxItems: 8 }) }),
        response: { 200: Type.Object({ rules: Type.Array(RuleSchema) }), ...errors },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      authorize(hazardPolicy.canEditEscalationRules(p));
      const rules = request.body.rules as EscalationRule[];
      const issues = checkRules(rules);
      if (issues.length) throw invalid(issues.map((i) => ({ field: `rules.${i.index}.${i.field}`, key: i.key as MessageKey, params: i.params })));
      const before = await repo.escalationRules(ctx.db);
      await ctx.db.transaction(async (t) => {
        const tx = t as unknown as Db;
        await repo.replaceEscalationRules(tx, rules);
        await appendAudit(tx, { id: p.userId, name: p.username }, [{ action: 'update', entityType: 'hazard_escalation_rules', entityId: 'all', before, after: rules }], ctx.now());
      });
      return { rules: (await repo.escalationRules(ctx.db)).map((r) => ({ level: r.level, step: r.step, daysOverdue: r.days_overdue })) };
    },
  );
};
