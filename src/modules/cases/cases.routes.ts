import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../http/context.ts';
import { errorResponses, Nullable, Paged, Paging } from '../../http/schemas.ts';
import { addEvidence, addMeasure, advanceCase, caseDetail, executeMeasure, listCases, openCase, removeMeasure, transferCase } from './cases.service.ts';
import { filingRateReport, zeroPenaltyList } from './enforcement-rates.ts';
import { HazardSummarySchema } from '../hazards/hazards.routes.ts';

const L = <T extends string>(...v: T[]) => Type.Union(v.map((x) => Type.Literal(x)));
const Step = L('filed', 'investigating', 'notified', 'decided', 'executing', 'closed');
const MeasureKind = L('order_correction', 'on_site_measure', 'suspend_production', 'close_down', 'fine_unit', 'fine_person', 'joint_punishment');
const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 });
const Id = Type.Object({ id: Type.Integer() });
const Summary = Type.Object(
  {
    id: Type.Integer(), code: Type.String(), title: Type.String(), step: Step, enterprise: Type.Object({ id: Type.Integer(), name: Type.String() }), regionCode: Type.String(),
    department: Type.Object({ id: Type.Integer(), name: Type.String() }), partyPerson: Type.String(), filedBy: Type.String(), filedAt: Type.String(), transferred: Type.Boolean(),
  },
  { $id: 'CaseSummary' },
);
const Transfer = Type.Object({ agency: Type.String({ maxLength: 100 }), suspectedOffence: Type.String({ maxLength: 100 }), summary: Type.String({ maxLength: 4000 }), transferredOn: DateStr, receiptNo: Type.Optional(Type.String({ maxLength: 60 })) });
const Detail = Type.Object(
  {
    ...Summary.properties,
    facts: Type.String(), legalBasis: Type.String(), partyName: Type.String(), partyPersonRole: Type.String(), inspectionId: Nullable(Type.Integer()),
    notifiedOn: Nullable(Type.String()), decidedOn: Nullable(Type.String()), closedOn: Nullable(Type.String()), statementWaived: Type.Boolean(), dualPenaltyWaiver: Type.String(),
    closingNote: Type.String(), transfer: Nullable(Transfer),
    hazards: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), level: Type.String(), state: Type.String(), description: Type.String() })),
    measures: Type.Array(Type.Object({ id: Type.Integer(), kind: MeasureKind, amount: Nullable(Type.Integer()), personName: Type.String(), personRole: Type.String(), description: Type.String(), executed: Type.Boolean(), executedOn: Nullable(Type.String()) })),
    evidence: Type.Array(Type.Object({ id: Type.Integer(), kind: Type.String(), description: Type.String(), collectedOn: Type.String() })),
    timeline: Type.Array(Type.Object({ id: Type.Integer(), action: Type.String(), fromStep: Nullable(Type.String()), toStep: Nullable(Type.String()), actor: Type.String(), note: Type.String(), at: Type.String() })),
    documents: Type.Array(Type.Object({ id: Type.Integer(), kind: Type.String(), number: Type.String(), issuedAt: Type.String(), pdfUrl: Type.String() })),
    canEdit: Type.Boolean(),
    canTransfer: Type.Boolean(),
    version: Type.Integer(),
  },
  { $id: 'Case' },
);
const RateFilters = Type.Object({
  regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}(\\d{3})?$' })),
  departmentId: Type.Optional(Type.Integer()),
  industryDomain: Type.Optional(Type.String({ maxLength: 40 })),
  from: Type.Optional(DateStr),
  to: Type.Optional(DateStr),
});
const Rate = { major: Type.Integer(), filed: Type.Integer(), rate: Nullable(Type.Number()) };

/** 执法案件 cases: open from hazards or an inspection, evidence, measures, steps, transfer to the police; 立案率 and 零处罚. */
export const caseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  app.addSchema(HazardSummarySchema);
  app.addSchema(Summary);
  app.addSchema(Detail);
  const detail = (p: ReturnType<typeof requirePrincipal>, id: number) => caseDetail(ctx.db, p, id);

  app.get(
    '/cases',
    {
      schema: {
        tags: ['cases'],
        summary: '执法案件 Cases in your scope',
        querystring: Type.Object({ step: Type.Optional(Step), departmentId: Type.Optional(Type.Integer()), enterpriseId: Type.Optional(Type.Integer()), keyword: Type.Optional(Type.String({ maxLength: 50 })), ...Paging }),
        response: { 200: Paged(Type.Ref('CaseSummary')), ...errorResponses },
      },
    },
    async (request) => {
      const { page, pageSize, ...f } = request.query;
      return listCases(ctx.db, requirePrincipal(request), f, page ?? 1, pageSize ?? 20);
    },
  );

  app.post(
    '/cases',
    {
      schema: {
        tags: ['cases'],
        summary: '立案 Open a case (by your department) from hazards and/or an inspection; issues the 立案审批表',
        body: Type.Object({
          enterpriseId: Type.Integer(),
          hazardIds: Type.Optional(Type.Array(Type.Integer(), { maxItems: 50 })),
          inspectionId: Type.Optional(Type.Integer()),
          title: Type.String({ minLength: 1, maxLength: 200 }),
          facts: Type.Optional(Type.String({ maxLength: 4000 })),
          legalBasis: Type.Optional(Type.String({ maxLength: 500 })),
          partyPerson: Type.Optional(Type.String({ maxLength: 40 })),
          partyPersonRole: Type.Optional(Type.String({ maxLength: 60 })),
        }),
        response: { 201: Type.Ref('Case'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const id = await openCase(ctx.db, p, request.body, ctx.now());
      return reply.status(201).send(await detail(p, id));
    },
  );

  app.get(
    '/cases/filing-rate',
    {
      schema: {
        tags: ['cases'],
        summary: '重大事故隐患立案率 Major hazards found by inspections that have a case, by region (one level down) and by department',
        querystring: RateFilters,
        response: {
          200: Type.Object({
            total: Type.Object(Rate),
            byRegion: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), ...Rate })),
            byDepartment: Type.Array(Type.Object({ id: Nullable(Type.Integer()), name: Type.String(), ...Rate })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => filingRateReport(ctx.db, requirePrincipal(request), request.query, ctx.now()),
  );

  app.get(
    '/cases/zero-penalty',
    {
      schema: {
        tags: ['cases'],
        summary: '零处罚 Major hazards found by inspections with no case under way and no penalty decided',
        querystring: Type.Object({ ...RateFilters.properties, ...Paging }),
        response: { 200: Paged(Type.Ref('HazardSummary')), ...errorResponses },
      },
    },
    async (request) => {
      const { page, pageSize, ...q } = request.query;
      return zeroPenaltyList(ctx.db, requirePrincipal(request), q, page ?? 1, pageSize ?? 20, ctx.now());
    },
  );

  app.get('/cases/:id', { schema: { tags: ['cases'], summary: '案件 One case with its hazards, evidence, measures, steps and documents', params: Id, response: { 200: Type.Ref('Case'), ...errorResponses } } }, async (request) =>
    detail(requirePrincipal(request), request.params.id),
  );

  app.post(
    '/cases/:id/evidence',
    { schema: { tags: ['cases'], summary: '调查取证 Record evidence (询问笔录, 勘验笔录, 书证, 照片 …)', params: Id, body: Type.Object({ kind: Type.String({ maxLength: 40 }), description: Type.String({ maxLength: 2000 }), collectedOn: DateStr }), response: { 200: Type.Ref('Case'), ...errorResponses } } },
    async (request) => {
      const p = requirePrincipal(request);
      await addEvidence(ctx.db, p, request.params.id, request.body, ctx.now());
      return detail(p, request.params.id);
    },
  );

  app.post(
    '/cases/:id/measures',
    {
      schema: {
        tags: ['cases'],
        summary: '处理措施 Propose a measure or penalty (责令改正, 现场处理措施, 停产停业整顿, 关闭取缔, fines on the unit and the person — 一案双罚, 联合惩戒)',
        params: Id,
        body: Type.Object({ kind: MeasureKind, amount: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100_000_000 }))), personName: Type.Optional(Type.String({ maxLength: 40 })), personRole: Type.Optional(Type.String({ maxLength: 60 })), description: Type.Optional(Type.String({ maxLength: 500 })) }),
        response: { 200: Type.Ref('Case'), ...errorResponses },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      await addMeasure(ctx.db, p, request.params.id, request.body, ctx.now());
      return detail(p, request.params.id);
    },
  );

  app.delete(
    '/cases/:id/measures/:measureId',
    { schema: { tags: ['cases'], summary: '删除拟定措施 Remove a proposed measure (before the decision)', params: Type.Object({ id: Type.Integer(), measureId: Type.Integer() }), response: { 200: Type.Ref('Case'), ...errorResponses } } },
    async (request) => {
      const p = requirePrincipal(request);
      await removeMeasure(ctx.db, p, request.params.id, request.params.measureId, ctx.now());
      return detail(p, request.params.id);
    },
  );

  app.post(
    '/cases/:id/measures/:measureId/execute',
    { schema: { tags: ['cases'], summary: '执行 A decided measure carried out (a fine paid)', params: Type.Object({ id: Type.Integer(), measureId: Type.Integer() }), body: Type.Object({ executedOn: DateStr }), response: { 200: Type.Ref('Case'), ...errorResponses } } },
    async (request) => {
      const p = requirePrincipal(request);
      await executeMeasure(ctx.db, p, request.params.id, request.params.measureId, request.body.executedOn, ctx.now());
      return detail(p, request.params.id);
    },
  );

  app.post(
    '/cases/:id/advance',
    {
      schema: {
        tags: ['cases'],
        summary: '下一环节 Take the case to its next step (告知 issues the 行政处罚告知书, 决定 the 行政处罚决定书; 决定 and 结案 by the department head)',
        params: Id,
        body: Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })), statementWaived: Type.Optional(Type.Boolean()), dualPenaltyWaiver: Type.Optional(Type.String({ maxLength: 500 })), version: Type.Optional(Type.Integer()) }),
        response: { 200: Type.Ref('Case'), ...errorResponses },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      await advanceCase(ctx.db, p, request.params.id, request.body, ctx.now());
      return detail(p, request.params.id);
    },
  );

  app.post(
    '/cases/:id/transfer',
    { schema: { tags: ['cases'], summary: '移送公安 行刑衔接: transfer to the police with its record (department head); issues the 涉嫌犯罪案件移送书', params: Id, body: Transfer, response: { 200: Type.Ref('Case'), ...errorResponses } } },
    async (request) => {
      const p = requirePrincipal(request);
      await transferCase(ctx.db, p, request.params.id, { ...request.body, receiptNo: request.body.receiptNo ?? '' }, ctx.now());
      return detail(p, request.params.id);
    },
  );
};
