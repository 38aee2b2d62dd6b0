import type { SQL } from 'drizzle-orm';
import { inList, rows, sql, type Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { scopeOf } from '../../core/access/lines-scope.ts';
import { documentsFor } from '../../core/planning/index.ts';
import { notFound } from '../../http/errors.ts';
import { findBrief, scopeSql } from '../enterprises/enterprises.repo.ts';
import { json } from '../inspectors/inspectors.repo.ts';
import * as items from '../items/items.repo.ts';

interface VisitRow {
  id: number;
  enterprise_id: number;
  run_id: number;
  code: string;
  visit_date: string;
  enterprise_name: string;
  uscc: string;
  address: string;
  region_code: string;
  safety_officer: string;
  safety_officer_phone: string;
}

/** Published visits matching `where` (on v/e), each with its departments, teams, items and documents to prepare. */
async function loadVisits(db: Db, where: SQL, from?: string, to?: string) {
  const parts = [where];
  if (from) parts.push(sql`v.visit_date >= ${from}`);
  if (to) parts.push(sql`v.visit_date <= ${to}`);
  const vs = await rows<VisitRow>(
    db,
    sql`SELECT v.id, v.enterprise_id, v.run_id, v.code, v.visit_date::text AS visit_date, e.name AS enterprise_name, e.uscc, e.address,
        e.region_code, e.safety_officer, e.safety_officer_phone
      FROM visits v JOIN enterprises e ON e.id = v.enterprise_id WHERE ${sql.join(parts, sql` AND `)}
      ORDER BY v.visit_date, v.id LIMIT 2000`,
  );
  if (vs.length === 0) return [];
  const visitIds = vs.map((v) => v.id);
  const plans = await rows<{ visit_id: number; entry_id: number; items: unknown; window_start: string; window_end: string; department_id: number; department_name: string; line: string; level: string }>(
    db,
    sql`SELECT vp.visit_id, vp.entry_id, pe.items, pe.window_start::text AS window_start, pe.window_end::text AS window_end, p.department_id,
        d.name AS department_name, d.line, d.level
      FROM visit_plans vp JOIN plan_entries pe ON pe.enterprise_id = vp.enterprise_id AND pe.id = vp.entry_id
      JOIN plans p ON p.id = pe.plan_id JOIN departments d ON d.id = p.department_id
      WHERE vp.visit_id IN ${inList(visitIds)} ORDER BY vp.entry_id`,
  );
  const team = await rows<{ visit_id: number; user_id: number; display_name: string; department_id: number }>(
    db,
    sql`SELECT vi.visit_id, vi.user_id, u.display_name, vi.department_id FROM visit_inspectors vi JOIN users u ON u.id = vi.user_id
      WHERE vi.visit_id IN ${inList(visitIds)} ORDER BY u.display_name`,
  );
  const itemRows = await items.findItems(db, plans.flatMap((x) => json<number[]>(x.items, [])));
  const itemById = new Map(itemRows.map((i) => [i.id, i]));
  return vs.map((v) => {
    const ps = plans.filter((x) => x.visit_id === v.id);
    const deps = new Map<number, { id: number; name: string; line: string; level: string }>();
    for (const x of ps) deps.set(x.department_id, { id: x.department_id, name: x.department_name, line: x.line, level: x.level });
    return {
      id: v.id,
      code: v.code,
      runId: v.run_id,
      date: v.visit_date,
      enterprise: { id: v.enterprise_id, name: v.enterprise_name, uscc: v.uscc, address: v.address, regionCode: v.region_code, safetyOfficer: v.safety_officer, safetyOfficerPhone: v.safety_officer_phone },
      departments: [...deps.values()].map((d) => ({
        ...d,
        inspectors: team.filter((t) => t.visit_id === v.id && t.department_id === d.id).map((t) => ({ userId: t.user_id, name: t.display_name })),
        items: ps
          .filter((x) => x.department_id === d.id)
          .flatMap((x) => json<number[]>(x.items, []))
          .filter((id, i, a) => a.indexOf(id) === i)
          .map((id) => {
            const it = itemById.get(id);
            return { id, code: it?.code ?? '', version: it?.version ?? 0, text: it?.text ?? '', majorHazard: it?.major_hazard ?? false };
          }),
      })),
      plans: ps.map((x) => ({ entryId: x.entry_id, collisionId: `P-${x.entry_id}`, departmentId: x.department_id, window: { start: x.window_start, end: x.window_end } })),
      documents: documentsFor([...deps.values()].map((d) => d.line)),
    };
  });
}

/** 我的检查任务: the published visits the signed-in inspector is on. */
export async function myVisits(db: Db, p: Principal, q: { from?: string; to?: string }) {
  const list = await loadVisits(db, sql`EXISTS (SELECT 1 FROM visit_inspectors vi WHERE vi.visit_id = v.id AND vi.enterprise_id = v.enterprise_id AND vi.user_id = ${p.userId})`, q.from, q.to);
  return { items: list.map((v) => ({ ...v, myDepartmentId: v.departments.find((d) => d.inspectors.some((i) => i.userId === p.userId))?.id ?? null })) };
}

/** 企业检查日历: every department's published visits to one enterprise, within the caller's scope. */
export async function enterpriseVisits(db: Db, p: Principal, enterpriseId: number, q: { from?: string; to?: string }) {
  const scope = scopeOf(p);
  if (!(await findBrief(db, scope, enterpriseId))) throw notFound('enterprise.unknown');
  const list = await loadVisits(db, sql`v.enterprise_id = ${enterpriseId} AND ${scopeSql(scope)}`, q.from, q.to);
  return { items: list };
}
