import { listToXlsx, sendXlsx } from '../../http/xlsx.ts';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../http/context.ts';
import { errorResponses, Nullable, Paged, Paging } from '../../http/schemas.ts';
import { getProfile, listExperts, listInspectors, updateProfile } from './inspectors.service.ts';

const InspectorFields = {
  userId: Type.Integer(),
  username: Type.String(),
  name: Type.String(),
  role: Type.String(),
  regionCode: Type.String(),
  department: Nullable(Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), line: Type.String(), level: Type.String() })),
  certificateNo: Type.String(),
  qualifications: Type.Array(Type.String()),
  dailyCapacity: Type.Integer(),
  unavailable: Type.Array(Type.String()),
  conflicts: Type.Array(Type.Integer()),
};
const Inspector = Type.Object(InspectorFields, { $id: 'Inspector' });
const Profile = Type.Object(
  { ...InspectorFields, conflictEnterprises: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })) },
  { $id: 'InspectorProfile' },
);
const Expert = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  userId: Nullable(Type.Integer()),
  regionCode: Type.String(),
  regionName: Type.String(),
  title: Type.String(),
  employer: Type.String(),
  phone: Type.String(),
  specialities: Type.Array(Type.String()),
});

/** 执法人员库 and 专家库. */
/** The filters of the inspectors list and of its export. */
const InspectorFilter = {
  departmentId: Type.Optional(Type.Integer()),
  regionCode: Type.Optional(Type.String({ maxLength: 12 })),
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
  qualification: Type.Optional(Type.String({ maxLength: 40 })),
};

export const inspectorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ctx } = app;
  app.addSchema(Inspector);
  app.addSchema(Profile);

  app.get(
    '/inspectors',
    {
      schema: {
        tags: ['planning'],
        summary: '执法人员库 Inspectors in your scope, with their profiles',
        querystring: Type.Object({ ...InspectorFilter, ...Paging }),
        response: { 200: Paged(Type.Ref('Inspector')), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return listInspectors(ctx.db, requirePrincipal(request), { ...q, page: q.page ?? 1, pageSize: q.pageSize ?? 20 });
    },
  );

  app.get(
    '/inspectors/export',
    {
      schema: {
        tags: ['planning'],
        summary: '导出执法人员库 Export the filtered inspectors as .xlsx',
        querystring: Type.Object(InspectorFilter),
      },
    },
    async (request, reply) => {
      const { items } = await listInspectors(ctx.db, requirePrincipal(request), { ...request.query, page: 1, pageSize: 100_000 });
      const en = request.locale === 'en-US';
      const body = await listToXlsx<(typeof items)[number]>(en ? 'Inspectors' : '执法人员', [
        { header: en ? 'Name' : '姓名', value: (x) => x.name },
        { header: en ? 'Username' : '用户名', value: (x) => x.username },
        { header: en ? 'Department' : '部门', value: (x) => x.department?.name ?? '', width: 28 },
        { header: en ? 'Certificate no.' : '执法证号', value: (x) => x.certificateNo, width: 20 },
        { header: en ? 'Qualifications' : '资格', value: (x) => x.qualifications.join(en ? ', ' : '、'), width: 28 },
        { header: en ? 'Visits per day' : '每日检查上限', value: (x) => x.dailyCapacity },
        { header: en ? 'Unavailable days' : '不在岗日期', value: (x) => x.unavailable.join(', '), width: 28 },
      ], items);
      return sendXlsx(reply, 'inspectors.xlsx', en ? 'inspectors.xlsx' : '执法人员.xlsx', body);
    },
  );

  app.get(
    '/inspectors/:userId/profile',
    {
      schema: {
        tags: ['planning'],
        summary: '执法人员档案 Inspector profile: certificate, qualifications, capacity, unavailable days, conflicts (回避)',
        params: Type.Object({ userId: Type.Integer() }),
        response: { 200: Type.Ref('InspectorProfile'), ...errorResponses },
      },
    },
    async (request) => getProfile(ctx.db, requirePrincipal(request), request.params.userId),
  );

  app.put(
    '/inspectors/:userId/profile',
    {
      schema: {
        tags: ['planning'],
        summary: '修改执法人员档案 Edit a profile (the inspector may set own unavailable days and conflicts)',
        params: Type.Object({ userId: Type.Integer() }),
        body: Type.Object({
          certificateNo: Type.Optional(Type.String({ maxLength: 40 })),
          qualifications: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 50 })),
          dailyCapacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
          unavailable: Type.Optional(Type.Array(Type.String({ maxLength: 10 }), { maxItems: 400 })),
          conflicts: Type.Optional(Type.Array(Type.Integer(), { maxItems: 500 })),
        }),
        response: { 200: Type.Ref('InspectorProfile'), ...errorResponses },
      },
    },
    async (request) => updateProfile(ctx.db, requirePrincipal(request), request.params.userId, request.body, ctx.now()),
  );

  app.get(
    '/experts',
    {
      schema: {
        tags: ['planning'],
        summary: '专家库 Experts of your region (and the province)',
        querystring: Type.Object({
          speciality: Type.Optional(Type.String({ maxLength: 40 })),
          keyword: Type.Optional(Type.String({ maxLength: 50 })),
          ...Paging,
        }),
        response: { 200: Paged(Expert), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return listExperts(ctx.db, requirePrincipal(request), { ...q, page: q.page ?? 1, pageSize: q.pageSize ?? 20 });
    },
  );
};
