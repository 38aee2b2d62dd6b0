// Types of the API (its schemas are served as OpenAPI at /api/docs).

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
  /** The server stopped counting at `total`; more rows exist. */
  capped?: boolean;
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
  expertSpecialities: DictEntry[];
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

// ---- 三级计划执法 planning, 联检碰撞 collision runs, joint visits (issue 3) ----

export type PlanStatus = 'draft' | 'submitted' | 'approved' | 'published';
export type PlanAction = 'submit' | 'approve' | 'publish' | 'return';
export type DeptLevel = 'city' | 'district' | 'town';

export interface DateWindow {
  start: string;
  end: string;
}

/** A reason code with its parameters and the server's text in the request language. */
export interface PlanReason {
  code: string;
  params: Record<string, string | number>;
  text: string;
}

export interface ItemRef {
  id: number;
  code: string;
  version: number;
  text: string;
  majorHazard: boolean; // 重大隐患判定
}

export interface PlanDraw {
  algorithm: string;
  seed: string;
  rate: number;
  poolSize: number;
  count: number;
  drawn: number[];
}

export interface PlanSummary {
  id: number;
  title: string;
  department: { id: number; code: string; name: string };
  regionCode: string;
  regionName: string;
  line: string;
  level: string;
  period: DateWindow;
  status: PlanStatus | string;
  entryCount: number;
  returnNote: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface PlanEntry {
  id: number;
  collisionId: string;
  enterpriseId: number;
  enterpriseName: string;
  uscc: string;
  regionCode: string;
  industryDomain: string;
  window: DateWindow;
  items: ItemRef[];
  inspectorsNeeded: number;
  requiredQualifications: string[];
  selection: string;
  reasons: PlanReason[];
}

export interface PlanDetail extends PlanSummary {
  draw: PlanDraw | null;
  entries: PlanEntry[];
}

/** PUT /plans/:id — an entry with its id changes in place, without is added, one not listed is removed. */
export interface PlanUpdateEntry {
  id?: number;
  enterpriseId: number;
  window: DateWindow;
  items?: number[];
  inspectorsNeeded?: number;
  requiredQualifications?: string[];
}

export interface PlanUpdateInput {
  title?: string;
  period: DateWindow;
  entries: PlanUpdateEntry[];
}

// 节假日安排 holiday calendar: public holidays and adjusted working days (调休上班)
export type HolidayKind = 'holiday' | 'workday';
export interface HolidayItem {
  date: string;
  kind: HolidayKind;
  name: string;
}

export interface PlanQuery {
  status?: PlanStatus;
  departmentId?: number;
  level?: DeptLevel;
  line?: string;
  regionCode?: string;
  year?: number;
  page?: number;
  pageSize?: number;
}

export interface ProposalInput {
  departmentId: number;
  regionCode?: string;
  period: DateWindow;
  seed: string | number;
  samplingRate?: number;
  rules?: { accidentYears?: number; quietYears?: number };
}

export interface ProposalEntry {
  enterpriseId: number;
  enterpriseName: string;
  uscc: string;
  regionCode: string;
  industryDomain: string;
  riskLevel: string;
  creditGrade: string;
  standardizationLevel: string;
  selection: 'listed' | 'sampled'; // 重点名单 / 双随机抽取
  reasons: PlanReason[];
  timesPerYear: number;
  windows: DateWindow[];
  items: number[];
  inspectorsNeeded: number;
  requiredQualifications: string[];
}

export interface Proposal {
  department: { id: number; code: string; name: string; line: string; level: string; regionCode: string };
  regionCode: string;
  period: DateWindow;
  rules: { accidentYears: number; quietYears: number; revocationYears: number; keyDomains: string[] };
  draw: PlanDraw;
  counts: { candidates: number; listed: number; pool: number; drawn: number; held: number; entries: number };
  entries: ProposalEntry[];
  held: {
    enterpriseId: number;
    enterpriseName: string;
    kind: string;
    heldBy: { planId: number; entryId: number; departmentId: number; departmentName: string; level: string; window: DateWindow };
  }[];
}

export interface PlanCreateInput {
  departmentId: number;
  regionCode?: string;
  title?: string;
  period: DateWindow;
  draw?: { seed: string | number; samplingRate: number; rules?: { accidentYears?: number; quietYears?: number } };
  entries: { enterpriseId: number; window: DateWindow; items?: number[]; inspectorsNeeded?: number; requiredQualifications?: string[] }[];
}

export interface PublicPlan {
  id: number;
  title: string;
  departmentName: string;
  level: string;
  regionCode: string;
  regionName: string;
  period: DateWindow;
  publishedAt: string | null;
  entries: { enterpriseName: string; months: string[] }[];
}

export interface CollisionStats {
  plans: number;
  dropped: number; // 三级去重
  scheduled: number;
  unscheduled: number;
  visits: number;
  visitsSaved: number; // 减少的入企次数
  lowerBound: number;
}

export interface RunDept {
  id: number;
  code: string;
  name: string;
  line: string;
  level: string;
}

export interface RunEnterprise {
  id: number;
  name: string;
  uscc: string;
  regionCode: string;
  address: string;
}

export interface RunPlanRef {
  id: string;
  entryId: number;
  department: RunDept;
  window: DateWindow;
  items: ItemRef[];
}

export interface RunVisit {
  id: string;
  date: string;
  enterprise: RunEnterprise;
  plans: RunPlanRef[];
  teams: { department: RunDept; inspectors: { userId: number; name: string }[] }[];
}

export interface CollisionRunSummary {
  id: number;
  regionCode: string;
  regionName: string;
  period: DateWindow;
  seed: number;
  status: string;
  jobId: string | null;
  stats: CollisionStats | null;
  error: string | null;
  createdAt: string;
  publishedAt: string | null;
}

export interface CollisionRun extends CollisionRunSummary {
  visitsTotal: number;
  visits: RunVisit[];
  dropped: { plan: RunPlanRef; enterprise: RunEnterprise; reason: string; keptPlan: RunPlanRef; explanation: string }[];
  unscheduled: { plan: RunPlanRef; enterprise: RunEnterprise; reason: string; explanation: string }[];
}

export interface CollisionRunInput {
  regionCode: string;
  start: string;
  end: string;
  seed?: number;
  holidays?: string[];
}

export interface PlanExplain {
  plan: string;
  status: string;
  reason: string | null;
  keptPlan: string | null;
  explanation: unknown;
  text: string;
}

export interface Violation {
  rule: string;
  message: string;
  visit?: string;
  plan?: string;
  inspector?: string;
}

export interface MoveResult {
  applied: boolean;
  violations: Violation[];
  restaffed: string[];
  visit: RunVisit;
}

export interface JobStatus {
  id: string;
  kind: string;
  status: 'running' | 'done' | 'failed' | string;
  progress: { done: number; total: number; phase?: string };
  result?: unknown;
  error?: { code: string; message: string };
}

/** A published joint visit (联合检查) as the inspector and the enterprise see it. */
export interface JointVisit {
  id: number;
  code: string;
  runId: number;
  date: string;
  enterprise: {
    id: number;
    name: string;
    uscc: string;
    address: string;
    regionCode: string;
    safetyOfficer: string;
    safetyOfficerPhone: string;
  };
  departments: {
    id: number;
    name: string;
    line: string;
    level: string;
    inspectors: { userId: number; name: string }[];
    items: ItemRef[];
  }[];
  plans: { entryId: number; collisionId: string; departmentId: number; window: DateWindow }[];
  documents: { key: string; label: string }[]; // 需准备的资料
}

export interface MyVisit extends JointVisit {
  myDepartmentId: number | null;
}

// 执法人员库 inspectors and 专家库 experts (src/modules/inspectors/inspectors.routes.ts)
export interface Inspector {
  userId: number;
  username: string;
  name: string;
  role: string;
  regionCode: string;
  department: { id: number; code: string; name: string; line: string; level: string } | null;
  certificateNo: string;
  /** industry-domain codes (dictionaries industryDomains) */
  qualifications: string[];
  dailyCapacity: number;
  /** YYYY-MM-DD days the inspector cannot go out */
  unavailable: string[];
  /** 回避 enterprise ids */
  conflicts: number[];
}

export interface InspectorProfile extends Inspector {
  conflictEnterprises: { id: number; name: string }[];
}

export interface InspectorFilters {
  departmentId?: number;
  regionCode?: string;
  keyword?: string;
  qualification?: string;
}

export interface InspectorProfileInput {
  certificateNo?: string;
  qualifications?: string[];
  dailyCapacity?: number;
  unavailable?: string[];
  conflicts?: number[];
}

export interface Expert {
  id: number;
  name: string;
  userId: number | null;
  regionCode: string;
  regionName: string;
  title: string;
  employer: string;
  phone: string;
  specialities: string[];
}
