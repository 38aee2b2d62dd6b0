/**
 * 开始检查 starts an inspection record: from a published visit the inspector is on (its department's items, the
 * department's people on the visit as the team), or unplanned with its reason. The checklist is composed once, here,
 * from the plan's pinned item versions and the current must-check criteria (core/inspection/checklist.ts).
 * Idempotent by the phone's clientId: a retry answers the record it already made.
 */
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { scopeOf } from '../../core/access/lines-scope.ts';
import { composeChecklist, type LibraryItem, type UnplannedReason } from '../../core/inspection/index.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { findBrief } from '../enterprises/enterprises.repo.ts';
import { currentItemsOfLine, findItems, type ItemRow } from '../items/items.repo.ts';
import { suggestItems } from '../planning/planning.service.ts';
import { inspectionPolicy } from './inspections.policy.ts';
import * as repo from './inspections.repo.ts';

export interface StartInput {
  clientId: string;
  enterpriseId: number;
  visitId?: number;
  reason?: UnplannedReason;
  reasonNote?: string;
  place?: string;
  team?: number[];
}

const lib = (r: ItemRow): LibraryItem => ({
  id: r.id, code: r.code, version: r.version, text: r.text, legalBasis: r.legal_basis, line: r.line, industryDomain: r.industry_domain,
  majorHazard: r.major_hazard, standard: r.standard, article: r.article,
});

export async function startInspection(db: Db, p: Principal, input: StartInput, now: Date): Promise<{ id: number; created: boolean }> {
  if (!inspectionPolicy.canStart(p)) throw forbidden();
  const again = await repo.findByClientId(db, input.enterpriseId, input.clientId);
  if (again) {
    if (again.started_by !== p.userId) throw conflict('error.conflict');
    return { id: again.id, created: false };
  }
  const enterprise = await repo.enterpriseFacts(db, input.enterpriseId);
  let departmentId = p.departmentId!;
  let team: number[] = [p.userId];
  let planItemIds: number[] = [];
  if (input.visitId !== undefined) {
    const member = await repo.visitTeamMember(db, input.enterpriseId, input.visitId, p.userId);
    if (!member) {
      const visible = enterprise && (await findBrief(db, scopeOf(p), input.enterpriseId));
      if (visible && (await repo.visitExists(db, input.enterpriseId, input.visitId))) throw new AppError(403, 'inspection.not_on_visit');
      throw notFound('inspection.visit_unknown');
    }
    departmentId = member.department_id;
    const open = await repo.openForVisit(db, input.enterpriseId, input.visitId, departmentId);
    if (open) throw conflict('inspection.exists_for_visit', { code: open.code });
    const v = await repo.visitPlanItems(db, input.enterpriseId, input.visitId, departmentId);
    planItemIds = v.itemIds;
    team = v.team.includes(p.userId) ? v.team : [p.userId, ...v.team];
  } else {
    if (!enterprise || !(await findBrief(db, scopeOf(p), input.enterpriseId))) throw notFound('inspection.enterprise_out_of_scope');
    if (!input.reason) throw invalid([{ field: 'reason', key: 'inspection.reason_required' }]);
    if (input.reason === 'other' && !(input.reasonNote ?? '').trim()) throw invalid([{ field: 'reasonNote', key: 'field.required' }]);
  }
  if (!enterprise) throw notFound('inspection.enterprise_out_of_scope');
  if (input.team?.length) {
    const extra = input.team.filter((u) => !team.includes(u));
    const ok = new Set((await repo.usersOfDepartment(db, departmentId, extra)).map((u) => u.id));
    const bad = extra.filter((u) => !ok.has(u));
    if (bad.length) throw invalid(bad.map((u) => ({ field: 'team', key: 'inspection.team_member_invalid' as const, params: { id: u } })));
    team = [...team, ...extra];
  }
  const department = (await repo.departmentOf(db, departmentId))!;
  const lineItems = await currentItemsOfLine(db, department.line);
  // unplanned: the line's items for the enterprise's domain, as a plan of the line would carry them
  if (input.visitId === undefined) planItemIds = suggestItems(lineItems, enterprise.industry_domain).filter((id) => !lineItems.find((x) => x.id === id)?.major_hazard);
  const planItems = (await findItems(db, planItemIds)).map(lib);
  const byId = new Map(planItems.map((x) => [x.id, x]));
  const ordered = planItemIds.map((id) => byId.get(id)).filter((x): x is LibraryItem => !!x);
  const checklist = composeChecklist(ordered, lineItems.map(lib), enterprise.industry_domain, department.line);

  const id = await repo.nextId(db, 'inspections_id_seq');
  const year = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
  const code = `JC${year}-${String(id).padStart(6, '0')}`;
  try {
    await db.transaction(async (t) => {
      const tx = t as unknown as Db;
      await repo.insertInspection(
        tx,
        {
          id, enterpriseId: input.enterpriseId, clientId: input.clientId, code, departmentId, kind: input.visitId !== undefined ? 'planned' : 'unplanned',
          visitId: input.visitId ?? null, reason: input.visitId !== undefined ? null : (input.reason ?? null), reasonNote: (input.reasonNote ?? '').trim(),
          place: (input.place ?? '').trim(), startedBy: p.userId,
        },
        now,
      );
      await repo.setTeam(tx, input.enterpriseId, id, team);
      await repo.insertChecklist(tx, input.enterpriseId, id, checklist);
      await appendAudit(tx, { id: p.userId, name: p.username }, [
        {
          action: 'start', entityType: 'inspection', entityId: id, enterpriseId: input.enterpriseId,
          after: { code, departmentId, visitId: input.visitId ?? null, reason: input.reason ?? null, team, checklist: checklist.map((c) => `${c.code}@${c.version}`) },
        },
      ], now);
    });
  } catch (e) {
    // two phones of the same team starting the same visit at once: the unique index answers for the second
    if (input.visitId !== undefined && /inspections_visit_department_key/.test(String((e as Error).message) + String((e as { cause?: Error }).cause?.message ?? ''))) {
      const open = await repo.openForVisit(db, input.enterpriseId, input.visitId, departmentId);
      throw conflict('inspection.exists_for_visit', { code: open?.code ?? '' });
    }
    throw e;
  }
  return { id, created: true };
}
