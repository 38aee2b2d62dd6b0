// One function per endpoint of the contract.
import { download, request } from './client.ts';
import type {
  AuditEntry,
  AuditVerify,
  CollisionRun,
  CollisionRunInput,
  CollisionRunSummary,
  JobStatus,
  JointVisit,
  MoveResult,
  MyVisit,
  PlanAction,
  PlanCreateInput,
  PlanDetail,
  PlanExplain,
  PlanQuery,
  PlanSummary,
  Proposal,
  ProposalInput,
  PublicPlan,
  DemoInfo,
  Department,
  Dictionaries,
  Enterprise,
  Expert,
  Inspector,
  InspectorFilters,
  InspectorProfile,
  InspectorProfileInput,
  EnterpriseFilters,
  EnterpriseInput,
  EnterpriseQuery,
  EnterpriseSummary,
  HistoryEntry,
  HolidayItem,
  PlanUpdateInput,
  Job,
  Me,
  Paged,
  Region,
  RegionDetail,
  Role,
  User,
  UserInput,
} from './types.ts';

export { ApiError, download, request, setApiLocale, setUnauthorizedHandler } from './client.ts';
export type * from './types.ts';
export { ROLES } from './types.ts';

export const api = {
  auth: {
    login: (username: string, password: string) =>
      request<{ user: Me }>('/auth/login', { method: 'POST', body: { username, password }, noAuthRedirect: true }),
    logout: () => request<void>('/auth/logout', { method: 'POST', noAuthRedirect: true }),
    me: () => request<Me>('/auth/me', { noAuthRedirect: true }),
    changePassword: (oldPassword: string, newPassword: string) =>
      request<void>('/auth/password', { method: 'POST', body: { oldPassword, newPassword }, noAuthRedirect: true }),
  },
  demo: () => request<DemoInfo>('/demo', { noAuthRedirect: true }),
  dictionaries: () => request<Dictionaries>('/dictionaries'),
  regions: {
    children: (parent?: string) => request<Region[]>('/regions', { query: { parent } }),
    get: (code: string) => request<RegionDetail>(`/regions/${encodeURIComponent(code)}`),
  },
  departments: (q: { regionCode?: string; line?: string; level?: string; keyword?: string; page?: number; pageSize?: number }) =>
    request<Paged<Department>>('/departments', { query: q }),
  departmentsExport: (q: { regionCode?: string; line?: string; level?: string; keyword?: string }) =>
    download('/departments/export', q, 'departments.xlsx'),
  enterprises: {
    list: (q: EnterpriseQuery) => request<Paged<EnterpriseSummary>>('/enterprises', { query: q }),
    get: (id: number | string) => request<Enterprise>(`/enterprises/${id}`),
    create: (input: EnterpriseInput) => request<Enterprise>('/enterprises', { method: 'POST', body: input }),
    update: (id: number | string, input: EnterpriseInput & { version: number }) =>
      request<Enterprise>(`/enterprises/${id}`, { method: 'PUT', body: input }),
    history: (id: number | string) => request<HistoryEntry[]>(`/enterprises/${id}/history`),
    exportXlsx: (filters: EnterpriseFilters & { sort?: string; order?: string }) =>
      download('/enterprises/export', filters, 'enterprises.xlsx'),
    template: () => download('/enterprises/import/template', undefined, 'enterprise-import-template.xlsx'),
    import: (file: File, allowPartial: boolean) => {
      const fd = new FormData();
      fd.append('allowPartial', allowPartial ? 'true' : 'false');
      fd.append('file', file);
      return request<{ jobId: string }>('/enterprises/import', { method: 'POST', body: fd });
    },
  },
  job: (id: string) => request<Job>(`/jobs/${encodeURIComponent(id)}`),
  users: {
    list: (q: { keyword?: string; role?: Role | ''; regionCode?: string; page?: number; pageSize?: number }) =>
      request<Paged<User>>('/users', { query: q }),
    create: (input: UserInput) => request<User>('/users', { method: 'POST', body: input }),
    exportXlsx: (q: { keyword?: string; role?: Role | ''; regionCode?: string }) => download('/users/export', q, 'users.xlsx'),
  },
  audit: {
    list: (q: { entityType?: string; entityId?: string; actor?: string; page?: number; pageSize?: number }) =>
      request<Paged<AuditEntry>>('/audit', { query: q }),
    verify: () => request<AuditVerify>('/audit/verify'),
    exportXlsx: (q: { entityType?: string; entityId?: string; actor?: string }) => download('/audit/export', q, 'audit.xlsx'),
  },
  // 三级计划执法 planning
  planning: {
    propose: (input: ProposalInput) => request<Proposal>('/planning/proposals', { method: 'POST', body: input }),
    holidays: (year?: number) => request<{ items: HolidayItem[] }>('/planning/holidays', { query: { year } }),
    putHolidays: (year: number, items: HolidayItem[]) =>
      request<{ items: HolidayItem[] }>('/planning/holidays', { method: 'PUT', body: { year, items } }),
  },
  plans: {
    list: (q: PlanQuery) => request<Paged<PlanSummary>>('/plans', { query: q }),
    exportXlsx: (q: Omit<PlanQuery, 'page' | 'pageSize'>) => download('/plans/export', q, 'plans.xlsx'),
    get: (id: number | string) => request<PlanDetail>(`/plans/${id}`),
    create: (input: PlanCreateInput) => request<PlanDetail>('/plans', { method: 'POST', body: input }),
    update: (id: number, input: PlanUpdateInput) => request<PlanDetail>(`/plans/${id}`, { method: 'PUT', body: input }),
    act: (id: number, action: PlanAction, note?: string) =>
      request<PlanDetail>(`/plans/${id}/${action}`, { method: 'POST', body: note ? { note } : {} }),
  },
  /** 公示 no login needed */
  publicPlans: (q: { regionCode?: string; year?: number; page?: number; pageSize?: number }) =>
    request<Paged<PublicPlan>>('/public/plans', { query: q, noAuthRedirect: true }),
  // 联检碰撞 collision runs
  collision: {
    start: (input: CollisionRunInput) => request<{ jobId: string; runId: number }>('/collision-runs', { method: 'POST', body: input }),
    list: (q: { page?: number; pageSize?: number }) => request<Paged<CollisionRunSummary>>('/collision-runs', { query: q }),
    get: (id: number, q: { enterpriseId?: number; departmentId?: number; page?: number; pageSize?: number } = {}) =>
      request<CollisionRun>(`/collision-runs/${id}`, { query: q }),
    explain: (id: number, planId: string) =>
      request<PlanExplain>(`/collision-runs/${id}/plans/${encodeURIComponent(planId)}/explain`),
    move: (id: number, visitId: string, date: string) =>
      request<MoveResult>(`/collision-runs/${id}/visits/${encodeURIComponent(visitId)}/move`, { method: 'POST', body: { date } }),
    publish: (id: number) => request<{ id: number; status: string; visits: number }>(`/collision-runs/${id}/publish`, { method: 'POST' }),
    taskList: (id: number, department?: string) =>
      download(`/collision-runs/${id}/task-list.xlsx`, { department }, 'joint-tasks.xlsx'),
  },
  // 执法人员库 inspectors and 专家库 experts
  inspectors: {
    list: (q: InspectorFilters & { page?: number; pageSize?: number }) => request<Paged<Inspector>>('/inspectors', { query: q }),
    exportXlsx: (q: InspectorFilters) => download('/inspectors/export', q, 'inspectors.xlsx'),
    profile: (userId: number) => request<InspectorProfile>(`/inspectors/${userId}/profile`),
    updateProfile: (userId: number, input: InspectorProfileInput) =>
      request<InspectorProfile>(`/inspectors/${userId}/profile`, { method: 'PUT', body: input }),
  },
  experts: (q: { speciality?: string; keyword?: string; page?: number; pageSize?: number }) =>
    request<Paged<Expert>>('/experts', { query: q }),
  jobStatus: (id: string) => request<JobStatus>(`/jobs/${encodeURIComponent(id)}`),
  // 联合检查 published visits
  visits: {
    mine: (q: { from?: string; to?: string } = {}) => request<{ items: MyVisit[] }>('/my/visits', { query: q }),
    ofEnterprise: (id: number | string, q: { from?: string; to?: string } = {}) =>
      request<{ items: JointVisit[] }>(`/enterprises/${id}/visits`, { query: q }),
  },
};
