/**
 * 执法案件 cases: open one from hazards or an inspection (立案), gather evidence, propose measures and penalties, take
 * it through its steps (core/cases/lifecycle.ts), transfer it to the police (行刑衔接). Every step enters the audit chain
 * and issues its document.
 */
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { scopeOf } from '../../core/access/lines-scope.ts';
import { advance, checkMeasure, checkTransfer, mayEditCase, mayTransfer, measuresEditable, type Measure, type MeasureKind, type PoliceTransfer } from '../../core/cases/index.ts';
import { isDate } from '../../core/hazards/lifecycle.ts';
import { businessDay } from '../../core/hazards/day.ts';
import { HAZARD_SOURCES } from '../../core/hazards/model.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { findBrief } from '../enterprises/enterprises.repo.ts';
import { enterpriseFacts, findInspection, nextId } from '../inspections/inspections.repo.ts';
import { one, sql } from '../../db/client.ts';
import { caseActor, casePolicy, authorize } from './cases.policy.ts';
import { issueCaseFiling, issueDecision, issueNotice, issueTransfer } from './case-documents.ts';
import * as repo from './cases.repo.ts';

const iso = (v: Date | string) => new Date(v).toISOString();
const json = <T>(v: unknown): T | null => (v === null || v === undefined ? null : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

export function toCaseSummary(c: repo.CaseRow) {
  return {
    id: c.id, code: c.code, title: c.title, step: c.step, enterprise: { id: c.enterprise_id, name: c.enterprise_name }, regionCode: c.region_code,
    department: { id: c.department_id, name: c.department_name }, partyPerson: c.party_person, filedBy: c.filed_by_name, filedAt: iso(c.filed_at),
    transferred: c.transfer !== null,
  };
}

async function loadVisible(db: Db, p: Principal, id: number) {
  if (!casePolicy.canRead(p)) throw forbidden();
  const c = await repo.findVisibleCase(db, casePolicy.scopeSql(p), id);
  if (!c) throw notFound('case.unknown');
  return c;
}

export async function listCases(db: Db, p: Principal, f: repo.CaseFilter, page: number, pageSize: number) {
  if (!casePolicy.canRead(p)) throw forbidden();
  const { items, total } = await repo.listCases(db, repo.caseWhere(casePolicy.scopeSql(p), f), pageSize, (page - 1) * pageSize);
  return { items: items.map(toCaseSummary), total, page, pageSize };
}

export async function caseDetail(db: Db, p: Principal, id: number) {
  const c = await loadVisible(db, p, id);
  const [hazards, measures, evidence, events, documents] = await Promise.all([
    repo.hazardsOfCase(db, c.enterprise_id, c.id),
    repo.measuresOf(db, c.enterprise_id, c.id),
    repo.evidenceOf(db, c.enterprise_id, c.id),
    repo.eventsOf(db, c.enterprise_id, c.id),
    db.execute(sql`SELECT id, kind, number, issued_at FROM documents WHERE enterprise_id = ${c.enterprise_id} AND source_type = 'case' AND source_id = ${c.id} ORDER BY issued_at, id`),
  ]);
  const a = caseActor(p);
  const docs = (documents as unknown as { rows: { id: number; kind: string; number: string; issued_at: Date | string }[] }).rows;
  return {
    ...toCaseSummary(c),
    facts: c.facts, legalBasis: c.legal_basis, partyName: c.party_name, partyPersonRole: c.party_person_role, inspectionId: c.inspection_id,
    notifiedOn: c.notified_on, decidedOn: c.decided_on, closedOn: c.closed_on, statementWaived: c.statement_waived, dualPenaltyWaiver: c.dual_penalty_waiver,
    closingNote: c.closing_note, transfer: json<PoliceTransfer>(c.transfer),
    hazards: hazards.map((h) => ({ id: h.id, code: h.code, level: h.level, state: h.state, description: h.description })),
    measures: measures.map((m) => ({ id: m.id, kind: m.kind, amount: m.amount, personName: m.person_name, personRole: m.person_role, description: m.description, executed: m.executed, executedOn: m.executed_on })),
    evidence: evidence.map((e) => ({ id: e.id, kind: e.kind, description: e.description, collectedOn: e.collected_on })),
    timeline: events.map((e) => ({ id: e.id, action: e.action, fromStep: e.from_step, toStep: e.to_step, actor: e.actor_name, note: e.note, at: iso(e.at) })),
    documents: docs.map((d) => ({ id: d.id, kind: d.kind, number: d.number, issuedAt: iso(d.issued_at), pdfUrl: `/api/v1/documents/${d.id}/pdf` })),
    canEdit: mayEditCase({ departmentId: c.department_id }, a) && c.step !== 'closed',
    canTransfer: mayTransfer({ departmentId: c.department_id }, a) && c.transfer === null,
    version: c.version,
  };
}

export interface OpenInput {
  enterpriseId: number;
  hazardIds?: number[];
  inspectionId?: number;
  title: string;
  facts?: string;
  legalBasis?: string;
  partyPerson?: string;
  partyPersonRole?: string;
}

export async function openCase(db: Db, p: Principal, input: OpenInput, now: Date): Promise<number> {
  authorize(casePolicy.canOpen(p));
  const e = await enterpriseFacts(db, input.enterpriseId);
  const visible = e && ((await findBrief(db, scopeOf(p), input.enterpriseId)) || (await one(db, sql`SELECT 1 FROM hazards WHERE enterprise_id = ${input.enterpriseId} AND department_id = ${p.departmentId} LIMIT 1`)));
  if (!e || !visible) throw notFound('inspection.enterprise_out_of_scope');
  const hazardIds = [...new Set(input.hazardIds ?? [])];
  const found = new Set((await repo.hazardsOfEnterprise(db, input.enterpriseId, hazardIds)).map((h) => h.id));
  const issues = hazardIds.filter((h) => !found.has(h)).map((h) => ({ field: 'hazardIds', key: 'case.hazard_unknown' as MessageKey, params: { id: h } }));
  if (input.inspectionId !== undefined) {
    const i = await findInspection(db, input.inspectionId);
    if (!i || i.enterprise_id !== input.enterpriseId) issues.push({ field: 'inspectionId', key: 'inspection.unknown' as MessageKey, params: { id: input.inspectionId } });
  }
  if (!input.title.trim()) issues.push({ field: 'title', key: 'field.required', params: { id: 0 } });
  if (issues.length) throw invalid(issues);
  const id = await nextId(db, 'cases_id_seq');
  const code = `AJ${new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear()}-${String(id).padStart(6, '0')}`;
  const source = input.inspectionId !== undefined ? '现场检查' : hazardIds.length ? '隐患排查' : '其他';
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await repo.insertCase(
      tx,
      {
        enterpriseId: input.enterpriseId, id, code, departmentId: p.departmentId!, inspectionId: input.inspectionId ?? null, title: input.title.trim(), facts: (input.facts ?? '').trim(),
        legalBasis: (input.legalBasis ?? '').trim(), partyName: e.name, partyPerson: (input.partyPerson ?? e.legal_representative).trim(), partyPersonRole: (input.partyPersonRole ?? '主要负责人').trim(),
        filedBy: p.userId, regionCode: e.region_code, industryDomain: e.industry_domain, enterpriseName: e.name,
      },
      now,
    );
    await repo.linkHazards(tx, input.enterpriseId, id, hazardIds);
    await repo.insertEvent(tx, { enterpriseId: input.enterpriseId, caseId: id, action: 'file', fromStep: null, toStep: 'filed', actorId: p.userId, actorName: p.displayName, note: input.title.trim() }, now);
    await appendAudit(tx, { id: p.userId, name: p.username }, [
      { action: 'case.file', entityType: 'case', entityId: id, enterpriseId: input.enterpriseId, after: { code, title: input.title.trim(), hazardIds, inspectionId: input.inspectionId ?? null, departmentId: p.departmentId } },
    ], now);
    const c = (await repo.findCase(tx, input.enterpriseId, id))!;
    const label = hazardIds.length ? HAZARD_SOURCES.find((s) => s.code === 'inspection')!.label['zh-CN'] : source;
    await issueCaseFiling(tx, c, input.inspectionId !== undefined ? '现场检查' : label, p, now);
  });
  return id;
}

async function loadEditable(db: Db, p: Principal, id: number) {
  const c = await loadVisible(db, p, id);
  authorize(mayEditCase({ departmentId: c.department_id }, caseActor(p)));
  if (c.step === 'closed') throw new AppError(409, 'case.wrong_step', { step: c.step });
  return c;
}

export async function addEvidence(db: Db, p: Principal, id: number, e: { kind: string; description: string; collectedOn: string }, now: Date) {
  const c = await loadEditable(db, p, id);
  const issues = [];
  if (!e.kind.trim()) issues.push({ field: 'kind', key: 'field.required' as MessageKey });
  if (!e.description.trim()) issues.push({ field: 'description', key: 'field.required' as MessageKey });
  if (!isDate(e.collectedOn)) issues.push({ field: 'collectedOn', key: 'date.invalid' as MessageKey, params: { value: e.collectedOn } });
  else if (e.collectedOn > businessDay(now)) issues.push({ field: 'collectedOn', key: 'case.date_in_future' as MessageKey });
  if (issues.length) throw invalid(issues);
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const eid = await repo.insertEvidence(tx, c.enterprise_id, c.id, { kind: e.kind.trim(), description: e.description.trim(), collectedOn: e.collectedOn }, p.userId, now);
    await repo.insertEvent(tx, { enterpriseId: c.enterprise_id, caseId: c.id, action: 'evidence', fromStep: c.step, toStep: c.step, actorId: p.userId, actorName: p.displayName, note: e.kind.trim() }, now);
    await appendAudit(tx, { id: p.userId, name: p.username }, [{ action: 'case.evidence', entityType: 'case', entityId: c.id, enterpriseId: c.enterprise_id, after: { id: eid, ...e } }], now);
  });
}

export async function addMeasure(db: Db, p: Principal, id: number, m: { kind: MeasureKind; amount?: number | null; personName?: string; personRole?: string; description?: string }, now: Date) {
  const c = await loadEditable(db, p, id);
  if (!measuresEditable(c.step)) throw new AppError(409, 'case.measures_locked');
  const measure: Measure = { kind: m.kind, amount: m.amount ?? null, personName: (m.personName ?? '').trim(), personRole: (m.personRole ?? '').trim(), description: (m.description ?? '').trim(), executed: false };
  const issues = checkMeasure(measure);
  if (issues.length) throw invalid(issues.map((x) => ({ field: x.field, key: x.key as MessageKey, params: x.params })));
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const mid = await repo.insertMeasure(tx, c.enterprise_id, c.id, measure, p.userId, now);
    await repo.insertEvent(tx, { enterpriseId: c.enterprise_id, caseId: c.id, action: 'measure', fromStep: c.step, toStep: c.step, actorId: p.userId, actorName: p.displayName, note: m.kind }, now);
    await appendAudit(tx, { id: p.userId, name: p.username }, [{ action: 'case.measure', entityType: 'case', entityId: c.id, enterpriseId: c.enterprise_id, after: { id: mid, ...measure } }], now);
  });
}

export async function removeMeasure(db: Db, p: Principal, id: number, measureId: number, now: Date) {
  const c = await loadEditable(db, p, id);
  if (!measuresEditable(c.step)) throw new AppError(409, 'case.measures_locked');
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    if (!(await repo.deleteMeasure(tx, c.enterprise_id, c.id, measureId))) throw notFound('case.measure_unknown');
    await appendAudit(tx, { id: p.userId, name: p.username }, [{ action: 'case.measure_remove', entityType: 'case', entityId: c.id, enterpriseId: c.enterprise_id, before: { id: measureId } }], now);
  });
}

export async function executeMeasure(db: Db, p: Principal, id: number, measureId: number, on: string, now: Date) {
  const c = await loadEditable(db, p, id);
  if (c.step !== 'decided' && c.step !== 'executing') throw new AppError(409, 'case.wrong_step', { step: c.step });
  if (!isDate(on)) throw invalid([{ field: 'executedOn', key: 'date.invalid', params: { value: on } }]);
  if (on > businessDay(now)) throw invalid([{ field: 'executedOn', key: 'case.date_in_future' }]);
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    if (!(await repo.executeMeasure(tx, c.enterprise_id, c.id, measureId, on))) throw notFound('case.measure_unknown');
    await repo.insertEvent(tx, { enterpriseId: c.enterprise_id, caseId: c.id, action: 'execute', fromStep: c.step, toStep: c.step, actorId: p.userId, actorName: p.displayName, note: on }, now);
    await appendAudit(tx, { id: p.userId, name: p.username }, [{ action: 'case.execute', entityType: 'case', entityId: c.id, enterpriseId: c.enterprise_id, after: { measureId, executedOn: on } }], now);
  });
}

export async function advanceCase(db: Db, p: Principal, id: number, input: { note?: string; statementWaived?: boolean; dualPenaltyWaiver?: string; version?: number }, now: Date) {
  const c = await loadVisible(db, p, id);
  if (input.version !== undefined && input.version !== c.version) throw conflict();
  const [measures, evidence] = await Promise.all([repo.measuresOf(db, c.enterprise_id, c.id), repo.evidenceOf(db, c.enterprise_id, c.id)]);
  const today = businessDay(now);
  const d = advance(
    {
      step: c.step, departmentId: c.department_id, notifiedOn: c.notified_on, evidenceCount: evidence.length,
      measures: measures.map((m) => ({ kind: m.kind, amount: m.amount, personName: m.person_name, personRole: m.person_role, description: m.description, executed: m.executed })),
      transfer: json<PoliceTransfer>(c.transfer),
    },
    caseActor(p),
    input,
    today,
  );
  if (!d.ok) {
    if (d.status === 422) throw invalid(d.issues.map((x) => ({ field: x.field, key: x.key as MessageKey, params: x.params })));
    throw new AppError(d.status, d.key as MessageKey, d.params ?? {});
  }
  const note = (input.note ?? '').trim();
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const ok = await repo.updateCase(
      tx, c.enterprise_id, c.id, c.version,
      {
        step: d.to,
        ...(d.to === 'notified' ? { notifiedOn: today } : {}),
        ...(d.to === 'decided' ? { decidedOn: today, statementWaived: !!input.statementWaived, dualPenaltyWaiver: (input.dualPenaltyWaiver ?? '').trim() } : {}),
        ...(d.to === 'closed' ? { closedOn: today, closingNote: note } : {}),
      },
      now,
    );
    if (!ok) throw conflict();
    await repo.insertEvent(tx, { enterpriseId: c.enterprise_id, caseId: c.id, action: 'advance', fromStep: d.from, toStep: d.to, actorId: p.userId, actorName: p.displayName, note }, now);
    await appendAudit(tx, { id: p.userId, name: p.username }, [
      { action: `case.${d.to}`, entityType: 'case', entityId: c.id, enterpriseId: c.enterprise_id, before: { step: d.from }, after: { step: d.to, note, statementWaived: !!input.statementWaived, dualPenaltyWaiver: input.dualPenaltyWaiver ?? '' } },
    ], now);
    if (d.to === 'notified') await issueNotice(tx, c, measures, p, now);
    if (d.to === 'decided') await issueDecision(tx, c, measures, evidence, !!input.statementWaived, p, now);
  });
}

export async function transferCase(db: Db, p: Principal, id: number, t: PoliceTransfer, now: Date) {
  const c = await loadVisible(db, p, id);
  authorize(mayTransfer({ departmentId: c.department_id }, caseActor(p)));
  if (c.transfer !== null) throw conflict('case.already_transferred');
  if (c.step === 'closed') throw new AppError(409, 'case.wrong_step', { step: c.step });
  const clean: PoliceTransfer = { agency: t.agency.trim(), suspectedOffence: t.suspectedOffence.trim(), summary: t.summary.trim(), transferredOn: t.transferredOn, receiptNo: (t.receiptNo ?? '').trim() };
  const issues = checkTransfer(clean, businessDay(now));
  if (issues.length) throw invalid(issues.map((x) => ({ field: x.field, key: x.key as MessageKey, params: x.params })));
  const evidence = await repo.evidenceOf(db, c.enterprise_id, c.id);
  await db.transaction(async (tr) => {
    const tx = tr as unknown as Db;
    if (!(await repo.updateCase(tx, c.enterprise_id, c.id, c.version, { transfer: clean }, now))) throw conflict();
    await repo.insertEvent(tx, { enterpriseId: c.enterprise_id, caseId: c.id, action: 'transfer', fromStep: c.step, toStep: c.step, actorId: p.userId, actorName: p.displayName, note: `${clean.agency} ${clean.suspectedOffence}` }, now);
    await appendAudit(tx, { id: p.userId, name: p.username }, [{ action: 'case.transfer', entityType: 'case', entityId: c.id, enterpriseId: c.enterprise_id, after: clean }], now);
    await issueTransfer(tx, c, clean, evidence, p, now);
  });
}
