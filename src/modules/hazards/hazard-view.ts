/** What the API answers about a hazard: the ledger row and the hazard's page (timeline, photos, documents, what you may do). */
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { availableActions, EMPTY_FIVE_FIXES, escalationFor, mayEditFiveFixes, type EscalationRule, type FiveFixes, type HazardFacts } from '../../core/hazards/index.ts';
import { notFound } from '../../http/errors.ts';
import { photosOfHazard } from '../files/photos.repo.ts';
import { toPhoto } from '../files/photos.service.ts';
import { actorOf, hazardPolicy } from './hazards.policy.ts';
import * as repo from './hazards.repo.ts';
import { one, sql } from '../../db/client.ts';

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
export const fiveFixesOf = (v: unknown): FiveFixes => ({ ...EMPTY_FIVE_FIXES, ...(typeof v === 'string' ? JSON.parse(v) : (v as object) ?? {}) });

export const factsOf = (h: repo.HazardRow): HazardFacts => ({
  state: h.state, level: h.level, source: h.source, enterpriseId: h.enterprise_id, departmentId: h.department_id, deadline: h.deadline,
  responsiblePerson: h.responsible_person, fiveFixes: fiveFixesOf(h.five_fixes), submittedBy: h.submitted_by,
});

export function toSummary(h: repo.HazardRow, today: string, rules: readonly EscalationRule[]) {
  const open = ['reported', 'confirmed', 'rectifying', 'submitted'].includes(h.state);
  const esc = escalationFor(h.level, h.deadline, today, rules);
  return {
    id: h.id,
    code: h.code,
    enterprise: { id: h.enterprise_id, name: h.enterprise_name },
    regionCode: h.region_code,
    regionName: h.region_name ?? '',
    industryDomain: h.industry_domain,
    department: h.department_id !== null ? { id: h.department_id, name: h.department_name ?? '' } : null,
    source: h.source,
    sourceRef: h.source_ref,
    level: h.level,
    state: h.state,
    itemCode: h.item_code,
    itemText: h.item_text,
    description: h.description,
    location: h.location,
    foundBy: h.found_by_name,
    foundAt: iso(h.found_at)!,
    deadline: h.deadline,
    responsiblePerson: h.responsible_person,
    overdue: open && !!h.deadline && h.deadline < today,
    daysOverdue: open ? esc.daysOverdue : 0,
    /** the step reached by the daily run (0 none · 1 提醒 · 2 部门督办 · 3 县级挂牌督办 · 4 市级挂牌督办) */
    escalation: open ? h.escalation_step : 0,
    light: open ? (['green', 'yellow', 'orange', 'red', 'red'] as const)[h.escalation_step]! : ('green' as const),
    closedAt: iso(h.closed_at),
    closedOnTime: h.closed_on_time,
  };
}

/** A hazard the principal may see (the ledger's scope), or 404. */
export async function loadVisible(db: Db, p: Principal, id: number): Promise<repo.HazardRow> {
  const r = await one<{ id: number }>(db, sql`SELECT h.id FROM hazards h WHERE h.id = ${id} AND ${hazardPolicy.scopeSql(p)}`);
  if (!r) throw notFound('hazard.unknown');
  return (await repo.findHazard(db, id))!;
}

export async function hazardDetail(db: Db, p: Principal, id: number, today: string) {
  const h = await loadVisible(db, p, id);
  const rules = (await repo.escalationRules(db)).map((r) => ({ level: r.level, step: r.step, daysOverdue: r.days_overdue }));
  const [events, photos, documents, cases] = await Promise.all([
    repo.eventsOf(db, h.enterprise_id, h.id),
    photosOfHazard(db, h.enterprise_id, h.id, h.checklist_id),
    repo.documentsOfHazard(db, h.enterprise_id, h.id, h.inspection_id),
    repo.casesOfHazard(db, h.enterprise_id, h.id),
  ]);
  const facts = factsOf(h);
  const actor = actorOf(p);
  const esc = escalationFor(h.level, h.deadline, today, rules);
  const open = ['reported', 'confirmed', 'rectifying', 'submitted'].includes(h.state);
  return {
    ...toSummary(h, today, rules),
    legalBasis: h.legal_basis,
    inspection: h.inspection_id !== null ? { id: h.inspection_id, code: h.inspection_code ?? h.source_ref } : null,
    selfInspectionId: h.self_inspection_id,
    fiveFixes: fiveFixesOf(h.five_fixes),
    nextEscalation: open && esc.next ? esc.next : null,
    submittedAt: iso(h.submitted_at),
    timeline: events.map((e) => ({
      id: e.id, action: e.action, fromState: e.from_state, toState: e.to_state, actor: e.actor_name, note: e.note, at: iso(e.at)!,
      data: typeof e.data === 'string' ? JSON.parse(e.data) : (e.data ?? null),
      photos: photos.filter((x) => x.hazard_event_id === e.id).map(toPhoto),
    })),
    photos: photos.map(toPhoto),
    documents: documents.map((d) => ({ id: d.id, kind: d.kind, number: d.number, issuedAt: iso(d.issued_at)!, pdfUrl: `/api/v1/documents/${d.id}/pdf` })),
    cases: cases.map((c) => ({ id: c.id, code: c.code, step: c.step, title: c.title })),
    actions: availableActions(facts, actor),
    canEditFiveFixes: mayEditFiveFixes(facts, actor),
    version: h.version,
  };
}
