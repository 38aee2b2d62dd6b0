import { listToXlsx, sendXlsx } from '../../http/xlsx.ts';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../http/context.ts';
import { errorResponses, Nullable, Paged, Paging } from '../../http/schemas.ts';
import { actOnPlan, createPlan, getHolidays, getMatrix, getPlan, listPlans, propose, publicPlans, putHolidays, putMatrix, updatePlan } from './planning.service.ts';

const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Window = Type.Object({ start: DateStr, end: DateStr });
const Risk = Type.Union([Type.Literal('red'), Type.Literal('orange'), Type.Literal('yellow'), Type.Literal('blue')]);
const Credit = Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C'), Type.Literal('D')]);
const Level = Type.Union([Type.Literal('city'), Type.Literal('district'), Type.Literal('town')]);
const Status = Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('approved'), Type.Literal('published')]);
const ReasonOut = Type.Object({ code: Type.String(), params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])), text: Type.String() });
const Rules = Type.Object({ accidentYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })), quietYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })) });
const Seed = Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Integer()]);
const DeptOut = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), line: Type.String(), level: Type.String(), regionCode: Type.String() });
const DrawOut = Type.Object({
  algorithm: Type.String(),
  seed: Type.String(),
  rate: Type.Number(),
  poolSize: Type.Integer(),
  count: Type.Integer(),
  drawn: Type.Array(Type.Integer()),
});

const Matrix = Type.Object({ cells: Type.Array(Type.Object({ riskLevel: Risk, creditGrade: Credit, perYear: Type.Integer() })) });

const PlanSummaryFields = {
  id: Type.Integer(),
  title: Type.String(),
  department: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }),
  regionCode: Type.String(),
  regionName: Type.String(),
  line: Type.String(),
  level: Type.String(),
  period: Window,
  status: Type.String(),
  entryCount: Type.Integer(),
  returnNote: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  publishedAt: Nullable(Type.String()),
};
const PlanSummary = Type.Object(PlanSummaryFields, { $id: 'PlanSummary' });
const PlanDetail = Type.Object(
  {
    ...PlanSummaryFields,
    draw: Nullable(DrawOut),
    entries: Type.Array(
      Type.Object({
        id: Type.Integer(),
        collisionId: Type.String(),
        enterpriseId: Type.Integer(),
        enterpriseName: Type.String(),
        uscc: Type.String(),
        regionCode: Type.String(),
        industryDomain: Type.String(),
        window: Window,
        items: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), version: Type.Integer(), text: Type.String(), majorHazard: Type.Boolean() })),
        inspectorsNeeded: Type.Integer(),
        requiredQualifications: Type.Array(Type.String()),
        selection: Type.String(),
        reasons: Type.Array(ReasonOut),
      }),
    ),
  },
  { $id: 'PlanDetail' },
);

const ProposalOut = Type.Object({
  department: DeptOut,
  regionCode: Type.String(),
  period: Window,
  rules: Type.Object({ accidentYears: Type.Integer(), quietYears: Type.Integer(), revocationYears: Type.Integer(), keyDomains: Type.Array(Type.String()) }),
  draw: DrawOut,
  counts: Type.Object({ candidates: Type.Integer(), listed: Type.Integer(), pool: Type.Integer(), drawn: Type.Integer(), held: Type.Integer(), entries: Type.Integer() }),
  entries: Type.Array(
    Type.Object({
      enterpriseId: Type.Integer(),
      enterpriseName: Type.String(),
      uscc: Type.String(),
      regionCode: Type.String(),
      industryDomain: Type.String(),
      riskLevel: Type.String(),
      creditGrade: Type.String(),
      standardizationLevel: Type.String(),
      selection: Type.Union([Type.Literal('listed'), Type.Literal('sampled')]),
      reasons: Type.Array(ReasonOut),
      timesPerYear: Type.Integer(),
      windows: Type.Array(Window),
      items: Type.Array(Type.Integer()),
      inspectorsNeeded: Type.Integer(),
      requiredQualifications: Type.Array(Type.String()),
    }),
  ),
  held: Type.Array(
    Type.Object({
      enterpriseId: Type.Integer(),
      enterpriseName: Type.String(),
      kind: Type.String(),
      heldBy: Type.Object({ planId: Type.Integer(), entryId: Type.Integer(), departmentId: Type.Integer(), departmentName: Type.String(), level: Type.String(), window: Window }),
    }),
  ),
});

const PublicPlans = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      title: Type.String(),
      departmentName: Type.String(),
      level: Type.String(),
      regionCode: Type.String(),
      regionName: Type.String(),
      period: Window,
      publishedAt: Nullable(Type.String()),
      entries: Type.Array(Type.Object({ enterpriseName: Type.String(), months: Type.Array(Type.String()) })),
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

/** 三级计划执法: frequency matrix, rule-based proposals, plans and their approval, the public list (公示). */
/** The filters of the plans list and of its export. */
const PlanFilter = {
  status: Type.Optional(Status),
  departmentId: Type.Optional(Type.Integer()),
  level: Type.Optional(Level),
  line: Type.Optional(Type.String({ maxLength: 40 })),
  regionCode: Type.Optional(Type.String({ maxLength: 12 })),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
};

export const planningRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  app.addSchema(PlanSummary);
  app.addSchema(PlanDetail);

  app.get(
    '/planning/frequency-matrix',
    { schema: { tags: ['planning'], summary: '检查频次矩阵 Inspections a year by risk level × credit grade', response: { 200: Matrix, ...errorResponses } } },
    async (request) => {
      requirePrincipal(request);
      return getMatrix(ctx.db);
    },
  );

  app.put(
    '/planning/frequency-matrix',
    {
      schema: {
        tags: ['planning'],
        summary: '修改检查频次矩阵 Edit the matrix (admin; all 16 cells, 1–12, never less for worse risk/credit)',
        body: Type.Object({ cells: Type.Array(Type.Object({ riskLevel: Risk, creditGrade: Credit, perYear: Type.Integer() }), { maxItems: 16 }) }),
        response: { 200: Matrix, ...errorResponses },
      },
    },
    async (request) => putMatrix(ctx.db, requirePrincipal(request), request.body.cells, ctx.now()),
  );

  const Holidays = Type.Object({
    items: Type.Array(Type.Object({ date: DateStr, kind: Type.Union([Type.Literal('holiday'), Type.Literal('workday')]), name: Type.String({ maxLength: 100 }) }), { maxItems: 400 }),
  });
  app.get(
    '/planning/holidays',
    {
      schema: {
        tags: ['planning'],
        summary: '节假日安排 Holiday calendar: public holidays and adjusted working days (调休上班), one year or all',
        querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
        response: { 200: Holidays, ...errorResponses },
      },
    },
    async (request) => {
      requirePrincipal(request);
      return getHolidays(ctx.db, request.query.year);
    },
  );

  app.put(
    '/planning/holidays',
    {
      schema: {
        tags: ['planning'],
        summary: '修改节假日安排 Replace one year of the holiday calendar (admin)',
        body: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }), ...Holidays.properties }),
        response: { 200: Holidays, ...errorResponses },
      },
    },
    async (request) => putHolidays(ctx.db, requirePrincipal(request), request.body.year, request.body.items, ctx.now()),
  );

  app.post(
    '/planning/proposals',
    {
      schema: {
        tags: ['planning'],
        summary: '生成计划建议 Propose a plan list by the Suzhou rules, with reasons and a recorded seeded draw (writes nothing)',
        body: Type.Object({
          departmentId: Type.Integer(),
          regionCode: Type.Optional(Type.String({ maxLength: 12 })),
          period: Window,
          seed: Seed,
          samplingRate: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
          rules: Type.Optional(Rules),
        }),
        response: { 200: ProposalOut, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body;
      return propose(
        ctx.db,
        requirePrincipal(request),
        { ...b, seed: String(b.seed), samplingRate: b.samplingRate ?? 0.05 },
        request.locale,
      );
    },
  );

  app.post(
    '/plans',
    {
      schema: {
        tags: ['planning'],
        summary: '创建执法计划 Create a plan (draft) from accepted proposals: one entry per enterprise and window',
        body: Type.Object({
          departmentId: Type.Integer(),
          regionCode: Type.Optional(Type.String({ maxLength: 12 })),
          title: Type.Optional(Type.String({ maxLength: 200 })),
          period: Window,
          draw: Type.Optional(Type.Object({ seed: Seed, samplingRate: Type.Number({ minimum: 0, maximum: 1 }), rules: Type.Optional(Rules) })),
          entries: Type.Array(
            Type.Object({
              enterpriseId: Type.Integer(),
              window: Window,
              items: Type.Optional(Type.Array(Type.Integer(), { maxItems: 500 })),
              inspectorsNeeded: Type.Optional(Type.Integer({ minimum: 2, maximum: 20 })),
              requiredQualifications: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
            }),
            { maxItems: 20000 },
          ),
        }),
        response: { 201: Type.Ref('PlanDetail'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const b = request.body;
      const id = await createPlan(ctx.db, p, { ...b, draw: b.draw ? { ...b.draw, seed: String(b.draw.seed) } : undefined }, ctx.now());
      return reply.status(201).send(await getPlan(ctx.db, p, id, request.locale));
    },
  );

  app.get(
    '/plans',
    {
      schema: {
        tags: ['planning'],
        summary: '执法计划 Plans in your scope (own and higher levels)',
        querystring: Type.Object({ ...PlanFilter, ...Paging }),
        response: { 200: Paged(Type.Ref('PlanSummary')), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return listPlans(ctx.db, requirePrincipal(request), { ...q, page: q.page ?? 1, pageSize: q.pageSize ?? 20 });
    },
  );

  app.get(
    '/plans/export',
    {
      schema: {
        tags: ['planning'],
        summary: '导出执法计划 Export the filtered plans as .xlsx',
        querystring: Type.Object(PlanFilter),
      },
    },
    async (request, reply) => {
      const { items } = await listPlans(ctx.db, requirePrincipal(request), { ...request.query, page: 1, pageSize: 100_000 });
      const en = request.locale === 'en-US';
      const status = en
        ? { draft: 'draft', submitted: 'submitted', approved: 'approved', published: 'published' }
        : { draft: '草稿', submitted: '已提交', approved: '已审批', published: '已公示' };
      const level = en ? { city: 'city', district: 'district', town: 'town' } : { city: '市级', district: '区县级', town: '镇街级' };
      const body = await listToXlsx<(typeof items)[number]>(en ? 'Plans' : '执法计划', [
        { header: en ? 'No.' : '编号', value: (x) => x.id, width: 8 },
        { header: en ? 'Title' : '计划名称', value: (x) => x.title, width: 36 },
        { header: en ? 'Department' : '部门', value: (x) => x.department.name, width: 28 },
        { header: en ? 'Level' : '层级', value: (x) => level[x.level as keyof typeof level] ?? x.level },
        { header: en ? 'Region' : '区划', value: (x) => x.regionName },
        { header: en ? 'From' : '开始', value: (x) => x.period.start },
        { header: en ? 'To' : '结束', value: (x) => x.period.end },
        { header: en ? 'Status' : '状态', value: (x) => status[x.status as keyof typeof status] ?? x.status },
        { header: en ? 'Enterprises' : '企业数', value: (x) => x.entryCount },
        { header: en ? 'Published' : '公示时间', value: (x) => x.publishedAt, width: 24 },
      ], items);
      return sendXlsx(reply, 'plans.xlsx', en ? 'plans.xlsx' : '执法计划.xlsx', body);
    },
  );

  app.get(
    '/plans/:id',
    {
      schema: {
        tags: ['planning'],
        summary: '执法计划详情 A plan with its entries, reasons and items',
        params: Type.Object({ id: Type.Integer() }),
        response: { 200: Type.Ref('PlanDetail'), ...errorResponses },
      },
    },
    async (request) => getPlan(ctx.db, requirePrincipal(request), request.params.id, request.locale),
  );

  app.put(
    '/plans/:id',
    {
      schema: {
        tags: ['planning'],
        summary: '修改执法计划 Edit a draft (or returned) plan: title, period, entries (an entry with its id is changed in place, without is added, not listed is removed); 409 unless a draft',
        params: Type.Object({ id: Type.Integer() }),
        body: Type.Object({
          title: Type.Optional(Type.String({ maxLength: 200 })),
          period: Window,
          entries: Type.Array(
            Type.Object({
              id: Type.Optional(Type.Integer()),
              enterpriseId: Type.Integer(),
              window: Window,
              items: Type.Optional(Type.Array(Type.Integer(), { maxItems: 500 })),
              inspectorsNeeded: Type.Optional(Type.Integer({ minimum: 2, maximum: 20 })),
              requiredQualifications: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
            }),
            { maxItems: 20000 },
          ),
        }),
        response: { 200: Type.Ref('PlanDetail'), ...errorResponses },
      },
    },
    async (request) => updatePlan(ctx.db, requirePrincipal(request), request.params.id, request.body, ctx.now(), request.locale),
  );

  for (const action of ['submit', 'approve', 'publish', 'return'] as const) {
    app.post(
      `/plans/:id/${action}`,
      {
        schema: {
          tags: ['planning'],
          summary: {
            submit: '提交 Submit a draft (department inspector or head)',
            approve: '审批 Approve a submitted plan (department head or coordinator)',
            publish: '公示 Publish an approved plan (department head or coordinator)',
            return: '退回 Return a submitted/approved plan to draft with a note',
          }[action],
          params: Type.Object({ id: Type.Integer() }),
          ...(action === 'return' ? { body: Type.Object({ note: Type.Optional(Type.String({ maxLength: 1000 })) }) } : {}),
          response: { 200: Type.Ref('PlanDetail'), ...errorResponses },
        },
      },
      async (request) =>
        actOnPlan(ctx.db, requirePrincipal(request), request.params.id, action, (request.body as { note?: string } | undefined)?.note ?? null, ctx.now(), request.locale),
    );
  }

  app.get(
    '/public/plans',
    {
      config: { public: true },
      schema: {
        tags: ['planning'],
        summary: '执法计划公示 Published plans: enterprise names and months (no login)',
        security: [],
        querystring: Type.Object({
          regionCode: Type.Optional(Type.String({ maxLength: 12 })),
          year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
          page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
        }),
        response: { 200: PublicPlans, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return publicPlans(ctx.db, { ...q, page: q.page ?? 1, pageSize: q.pageSize ?? 10 });
    },
  );
};
