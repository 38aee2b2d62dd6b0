/**
 * A small, hand-made world for API tests: two cities, departments of two lines, enterprises inside and outside
 * each user's scope, and one user per role (plus "outsiders" to try user A's session on user B's data).
 */
import { rows, sql, type Db } from '../../src/db/client.ts';
import { hashPassword } from '../../src/modules/auth/password.ts';
import { upsertMany } from '../../src/modules/enterprises/enterprises.repo.ts';
import type { EnterpriseInput } from '../../src/core/registry/enterprise.ts';
import { computeUsccCheck } from '../../src/core/codes/uscc.ts';
import type { Role } from '../../src/core/access/principal.ts';
import { PASSWORD } from './harness.ts';

export function uscc(region6: string, body: string): string {
  const first17 = `91${region6}${body.padEnd(9, '0').slice(0, 9)}`;
  return first17 + computeUsccCheck(first17);
}

export function enterprise(over: Partial<EnterpriseInput> & { uscc: string; name: string; regionCode: string }): EnterpriseInput {
  return {
    address: '测试路1号',
    industryDomain: 'hazchem',
    industryCode: 'C2614',
    employees: 50,
    labourIntensive: false,
    keyEnterprise: false,
    standardizationLevel: '2',
    riskLevel: 'yellow',
    creditGrade: 'B',
    legalRepresentative: '张三',
    legalRepresentativePhone: '13800000000',
    safetyOfficer: '李四',
    safetyOfficerPhone: '13900000000',
    smallVenueCategory: null,
    landlordUscc: null,
    ...over,
  };
}

export interface Fixture {
  /**
   * jiangningTenant rents premises of jiangningChem (厂中厂) in the same town (320115001): the enterprise officer of
   * jiangningChem shares the town with it but must not see it.
   */
  enterprises: Record<
    'jiangningChem' | 'jiangningMachine' | 'xuanwuShop' | 'suzhouChem' | 'jiangningConstruction' | 'jiangningTenant',
    { id: number; uscc: string }
  >;
  users: Record<string, { id: number; username: string; role: Role }>;
  departments: Record<string, number>;
}

export async function seedFixture(db: Db, now: Date): Promise<Fixture> {
  const hash = await hashPassword(PASSWORD);
  const depts = [
    ['D-yj-320100', '南京市应急管理局', 'emergency', 'city', '320100'],
    ['D-yj-320115', '江宁区应急管理局', 'emergency', 'district', '320115'],
    ['D-zj-320115', '江宁区住房和城乡建设局', 'housing', 'district', '320115'],
    ['D-yj-320500', '苏州市应急管理局', 'emergency', 'city', '320500'],
  ] as const;
  await db.execute(sql`INSERT INTO departments (code, name, name_en, line, level, region_code) VALUES ${sql.join(
    depts.map(([c, n, l, lv, r]) => sql`(${c}, ${n}, ${c}, ${l}, ${lv}, ${r})`),
    sql`, `,
  )}`);
  const deptRows = await rows<{ id: number; code: string }>(db, sql`SELECT id, code FROM departments`);
  const departments = Object.fromEntries(deptRows.map((d) => [d.code, d.id]));

  const list = {
    jiangningChem: enterprise({ uscc: uscc('320115', 'MA1000001'), name: '南京江宁测试化工有限公司', regionCode: '320115001', riskLevel: 'red', keyEnterprise: true }),
    jiangningMachine: enterprise({ uscc: uscc('320115', 'MA1000002'), name: '南京江宁精密机械有限公司', regionCode: '320115002', industryDomain: 'machinery', industryCode: 'C3484', riskLevel: 'blue', creditGrade: 'A' }),
    jiangningConstruction: enterprise({ uscc: uscc('320115', 'MA1000003'), name: '南京江宁建设工程有限公司', regionCode: '320115003', industryDomain: 'construction', industryCode: 'E4710' }),
    xuanwuShop: enterprise({ uscc: uscc('320102', 'MA1000004'), name: '南京玄武便民超市', regionCode: '320102002', industryDomain: 'commerce', industryCode: 'F5212', smallVenueCategory: 'retail', riskLevel: 'blue' }),
    suzhouChem: enterprise({ uscc: uscc('320505', 'MA1000005'), name: '苏州虎丘测试化工有限公司', regionCode: '320505001', riskLevel: 'orange' }),
  };
  const res = await upsertMany(db, Object.values(list).map((input) => ({ input, landlordId: null })), now);
  const idOf = new Map(res.map((r) => [r.uscc, r.id]));
  // 厂中厂: a tenant on the premises of jiangningChem.
  const tenant = enterprise({
    uscc: uscc('320115', 'MA1000006'),
    name: '南京江宁承租包装有限公司',
    regionCode: '320115001',
    industryDomain: 'light_industry',
    industryCode: 'C2231',
    landlordUscc: list.jiangningChem.uscc,
  });
  const [tenantRow] = await upsertMany(db, [{ input: tenant, landlordId: idOf.get(list.jiangningChem.uscc)! }], now);
  idOf.set(tenant.uscc, tenantRow!.id);
  const enterprises = Object.fromEntries(
    Object.entries({ ...list, jiangningTenant: tenant }).map(([k, e]) => [k, { id: idOf.get(e.uscc)!, uscc: e.uscc }]),
  ) as Fixture['enterprises'];

  const users: [string, Role, string, string | null, number | null][] = [
    ['admin', 'admin', '320000', null, null],
    ['coordinator', 'coordinator', '320100', null, null],
    ['coordinatorSuzhou', 'coordinator', '320500', null, null],
    ['depthead', 'dept_head', '320100', 'D-yj-320100', null],
    ['inspector', 'inspector', '320115', 'D-yj-320115', null],
    ['inspectorHousing', 'inspector', '320115', 'D-zj-320115', null],
    ['inspectorSuzhou', 'inspector', '320500', 'D-yj-320500', null],
    ['expert', 'expert', '320100', null, null],
    ['grid', 'grid_worker', '320115001', null, null],
    ['enterprise', 'enterprise_officer', '320115001', null, enterprises.jiangningChem.id],
    ['enterpriseOther', 'enterprise_officer', '320505001', null, enterprises.suzhouChem.id],
  ];
  await db.execute(sql`INSERT INTO users (username, display_name, password_hash, role, region_code, department_id, enterprise_id) VALUES ${sql.join(
    users.map(([u, role, region, dept, ent]) => sql`(${u}, ${u}, ${hash}, ${role}, ${region}, ${dept ? departments[dept]! : null}, ${ent})`),
    sql`, `,
  )}`);
  const userRows = await rows<{ id: number; username: string; role: Role }>(db, sql`SELECT id, username, role FROM users`);
  return { enterprises, users: Object.fromEntries(userRows.map((u) => [u.username, u])), departments };
}
