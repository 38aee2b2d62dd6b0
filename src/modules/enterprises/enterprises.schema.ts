import { Type } from 'typebox';
import { Nullable, Paging } from '../../http/schemas.ts';
import { SORTS } from './enterprises.repo.ts';

const Brief = Type.Object({ id: Type.Integer(), name: Type.String(), uscc: Type.String() });

export const EnterpriseSummary = Type.Object(
  {
    id: Type.Integer(),
    uscc: Type.String({ description: '统一社会信用代码 (GB 32100)' }),
    name: Type.String(),
    regionCode: Type.String(),
    regionName: Type.String(),
    industryDomain: Type.String({ description: '行业领域 code (see /dictionaries)' }),
    industryCode: Nullable(Type.String({ description: 'GB/T 4754-2017 code, e.g. C2614' })),
    employees: Type.Integer(),
    labourIntensive: Type.Boolean(),
    keyEnterprise: Type.Boolean(),
    standardizationLevel: Type.String(),
    riskLevel: Type.String(),
    creditGrade: Type.String(),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'EnterpriseSummary' },
);

export const Enterprise = Type.Object(
  {
    ...EnterpriseSummary.properties,
    address: Type.String(),
    legalRepresentative: Type.String(),
    legalRepresentativePhone: Type.String(),
    safetyOfficer: Type.String(),
    safetyOfficerPhone: Type.String(),
    smallVenueCategory: Nullable(Type.String()),
    landlord: Nullable(Brief),
    tenants: Type.Array(Brief),
    regionPath: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
    createdAt: Type.String({ format: 'date-time' }),
    version: Type.Integer(),
  },
  { $id: 'Enterprise' },
);

const Str = (max: number) => Type.String({ maxLength: max });

export const EnterpriseInputSchema = Type.Object({
  uscc: Type.String({ maxLength: 40, description: '统一社会信用代码' }),
  name: Str(400),
  regionCode: Str(12),
  address: Type.Optional(Str(600)),
  industryDomain: Str(40),
  industryCode: Type.Optional(Nullable(Str(10))),
  employees: Type.Optional(Type.Integer({ minimum: 0 })),
  labourIntensive: Type.Optional(Type.Boolean()),
  keyEnterprise: Type.Optional(Type.Boolean()),
  standardizationLevel: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('2'), Type.Literal('3'), Type.Literal('none')])),
  riskLevel: Type.Union([Type.Literal('red'), Type.Literal('orange'), Type.Literal('yellow'), Type.Literal('blue')]),
  creditGrade: Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C'), Type.Literal('D')]),
  legalRepresentative: Type.Optional(Str(100)),
  legalRepresentativePhone: Type.Optional(Str(40)),
  safetyOfficer: Type.Optional(Str(100)),
  safetyOfficerPhone: Type.Optional(Str(40)),
  smallVenueCategory: Type.Optional(Nullable(Str(40))),
  landlordUscc: Type.Optional(Nullable(Str(40))),
});

export const EnterpriseUpdateSchema = Type.Object({ ...EnterpriseInputSchema.properties, version: Type.Integer({ minimum: 1 }) });

export const ListFilterQuery = {
  keyword: Type.Optional(Type.String({ maxLength: 100, description: '名称（中文模糊，空格分词）或信用代码前缀' })),
  regionCode: Type.Optional(Type.String({ maxLength: 12, description: '行政区划（含下级）' })),
  industryDomain: Type.Optional(Type.String({ maxLength: 40 })),
  riskLevel: Type.Optional(Type.Union([Type.Literal('red'), Type.Literal('orange'), Type.Literal('yellow'), Type.Literal('blue')])),
  creditGrade: Type.Optional(Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C'), Type.Literal('D')])),
  standardizationLevel: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('2'), Type.Literal('3'), Type.Literal('none')])),
  keyEnterprise: Type.Optional(Type.Boolean()),
  labourIntensive: Type.Optional(Type.Boolean()),
};

export const ListQuerySchema = Type.Object({
  ...ListFilterQuery,
  ...Paging,
  sort: Type.Optional(Type.Union(Object.keys(SORTS).map((k) => Type.Literal(k)), { default: 'name' })),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'asc' })),
});

export const ExportQuerySchema = Type.Object(ListFilterQuery);
