/**
 * 保存草稿 one sync of the phone's draft: header, team, on-site measures, results of checklist items, people checked.
 * Every entry is keyed by an id the phone already has (checklist id, the person's clientId), so a retry after a lost
 * connection writes the same thing again. All or nothing: when one entry is refused, the answer names it
 * (`results.3.finding.deadline`) and nothing is written.
 */
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { checkPerson, checkResult, type Finding, type ItemResult, type OnSiteMeasure, type PersonChecked } from '../../core/inspection/index.ts';
import { businessDay } from '../../core/hazards/day.ts';
import { AppError, invalid, type FieldIssue } from '../../http/errors.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { inspectionPolicy, authorize } from './inspections.policy.ts';
import { loadReadable } from './inspection-view.ts';
import * as repo from './inspections.repo.ts';

export interface DraftInput {
  place?: string;
  summary?: string;
  measures?: OnSiteMeasure[];
  team?: number[];
  results?: { checklistId: number; result: ItemResult | null; note?: string; finding?: Partial<Finding> | null }[];
  people?: (Omit<PersonChecked, 'note' | 'certificateValidUntil'> & { clientId: string; note?: string; certificateValidUntil?: string | null })[];
  removePeople?: string[];
}

export async function loadEditable(db: Db, p: Principal, id: number) {
  const { i, team } = await loadReadable(db, p, id);
  authorize(inspectionPolicy.isTeam(p, team.map((t) => t.user_id)));
  if (i.status !== 'draft') throw new AppError(423, 'inspection.locked', { status: i.status });
  return { i, team };
}

const finding = (f: Partial<Finding> | null | undefined): Finding | null =>
  f
    ? {
        description: (f.description ?? '').trim(),
        location: (f.location ?? '').trim(),
        level: f.level ?? null,
        deadline: f.deadline || null,
        responsiblePerson: (f.responsiblePerson ?? '').trim(),
        fixedOnSite: !!f.fixedOnSite,
      }
    : null;

export async function saveDraft(db: Db, p: Principal, id: number, input: DraftInput, now: Date) {
  const { i } = await loadEditable(db, p, id);
  const today = businessDay(now);
  const issues: FieldIssue[] = [];
  const checklist = new Map((await repo.checklistOf(db, i.enterprise_id, i.id)).map((c) => [c.id, c]));
  const results = (input.results ?? []).map((r, k) => {
    const entry = checklist.get(r.checklistId);
    const value = { result: r.result, note: (r.note ?? '').trim(), finding: r.result === 'hazard' ? finding(r.finding) : finding(r.finding ?? null) };
    if (!entry) issues.push({ field: `results.${k}.checklistId`, key: 'inspection.checklist_unknown', params: { id: r.checklistId } });
    else {
      const e = { itemId: entry.item_id, code: entry.code, version: entry.version, text: entry.text, legalBasis: entry.legal_basis, majorHazard: entry.major_hazard, mustCheck: entry.must_check, origin: entry.origin, position: entry.position };
      for (const x of checkResult(e, value, today)) issues.push({ field: `results.${k}.${x.field}`, key: x.key as MessageKey, params: x.params });
    }
    return { id: r.checklistId, ...value, finding: value.result === 'hazard' && value.finding ? { ...value.finding, level: entry?.major_hazard ? 'major' : (value.finding.level ?? 'general') } : null };
  });
  const people = (input.people ?? []).map((x, k) => {
    const person: PersonChecked & { clientId: string } = {
      clientId: x.clientId, name: x.name.trim(), idNumber: x.idNumber.trim().toUpperCase(), role: x.role, certificateCategory: x.certificateCategory,
      certificateNumber: x.certificateNumber.trim().toUpperCase(), certificateValidUntil: x.certificateValidUntil || null, result: x.result, note: (x.note ?? '').trim(),
    };
    for (const e of checkPerson(person, today)) issues.push({ field: `people.${k}.${e.field}`, key: e.key as MessageKey, params: e.params });
    return person;
  });
  (input.measures ?? []).forEach((m, k) => {
    if (!m.description.trim()) issues.push({ field: `measures.${k}.description`, key: 'field.required' });
  });
  let team: number[] | null = null;
  if (input.team) {
    team = [...new Set(input.team)];
    const ok = new Set((await repo.usersOfDepartment(db, i.department_id, team)).map((u) => u.id));
    team.forEach((u, k) => {
      if (!ok.has(u)) issues.push({ field: `team.${k}`, key: 'inspection.team_member_invalid', params: { id: u } });
    });
    if (!team.includes(p.userId)) issues.push({ field: 'team', key: 'inspection.team_member_invalid', params: { id: p.userId } });
  }
  if (issues.length) throw invalid(issues);

  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await repo.updateHeader(tx, i.enterprise_id, i.id, { place: input.place?.trim(), summary: input.summary?.trim(), measures: input.measures?.map((m) => ({ kind: m.kind, description: m.description.trim() })) }, now);
    if (team) await repo.setTeam(tx, i.enterprise_id, i.id, team);
    for (const r of results) await repo.saveResult(tx, i.enterprise_id, r.id, r, p.userId, now);
    for (const x of people) await repo.upsertPerson(tx, i.enterprise_id, i.id, x, p.userId, now);
    await repo.removePeople(tx, i.enterprise_id, i.id, input.removePeople ?? []);
    await appendAudit(tx, { id: p.userId, name: p.username }, [
      {
        action: 'save',
        entityType: 'inspection',
        entityId: i.id,
        enterpriseId: i.enterprise_id,
        after: {
          ...(input.place !== undefined ? { place: input.place } : {}),
          ...(input.summary !== undefined ? { summary: input.summary } : {}),
          ...(input.measures ? { measures: input.measures } : {}),
          ...(team ? { team } : {}),
          ...(results.length ? { results: results.map((r) => ({ checklistId: r.id, result: r.result, note: r.note, finding: r.finding })) } : {}),
          ...(people.length ? { people: people.map((x) => ({ clientId: x.clientId, name: x.name, result: x.result })) } : {}),
          ...(input.removePeople?.length ? { removePeople: input.removePeople } : {}),
        },
      },
    ], now);
  });
}
