import { one, rows, sql, type Db } from '../db/client.ts';
import {
  demoDepartments,
  demoDepartmentsFor,
  demoEnterprises,
  demoInspectors,
  type DemoDepartment,
} from '../core/demo/index.ts';
import type { Role } from '../core/access/principal.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { appendAudit } from '../modules/audit/audit.repo.ts';
import { upsertMany } from '../modules/enterprises/enterprises.repo.ts';
import { setSetting, type DemoSetting } from '../modules/settings/settings.repo.ts';
import { loadRegions } from './reference.ts';
import { seedPlanning } from './planning.ts';
import { seedInspections } from './inspections.ts';

export const DEMO_PASSWORD = 'Anjian2026';

/** One demo account per role (README and the login page of a demo instance list them). */
export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; regionCode: string; department?: string; enterprise?: 'first-nanjing' }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', regionCode: '320000' },
  { username: 'coordinator', displayName: '南京市安委办 王协调', role: 'coordinator', regionCode: '320100' },
  { username: 'depthead', displayName: '南京市应急管理局 刘局长', role: 'dept_head', regionCode: '320100', department: 'D-yj-320100' },
  { username: 'inspector', displayName: '江宁区应急管理局 陈执法', role: 'inspector', regionCode: '320115', department: 'D-yj-320115' },
  { username: 'expert', displayName: '省安全专家 周工', role: 'expert', regionCode: '320100' },
  { username: 'grid', displayName: '秣陵街道网格员 赵网格', role: 'grid_worker', regionCode: '320115001' },
  { username: 'enterprise', displayName: '企业安全员 孙安全', role: 'enterprise_officer', regionCode: '320100', enterprise: 'first-nanjing' },
];

export interface SeedReport {
  regions: number;
  departments: number;
  inspectors: number;
  enterprises: number;
  users: number;
}

/**
 * `anjian seed --demo` (and the first start of an empty database): Nanjing, Suzhou and Taixing with real region
 * codes; 2,400 enterprises with valid codes; the 87 departments and 837 inspectors of Nanjing's joint inspection
 * system (seed 004); Suzhou and Taixing departments; one demo user per role. Idempotent: skips what exists.
 */
export async function seedDemo(db: Db, now: Date, log: (m: string) => void = () => {}): Promise<SeedReport> {
  const report: SeedReport = { regions: await loadRegions(db), departments: 0, inspectors: 0, enterprises: 0, users: 0 };
  if (await one(db, sql`SELECT 1 FROM users WHERE username = 'admin'`)) {
    log('demo data already present');
    return report;
  }
  const hash = await hashPassword(DEMO_PASSWORD); // one hash for every demo account: seeding 850 users stays fast
  const departments: DemoDepartment[] = [...demoDepartments(), ...demoDepartmentsFor('320500'), ...demoDepartmentsFor('321283')];
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    for (let i = 0; i < departments.length; i += 200) {
      await tx.execute(sql`INSERT INTO departments (code, name, name_en, line, level, region_code) VALUES ${sql.join(
        departments.slice(i, i + 200).map((d) => sql`(${d.code}, ${d.name}, ${d.nameEn}, ${d.line}, ${d.level}, ${d.regionCode})`),
        sql`, `,
      )} ON CONFLICT (code) DO NOTHING`);
    }
    report.departments = departments.length;
    const deptIds = new Map(
      (await rows<{ id: number; code: string; region_code: string }>(tx, sql`SELECT id, code, region_code FROM departments`)).map((d) => [d.code, d]),
    );

    const enterprises = demoEnterprises({ seed: 'anjian-demo' });
    const known = new Map<string, number>();
    // Landlords first so tenants can link to them.
    const ordered = [...enterprises.filter((e) => !e.landlordUscc), ...enterprises.filter((e) => e.landlordUscc)];
    for (let i = 0; i < ordered.length; i += 500) {
      const batch = ordered.slice(i, i + 500);
      const res = await upsertMany(
        tx,
        batch.map((e) => ({ input: { ...e }, landlordId: e.landlordUscc ? (known.get(e.landlordUscc) ?? null) : null })),
        now,
      );
      for (const r of res) known.set(r.uscc, r.id);
    }
    // Accident history in one statement (the register's upsert does not carry it).
    const accidents = enterprises.filter((e) => e.lastAccidentDate).map((e) => ({ uscc: e.uscc, date: e.lastAccidentDate }));
    await tx.execute(sql`UPDATE enterprises AS e SET last_accident_date = x.date
      FROM json_to_recordset(${JSON.stringify(accidents)}::json) AS x(uscc text, date date) WHERE e.uscc = x.uscc`);
    report.enterprises = enterprises.length;
    await appendAudit(tx, { id: null, name: 'seed' }, [
      { action: 'seed', entityType: 'register', entityId: 'demo', after: { enterprises: enterprises.length, departments: departments.length } },
    ], now);

    const nanjing = demoDepartments();
    const inspectors = demoInspectors({ seed: 'anjian-demo', departments: nanjing });
    const userValues = inspectors.map((p) => {
      const d = deptIds.get(p.departmentCode)!;
      return sql`(${p.username}, ${p.name}, ${hash}, 'inspector', ${d.region_code}, ${d.id}, NULL)`;
    });
    const firstNanjing = enterprises.find((e) => e.regionCode.startsWith('3201') && !e.smallVenueCategory);
    for (const a of DEMO_ACCOUNTS) {
      const dept = a.department ? deptIds.get(a.department) : undefined;
      const entId = a.enterprise && firstNanjing ? known.get(firstNanjing.uscc) : undefined;
      userValues.unshift(
        sql`(${a.username}, ${a.displayName}, ${hash}, ${a.role}, ${entId && firstNanjing ? firstNanjing.regionCode : a.regionCode}, ${dept?.id ?? null}, ${entId ?? null})`,
      );
    }
    for (let i = 0; i < userValues.length; i += 300) {
      await tx.execute(sql`INSERT INTO users (username, display_name, password_hash, role, region_code, department_id, enterprise_id)
        VALUES ${sql.join(userValues.slice(i, i + 300), sql`, `)} ON CONFLICT (username) DO NOTHING`);
    }
    report.inspectors = inspectors.length;
    report.users = userValues.length;
    const setting: DemoSetting = { password: DEMO_PASSWORD, usernames: DEMO_ACCOUNTS.map((a) => a.username) };
    await setSetting(tx, 'demo', setting);
  });
  log(`demo data: ${report.enterprises} enterprises, ${report.departments} departments, ${report.inspectors} inspectors, ${report.users} users`);
  await seedPlanning(db, now, log);
  await seedInspections(db, now, log);
  return report;
}
