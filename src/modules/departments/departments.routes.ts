import { Type, type Static } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requirePrincipal } from '../../http/context.ts';
import { errorResponses, Paged, Paging } from '../../http/schemas.ts';
import { listToXlsx, sendXlsx } from '../../http/xlsx.ts';
import { SUPERVISION_LINES } from '../../core/reference/lines.ts';
import { DEPARTMENT_LEVELS } from '../../core/reference/dictionaries.ts';
import { listDepartments, type Department } from './departments.repo.ts';

const DepartmentSchema = Type.Object({
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

const Filter = {
  regionCode: Type.Optional(Type.String({ maxLength: 12 })),
  line: Type.Optional(Type.String({ maxLength: 40 })),
  level: Type.Optional(Type.Union([Type.Literal('city'), Type.Literal('district'), Type.Literal('town')])),
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
};
const FilterSchema = Type.Object(Filter);

/** 部门 departments with their line (条线), level and region, within the user's region subtree. */
export const departmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/departments',
    {
      schema: {
        tags: ['departments'],
        summary: '部门 Departments in your region subtree',
        querystring: Type.Object({ ...Filter, ...Paging }),
        response: { 200: Paged(DepartmentSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const r = await listDepartments(app.ctx.db, requirePrincipal(request), filter, pageSize, (page - 1) * pageSize);
      return { ...r, page, pageSize };
    },
  );

  app.get(
    '/departments/export',
    { schema: { tags: ['departments'], summary: '导出部门 Export the filtered departments as .xlsx', querystring: FilterSchema } },
    async (request, reply) => {
      const filter: Static<typeof FilterSchema> = request.query;
      const { items } = await listDepartments(app.ctx.db, requirePrincipal(request), filter, 100_000, 0);
      const en = request.locale === 'en-US';
      const lineName = new Map(SUPERVISION_LINES.map((l) => [l.code as string, l.label[request.locale]]));
      const levelName = new Map(DEPARTMENT_LEVELS.map((l) => [l.code as string, l.label[request.locale]]));
      const body = await listToXlsx<Department>(en ? 'Departments' : '部门', [
        { header: en ? 'Code' : '编码', value: (d) => d.code, width: 18 },
        { header: en ? 'Name' : '名称', value: (d) => (en && d.nameEn ? d.nameEn : d.name), width: 32 },
        { header: en ? 'Line' : '条线', value: (d) => lineName.get(d.line) ?? d.line },
        { header: en ? 'Level' : '层级', value: (d) => levelName.get(d.level) ?? d.level },
        { header: en ? 'Region code' : '区划代码', value: (d) => d.regionCode },
        { header: en ? 'Region' : '所属区划', value: (d) => d.regionName },
        { header: en ? 'Inspectors' : '执法人员数', value: (d) => d.inspectorCount },
      ], items);
      return sendXlsx(reply, 'departments.xlsx', en ? 'departments.xlsx' : '部门.xlsx', body);
    },
  );
};
