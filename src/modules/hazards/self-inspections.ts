/**
 * 自查自改 an enterprise's own self-inspection: what it checked, and the hazards it found, which go on the ledger as
 * reported (source self_inspection) under the department that supervises its domain at its county (else its city).
 * A general hazard the enterprise then confirms and verifies itself; a major one goes to the department (core rules).
 * Idempotent by the client's id.
 */
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { isDate } from '../../core/hazards/lifecycle.ts';
import { businessDay } from '../../core/hazards/day.ts';
import { industryDomain } from '../../core/reference/domains.ts';
import { forbidden, invalid, notFound, type FieldIssue } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { findEnterpriseSnapshot } from '../documents/documents.repo.ts';
import { raiseHazards } from './raise-hazard.ts';
import { hazardPolicy } from './hazards.policy.ts';
import * as repo from './hazards.repo.ts';
import { one, sql } from '../../db/client.ts';
import { scopeOf } from '../../core/access/lines-scope.ts';
import { findBrief } from '../enterprises/enterprises.repo.ts';

export interface SelfInspectionInput {
  clientId: string;
  title: string;
  conductedOn: string;
  participants?: string;
  summary?: string;
  findings: { description: string; location?: string; level: 'general' | 'major'; deadline?: string | null; responsiblePerson?: string }[];
}

const iso = (v: Date | string) => new Date(v).toISOString();
export const toSelfInspection = (s: repo.SelfInspectionRow) => ({
  id: s.id, clientId: s.client_id, title: s.title, conductedOn: s.conducted_on, participants: s.participants, summary: s.summary,
  createdBy: { id: s.created_by, name: s.created_by_name }, createdAt: iso(s.created_at), hazards: s.hazards,
});

export async function listSelfInspections(db: Db, p: Principal, enterpriseId: number, page: number, pageSize: number) {
  if (!(await findBrief(db, scopeOf(p), enterpriseId))) throw notFound('enterprise.unknown');
  const [items, total] = await repo.selfInspectionsOf(db, enterpriseId, pageSize, (page - 1) * pageSize);
  return { items: items.map(toSelfInspection), total: total?.n ?? 0, page, pageSize };
}

export async function recordSelfInspection(db: Db, p: Principal, enterpriseId: number, input: SelfInspectionInput, now: Date) {
  if (!hazardPolicy.canSelfInspect(p, enterpriseId)) {
    if (await findBrief(db, scopeOf(p), enterpriseId)) throw forbidden();
    throw notFound('enterprise.unknown');
  }
  const again = await repo.findSelfInspection(db, enterpriseId, input.clientId);
  if (again) return { item: toSelfInspection(again), created: false };
  const today = businessDay(now);
  const issues: FieldIssue[] = [];
  if (!input.title.trim()) issues.push({ field: 'title', key: 'field.required' });
  if (!isDate(input.conductedOn)) issues.push({ field: 'conductedOn', key: 'date.invalid', params: { value: input.conductedOn } });
  else if (input.conductedOn > today) issues.push({ field: 'conductedOn', key: 'case.date_in_future' });
  input.findings.forEach((f, i) => {
    if (!f.description.trim()) issues.push({ field: `findings.${i}.description`, key: 'field.required' });
    if (f.deadline) {
      if (!isDate(f.deadline)) issues.push({ field: `findings.${i}.deadline`, key: 'date.invalid', params: { value: f.deadline } });
      else if (f.deadline < today) issues.push({ field: `findings.${i}.deadline`, key: 'hazard.deadline_past', params: { today } });
    }
  });
  if (issues.length) throw invalid(issues);
  const e = (await findEnterpriseSnapshot(db, enterpriseId))!;
  const facts = (await one<{ region_code: string; industry_domain: string }>(db, sql`SELECT region_code, industry_domain FROM enterprises WHERE id = ${enterpriseId}`))!;
  const line = industryDomain(facts.industry_domain)?.leadLine ?? 'emergency';
  const dept = await repo.supervisingDepartment(db, line, facts.region_code);
  const id = await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const sid = await repo.insertSelfInspection(
      tx,
      { enterpriseId, clientId: input.clientId, title: input.title.trim(), conductedOn: input.conductedOn, participants: (input.participants ?? '').trim(), summary: (input.summary ?? '').trim(), createdBy: p.userId },
      now,
    );
    await appendAudit(tx, { id: p.userId, name: p.username }, [
      { action: 'self_inspect', entityType: 'self_inspection', entityId: sid, enterpriseId, after: { title: input.title, conductedOn: input.conductedOn, findings: input.findings.length } },
    ], now);
    if (input.findings.length) {
      await raiseHazards(
        tx,
        input.findings.map((f) => ({
          enterpriseId, source: 'self_inspection' as const, sourceRef: input.title.trim().slice(0, 100), inspectionId: null, checklistId: null, selfInspectionId: sid,
          itemId: null, itemCode: null, itemText: '', legalBasis: '', level: f.level, state: 'reported' as const, description: f.description.trim(),
          location: (f.location ?? '').trim(), foundBy: p.userId, foundByName: p.displayName, foundAt: new Date(`${input.conductedOn}T09:00:00+08:00`),
          deadline: f.deadline || null, responsiblePerson: (f.responsiblePerson ?? '').trim(), regionCode: facts.region_code, industryDomain: facts.industry_domain,
          enterpriseName: e.name, departmentId: dept?.id ?? null,
          events: [{ action: 'report', fromState: null, toState: 'reported', note: input.title.trim(), actorId: p.userId, actorName: p.displayName }],
        })),
        { id: p.userId, name: p.username },
        now,
      );
    }
    return sid;
  });
  return { item: toSelfInspection((await repo.findSelfInspectionById(db, enterpriseId, id))!), created: true };
}
