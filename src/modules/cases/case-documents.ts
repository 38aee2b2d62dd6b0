/** The documents of a case's steps, built from the case: 立案审批表, 行政处罚告知书, 行政处罚决定书, 涉嫌犯罪案件移送书. */
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import type { Officer, Penalty } from '../../core/documents/model.ts';
import type { PoliceTransfer } from '../../core/cases/model.ts';
import { MEASURE_KINDS } from '../../core/cases/model.ts';
import { issueDocument } from '../documents/issue-document.ts';
import { departmentOfficers } from '../hazards/hazards.repo.ts';
import * as repo from './cases.repo.ts';

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s) || '—';
const DEFAULT_BASIS = '《中华人民共和国安全生产法》';

async function officers(db: Db, c: repo.CaseRow, actor: Principal): Promise<Officer[] | null> {
  const list = await departmentOfficers(db, c.department_id, [actor.userId, c.filed_by], 2);
  return list.length < 2 ? null : list.map((o) => ({ name: cut(o.display_name, 40), certificateNo: cut(o.certificate_no || '未登记', 40) }));
}

function penalties(c: repo.CaseRow, measures: repo.MeasureRow[]): Penalty[] {
  const basis = cut(c.legal_basis || DEFAULT_BASIS, 500);
  const out: Penalty[] = [];
  const unitOther = measures.filter((m) => ['suspend_production', 'close_down', 'joint_punishment'].includes(m.kind)).map((m) => cut(MEASURE_KINDS.find((k) => k.code === m.kind)!.label['zh-CN'] + (m.description ? `：${m.description}` : ''), 100));
  const unitFine = measures.filter((m) => m.kind === 'fine_unit').reduce((s, m) => s + (m.amount ?? 0), 0);
  if (unitFine > 0 || unitOther.length) out.push({ target: 'unit', violated: basis, basis, fineYuan: unitFine > 0 ? unitFine : null, ...(unitOther.length ? { other: unitOther } : {}) });
  for (const m of measures.filter((x) => x.kind === 'fine_person')) out.push({ target: 'person', violated: basis, basis, fineYuan: m.amount });
  return out;
}

const personOf = (c: repo.CaseRow, measures: repo.MeasureRow[]) => {
  const m = measures.find((x) => x.kind === 'fine_person');
  const name = m?.person_name || c.party_person;
  return name ? { name: cut(name, 40), ...((m?.person_role || c.party_person_role) ? { title: cut(m?.person_role || c.party_person_role, 60) } : {}) } : undefined;
};

export async function issueCaseFiling(tx: Db, c: repo.CaseRow, source: string, actor: Principal, now: Date) {
  const handlers = await officers(tx, c, actor);
  if (!handlers) return null;
  return issueDocument(
    tx,
    {
      kind: 'case_filing', enterpriseId: c.enterprise_id, departmentId: c.department_id, source: { type: 'case', id: c.id },
      content: {
        kind: 'case_filing', caseName: cut(`${c.enterprise_name}${c.title}案`, 200), caseSource: cut(source, 100), cause: cut(c.title, 300),
        ...(c.party_person ? { responsiblePerson: { name: cut(c.party_person, 40), ...(c.party_person_role ? { title: cut(c.party_person_role, 60) } : {}) } } : {}),
        summary: cut(c.facts || c.title, 4000), handlers, handlerOpinion: '经初步核实，当事人涉嫌违反安全生产法律法规，建议立案调查。', approvalOpinion: '同意立案。',
      },
    },
    actor,
    now,
  );
}

export async function issueNotice(tx: Db, c: repo.CaseRow, measures: repo.MeasureRow[], actor: Principal, now: Date) {
  const list = penalties(c, measures);
  if (!list.length) return null;
  const person = personOf(c, measures);
  const big = measures.some((m) => (m.kind === 'fine_unit' && (m.amount ?? 0) >= 50_000) || (m.kind === 'fine_person' && (m.amount ?? 0) >= 10_000) || m.kind === 'suspend_production' || m.kind === 'close_down');
  return issueDocument(
    tx,
    {
      kind: 'penalty_notice', enterpriseId: c.enterprise_id, departmentId: c.department_id, source: { type: 'case', id: c.id },
      content: {
        kind: 'penalty_notice', ...(person && list.some((p) => p.target === 'person') ? { responsiblePerson: person } : {}), facts: cut(c.facts || c.title, 4000), penalties: list,
        hearingRight: big, contact: { name: cut(actor.displayName, 40), phone: '—', address: cut(c.department_name, 200) },
      },
    },
    actor,
    now,
  );
}

export async function issueDecision(tx: Db, c: repo.CaseRow, measures: repo.MeasureRow[], evidence: { kind: string; description: string }[], statementWaived: boolean, actor: Principal, now: Date) {
  const list = penalties(c, measures);
  if (!list.length) return null;
  const person = personOf(c, measures);
  return issueDocument(
    tx,
    {
      kind: 'penalty_decision', enterpriseId: c.enterprise_id, departmentId: c.department_id, source: { type: 'case', id: c.id },
      content: {
        kind: 'penalty_decision', ...(person && list.some((p) => p.target === 'person') ? { responsiblePerson: person } : {}), facts: cut(c.facts || c.title, 4000),
        evidence: evidence.length ? evidence.map((e) => cut(`${e.kind}：${e.description}`, 500)) : ['现场检查记录'],
        statementHeard: statementWaived ? '当事人放弃陈述、申辩的权利。' : '当事人在法定期限内未提出陈述、申辩意见。',
        penalties: list,
      },
    },
    actor,
    now,
  );
}

export async function issueTransfer(tx: Db, c: repo.CaseRow, t: PoliceTransfer, evidence: { kind: string; description: string }[], actor: Principal, now: Date) {
  return issueDocument(
    tx,
    {
      kind: 'criminal_transfer', enterpriseId: c.enterprise_id, departmentId: c.department_id, source: { type: 'case', id: c.id },
      content: {
        kind: 'criminal_transfer', publicSecurityOrgan: cut(t.agency, 100), suspectedCrime: cut(t.suspectedOffence, 100),
        ...(c.party_person ? { suspects: [{ name: cut(c.party_person, 40), ...(c.party_person_role ? { title: cut(c.party_person_role, 60) } : {}) }] } : {}),
        facts: cut(t.summary, 4000), attachments: ['涉嫌犯罪案件情况的调查报告', ...evidence.slice(0, 20).map((e) => cut(`${e.kind}：${e.description}`, 200))],
      },
    },
    actor,
    now,
  );
}
