/**
 * Documents of the hazard loop: a department that confirms a hazard with a deadline orders it fixed (责令限期整改指令书,
 * from the hazard); its review issues the 整改复查意见书 that looks back at that order (or at the inspection's order).
 * Documents name two officers (安全生产法 Art. 66): the one acting and a colleague of the department.
 */
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import type { Officer } from '../../core/documents/model.ts';
import { issueDocument } from '../documents/issue-document.ts';
import * as repo from './hazards.repo.ts';

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s) || '—';

async function officers(db: Db, h: repo.HazardRow, actor: Principal): Promise<Officer[] | null> {
  if (h.department_id === null) return null;
  const list = await repo.departmentOfficers(db, h.department_id, [actor.userId, ...(h.found_by ? [h.found_by] : [])], 2);
  if (list.length < 2) return null;
  return list.map((o) => ({ name: cut(o.display_name, 40), certificateNo: cut(o.certificate_no || '未登记', 40) }));
}

export async function orderRectification(tx: Db, h: repo.HazardRow, deadline: string, actor: Principal, now: Date) {
  const inspectors = await officers(tx, h, actor);
  if (!inspectors || h.department_id === null) return null;
  return issueDocument(
    tx,
    {
      kind: 'rectification_order',
      enterpriseId: h.enterprise_id,
      departmentId: h.department_id,
      source: { type: 'hazard', id: h.id },
      content: {
        kind: 'rectification_order',
        items: [{ description: cut(h.description, 1000), ...(h.legal_basis ? { legalBasis: cut(h.legal_basis, 300) } : {}), major: h.level === 'major', hazardId: h.id, immediate: false, deadline }],
        inspectors,
      },
    },
    actor,
    now,
  );
}

export async function reviewOpinion(tx: Db, h: repo.HazardRow, passed: boolean, opinion: string, actor: Principal, now: Date, today: string) {
  const inspectors = await officers(tx, h, actor);
  const [original] = await repo.rectificationOrders(tx, h.enterprise_id, h.id, h.inspection_id);
  if (!inspectors || !original || h.department_id === null) return null;
  return issueDocument(
    tx,
    {
      kind: 'review_opinion',
      enterpriseId: h.enterprise_id,
      departmentId: h.department_id,
      source: { type: 'hazard', id: h.id },
      content: {
        kind: 'review_opinion',
        original: { kind: 'rectification_order', number: original.number, issuedOn: new Date(new Date(original.issued_at).getTime() + 8 * 3_600_000).toISOString().slice(0, 10) },
        reviewedOn: today,
        results: [{ item: cut(h.description, 300), rectified: passed, ...(opinion ? { note: cut(opinion, 300) } : {}) }],
        opinion: cut(opinion || (passed ? '已按要求整改完毕，同意销号。' : '未按要求整改，责令继续整改。'), 2000),
        conclusion: passed ? 'passed' : 'failed',
        inspectors,
      },
    },
    actor,
    now,
  );
}
