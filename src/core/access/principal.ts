/**
 * 数据范围 data scope. Every query of every endpoint is filtered by it, in the repositories:
 * the user's region subtree; for department users also their supervision line (条线);
 * an enterprise officer sees only their own enterprise.
 */
import { ROLE_CODES, type RoleCode } from '../reference/dictionaries.ts';

/** admin 系统管理员 · coordinator 安委办 · dept_head 部门负责人 · inspector 执法人员 · expert 专家 · grid_worker 网格员 · enterprise_officer 企业安全员 */
export type Role = RoleCode;
export const ROLES: readonly Role[] = ROLE_CODES;

export interface Principal {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  departmentId: number | null;
  line: string | null;
  enterpriseId: number | null;
}

export interface Scope {
  /** Region codes of the subtree all start with this prefix (GB/T 2260 is hierarchical). */
  regionPrefix: string;
  /** Industry domains the user's line supervises; null = every domain. */
  domains: readonly string[] | null;
  /** Set for an enterprise officer: the only enterprise they may see. */
  enterpriseId: number | null;
}

/** The prefix shared by every code in a region's subtree: 32 / 3201 / 320102 / 320102001. */
export function regionPrefix(code: string): string {
  if (code.length === 9) return code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export function inRegionScope(scope: Pick<Scope, 'regionPrefix'>, regionCode: string): boolean {
  return regionCode.startsWith(scope.regionPrefix);
}
