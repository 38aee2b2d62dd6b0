// One function per endpoint of the contract.
import { download, request } from './client.ts';
import type {
  AuditEntry,
  AuditVerify,
  DemoInfo,
  Department,
  Dictionaries,
  Enterprise,
  EnterpriseFilters,
  EnterpriseInput,
  EnterpriseQuery,
  EnterpriseSummary,
  HistoryEntry,
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
  },
  audit: {
    list: (q: { entityType?: string; entityId?: string; actor?: string; page?: number; pageSize?: number }) =>
      request<Paged<AuditEntry>>('/audit', { query: q }),
    verify: () => request<AuditVerify>('/audit/verify'),
  },
};
