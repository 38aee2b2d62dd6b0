/**
 * Who may see which enforcement documents. The rows a user sees are the data scope of the enterprise register
 * (数据范围: region subtree; a department's line → its industry domains; an enterprise officer's own enterprise), applied
 * in the repository through the enterprise each document belongs to. On top of it, by kind:
 *
 * - the enforcement side (admin, 安委办 coordinator, department heads, inspectors) sees every kind;
 * - everybody else who sees the enterprise (the enterprise's own officer, grid workers, experts) sees the documents served
 *   on the party — the record, orders, decisions, notices and review opinions — but not the two internal ones: the
 *   立案审批表 (an internal approval with its officials' opinions) and the 涉嫌犯罪案件移送书 (addressed to the police;
 *   showing it to the suspect could compromise the criminal investigation).
 *
 * Issuing is not a route: the inspection and case services call issueDocument when their own rules say a document is due.
 * Numbering settings (机关简称/代字) are edited by admins within their region.
 */
import type { Principal } from '../../core/access/principal.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../../core/documents/model.ts';

const ENFORCEMENT = new Set(['admin', 'coordinator', 'dept_head', 'inspector']);

/** Kinds not served on the party: internal to the department, or addressed to another authority. */
export const INTERNAL_KINDS: readonly DocumentKind[] = ['case_filing', 'criminal_transfer'];

export const documentPolicy = {
  canList: (_p: Principal) => true,
  /** The kinds this user may see (within the enterprises of their scope). */
  visibleKinds: (p: Principal): readonly DocumentKind[] =>
    ENFORCEMENT.has(p.role) ? DOCUMENT_KINDS : DOCUMENT_KINDS.filter((k) => !INTERNAL_KINDS.includes(k)),
  canSeeKind: (p: Principal, kind: DocumentKind) => ENFORCEMENT.has(p.role) || !INTERNAL_KINDS.includes(kind),
  /** 文号 settings: everybody on the enforcement side reads them; admins edit them. */
  canReadNumbering: (p: Principal) => ENFORCEMENT.has(p.role),
  canEditNumbering: (p: Principal) => p.role === 'admin',
};
