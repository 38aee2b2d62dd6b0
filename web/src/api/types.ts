// Types mirroring /work/notes/api-contract.md (issue 2 scope).

export type Role =
  | 'admin' // 系统管理员
  | 'coordinator' // 安委办
  | 'dept_head' // 部门负责人
  | 'inspector' // 执法人员
  | 'expert' // 专家
  | 'grid_worker' // 网格员
  | 'enterprise_officer'; // 企业安全员

export const ROLES: readonly Role[] = [
  'admin',
  'coordinator',
  'dept_head',
  'inspector',
  'expert',
  'grid_worker',
  'enterprise_officer',
];

export interface ErrorDetail {
  row?: number;
  field: string;
  message: string;
}

export interface ErrorBody {
  code: string;
  message: string;
  details: ErrorDetail[];
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName: string;
  departmentId: number | null;
  departmentName: string | null;
  enterpriseId: number | null;
  enterpriseName: string | null;
  line: string | null;
  mustChangePassword: boolean;
}

export interface DemoInfo {
  demo: boolean;
  password?: string;
  accounts: { username: string; role: Role; displayName: string; regionName: string }[];
}

export interface DictEntry {
  code: string;
  zh: string;
  en: string;
}

export type RiskLevel = 'red' | 'orange' | 'yellow' | 'blue'; // 红橙黄蓝 四色
export type StandardizationLevel = '1' | '2' | '3' | 'none'; // 安全生产标准化等级

export interface Dictionaries {
  industryDomains: DictEntry[];
  riskLevels: (DictEntry & { code: RiskLevel; color: string })[];
  creditGrades: DictEntry[];
  standardizationLevels: (DictEntry & { code: StandardizationLevel })[];
  smallVenueCategories: DictEntry[];
  lines: DictEntry[];
  roles: (DictEntry & { code: Role })[];
  departmentLevels: (DictEntry & { code: 'city' | 'district' | 'town' })[];
}

export type RegionLevel = 'province' | 'city' | 'county' | 'town';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parent: string | null;
  hasChildren: boolean;
}

export interface RegionRef {
  code: string;
  name: string;
}

export interface RegionDetail {
  code: string;
  name: string;
  level: RegionLevel;
  parent: string | null;
  path: RegionRef[];
}

export interface Department {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  line: string;
  level: 'city' | 'district' | 'town';
  regionCode: string;
  regionName: string;
  inspectorCount: number;
}

export interface EnterpriseSummary {
  id: number;
  uscc: string;
  name: string;
  regionCode: string;
  regionName: string;
  industryDomain: string;
  industryCode: string | null;
  employees: number;
  labourIntensive: boolean; // 劳动密集型
  keyEnterprise: boolean; // 重点企业
  standardizationLevel: StandardizationLevel;
  riskLevel: RiskLevel;
  creditGrade: string;
  updatedAt: string;
}

export interface EnterpriseRef {
  id: number;
  name: string;
  uscc: string;
}

export interface Enterprise extends EnterpriseSummary {
  address: string;
  legalRepresentative: string;
  legalRepresentativePhone: string;
  safetyOfficer: string;
  safetyOfficerPhone: string;
  smallVenueCategory: string | null;
  landlord: EnterpriseRef | null; // 厂中厂 出租方
  tenants: EnterpriseRef[]; // 厂中厂 承租方
  regionPath: RegionRef[];
  createdAt: string;
  version: number;
}

export interface EnterpriseInput {
  uscc: string;
  name: string;
  regionCode: string;
  address: string;
  industryDomain: string;
  industryCode?: string;
  employees: number;
  labourIntensive: boolean;
  keyEnterprise: boolean;
  standardizationLevel: StandardizationLevel;
  riskLevel: RiskLevel;
  creditGrade: string;
  legalRepresentative: string;
  legalRepresentativePhone: string;
  safetyOfficer: string;
  safetyOfficerPhone: string;
  smallVenueCategory?: string;
  landlordUscc?: string;
}

export type EnterpriseSort =
  | 'name'
  | 'uscc'
  | 'regionCode'
  | 'riskLevel'
  | 'creditGrade'
  | 'employees'
  | 'updatedAt';

export interface EnterpriseFilters {
  keyword?: string;
  regionCode?: string;
  industryDomain?: string;
  riskLevel?: string;
  creditGrade?: string;
  standardizationLevel?: string;
  keyEnterprise?: 'true' | 'false';
  labourIntensive?: 'true' | 'false';
}

export interface EnterpriseQuery extends EnterpriseFilters {
  page?: number;
  pageSize?: number;
  sort?: EnterpriseSort;
  order?: 'asc' | 'desc';
}

export interface HistoryEntry {
  id: number;
  at: string;
  actor: { id: number; username: string; displayName: string };
  action: 'create' | 'update' | 'import';
  before: unknown;
  after: unknown;
  changes: { field: string; before: unknown; after: unknown }[];
}

export interface ImportResult {
  total: number;
  created: number;
  updated: number;
  skipped: number;
  written: boolean;
  errors: { row: number; field: string; message: string }[];
}

export interface Job {
  id: string;
  kind: 'import';
  status: 'running' | 'done' | 'failed';
  progress: { done: number; total: number };
  result?: ImportResult;
  error?: { code: string; message: string };
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName: string;
  departmentId: number | null;
  departmentName: string | null;
  enterpriseId: number | null;
  enterpriseName: string | null;
  lockedUntil: string | null;
  createdAt: string;
}

export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  regionCode: string;
  departmentId?: number;
  enterpriseUscc?: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string | { id?: number; username: string; displayName?: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  hash: string;
}

export interface AuditVerify {
  ok: boolean;
  count: number;
  firstBad?: { seq: number; reason: string };
}

export interface Health {
  status: 'ok';
  database: 'pglite' | 'postgres';
  version: string;
}
