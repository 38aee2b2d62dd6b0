import { one, sql, type Db } from '../../db/client.ts';
import { ROLES, inRegionScope, regionPrefix, type Principal, type Role } from '../../core/access/principal.ts';
import { regionByCode } from '../../core/reference/regions.ts';
import { AppError, forbidden, invalid, type FieldIssue } from '../../http/errors.ts';
import { appendAudit, type Actor } from '../audit/audit.repo.ts';
import { hashPassword, passwordProblem } from '../auth/password.ts';

export interface CreateUserInput {
  username: string;
  displayName?: string;
  password: string;
  role: Role;
  regionCode: string;
  departmentId?: number | null;
  enterpriseUscc?: string | null;
}

const DEPARTMENT_ROLES: ReadonlySet<Role> = new Set(['dept_head', 'inspector']);

/**
 * Creates a user (admin page and `anjian user add`). `by` is the admin doing it, or null for the command line
 * (the operator of the machine). Department roles need a department; an enterprise officer needs an enterprise.
 */
export async function createUser(opts: { db: Db; by: Principal | null; input: CreateUserInput; now: Date; passwordHash?: string }) {
  const { db, by, input, now } = opts;
  if (by && by.role !== 'admin') throw forbidden();
  const issues: FieldIssue[] = [];
  if (!/^[A-Za-z0-9_.-]{2,64}$/.test(input.username)) issues.push({ field: 'username', key: 'field.invalid' });
  if (!ROLES.includes(input.role)) issues.push({ field: 'role', key: 'field.enum', params: { values: ROLES.join(', ') } });
  const region = regionByCode(input.regionCode);
  if (!region) issues.push({ field: 'regionCode', key: 'region.unknown', params: { code: input.regionCode } });
  else if (by && !inRegionScope({ regionPrefix: regionPrefix(by.regionCode) }, input.regionCode)) {
    issues.push({ field: 'regionCode', key: 'region.out_of_scope', params: { code: input.regionCode } });
  }
  if (!opts.passwordHash) {
    const problem = passwordProblem(input.password);
    if (problem) issues.push({ field: 'password', key: problem, params: { min: 8 } });
  }
  let departmentId: number | null = null;
  if (DEPARTMENT_ROLES.has(input.role) || input.departmentId) {
    if (!input.departmentId) issues.push({ field: 'departmentId', key: 'user.role_needs_department' });
    else {
      const d = await one<{ id: number; region_code: string }>(db, sql`SELECT id, region_code FROM departments WHERE id = ${input.departmentId}`);
      if (!d) issues.push({ field: 'departmentId', key: 'department.unknown' });
      else departmentId = d.id;
    }
  }
  let enterpriseId: number | null = null;
  if (input.role === 'enterprise_officer') {
    if (!input.enterpriseUscc) issues.push({ field: 'enterpriseUscc', key: 'user.role_needs_enterprise' });
    else {
      const e = await one<{ id: number; region_code: string }>(db, sql`SELECT id, region_code FROM enterprises WHERE uscc = ${input.enterpriseUscc.toUpperCase()}`);
      if (!e) issues.push({ field: 'enterpriseUscc', key: 'enterprise.unknown' });
      else enterpriseId = e.id;
    }
  }
  if (await one(db, sql`SELECT 1 FROM users WHERE username = ${input.username}`)) issues.push({ field: 'username', key: 'user.exists' });
  if (issues.length) throw invalid(issues);
  const hash = opts.passwordHash ?? (await hashPassword(input.password));
  const actor: Actor = by ? { id: by.userId, name: by.username } : { id: null, name: 'cli' };
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const row = await one<{ id: number }>(
      tx,
      sql`INSERT INTO users (username, display_name, password_hash, role, region_code, department_id, enterprise_id, created_at, updated_at)
        VALUES (${input.username}, ${input.displayName?.trim() || input.username}, ${hash}, ${input.role}, ${input.regionCode},
          ${departmentId}, ${enterpriseId}, ${now.toISOString()}, ${now.toISOString()}) RETURNING id`,
    );
    if (!row) throw new AppError(500, 'error.internal');
    await appendAudit(tx, actor, [
      {
        action: 'create',
        entityType: 'user',
        entityId: row.id,
        after: { username: input.username, role: input.role, regionCode: input.regionCode, departmentId, enterpriseId },
      },
    ], now);
    return row.id;
  });
}
