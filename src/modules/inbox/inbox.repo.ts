import type { SQL } from 'drizzle-orm';
import { rows, sql, type Db } from '../../db/client.ts';

export interface InboxRow {
  kind: string;
  entity_type: string;
  entity_id: number;
  code: string;
  title: string;
  enterprise_id: number | null;
  enterprise_name: string | null;
  due: string | null;
  at: Date | string;
  level: string | null;
  step: number | null;
}

const LIMIT = 50;

/** Hazards matching `where` (on h), as inbox rows of `kind`. */
export const hazardItems = (db: Db, kind: string, where: SQL, order: SQL = sql`h.deadline ASC NULLS LAST, h.id`) =>
  rows<InboxRow>(
    db,
    sql`SELECT ${kind} AS kind, 'hazard' AS entity_type, h.id AS entity_id, h.code, h.description AS title, h.enterprise_id, h.enterprise_name,
        h.deadline::text AS due, h.updated_at AS at, h.level, h.escalation_step::int AS step
      FROM hazards h WHERE ${where} ORDER BY ${order} LIMIT ${LIMIT}`,
  );

export const unsignedInspections = (db: Db, userId: number) =>
  rows<InboxRow>(
    db,
    sql`SELECT 'sign_inspection' AS kind, 'inspection' AS entity_type, i.id AS entity_id, i.code, i.status AS title, i.enterprise_id, e.name AS enterprise_name,
        NULL AS due, i.updated_at AS at, NULL AS level, NULL::int AS step
      FROM inspection_team t JOIN inspections i ON i.enterprise_id = t.enterprise_id AND i.id = t.inspection_id JOIN enterprises e ON e.id = i.enterprise_id
      WHERE t.user_id = ${userId} AND i.status IN ('draft', 'signing') ORDER BY i.updated_at DESC LIMIT ${LIMIT}`,
  );

/** My published visits from today to tomorrow that my department has not started yet. */
export const visitsToStart = (db: Db, userId: number, today: string, tomorrow: string) =>
  rows<InboxRow>(
    db,
    sql`SELECT 'visit_today' AS kind, 'visit' AS entity_type, v.id AS entity_id, v.code, v.code AS title, v.enterprise_id, e.name AS enterprise_name,
        v.visit_date::text AS due, v.created_at AS at, NULL AS level, NULL::int AS step
      FROM visit_inspectors vi JOIN visits v ON v.enterprise_id = vi.enterprise_id AND v.id = vi.visit_id JOIN enterprises e ON e.id = v.enterprise_id
      WHERE vi.user_id = ${userId} AND v.visit_date BETWEEN ${today} AND ${tomorrow}
        AND NOT EXISTS (SELECT 1 FROM inspections i WHERE i.enterprise_id = v.enterprise_id AND i.visit_id = v.id AND i.department_id = vi.department_id AND i.status <> 'cancelled')
      ORDER BY v.visit_date, v.id LIMIT ${LIMIT}`,
  );

export const casesAt = (db: Db, kind: string, departmentId: number, step: string) =>
  rows<InboxRow>(
    db,
    sql`SELECT ${kind} AS kind, 'case' AS entity_type, c.id AS entity_id, c.code, c.title, c.enterprise_id, c.enterprise_name,
        c.notified_on::text AS due, c.updated_at AS at, NULL AS level, NULL::int AS step
      FROM cases c WHERE c.department_id = ${departmentId} AND c.step = ${step} ORDER BY c.updated_at LIMIT ${LIMIT}`,
  );
