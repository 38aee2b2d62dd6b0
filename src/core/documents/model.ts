/**
 * 安全生产执法文书 — the enforcement documents of an inspection, a hazard and a case (domain.md §6).
 *
 * The eight documents of the national template set (《安全生产监管监察执法文书》式样, set nationally under
 * 《安全生产违法行为行政处罚办法》 Art. 66) that Anjian issues. Each has a stable English code (stored, in the API),
 * its Chinese and English names and the word it carries in its number (文号):
 * `（<department abbreviation>）<agency word><kind word>〔<year>〕<n>号`, e.g. `（宁江）应急责改〔2026〕12号`,
 * numbered per department, kind and year without gaps.
 *
 * Pure: no I/O, no clock (the issuing time is handed in), no node:* (the web imports it too).
 */
import type { Label } from '../reference/label.ts';

// ─── Kinds ──────────────────────────────────────────────────────────────────────────────────────────────────────

export const DOCUMENT_KINDS = [
  'inspection_record', // 现场检查记录 (检记)
  'onsite_measures', // 现场处理措施决定书 (现决)
  'rectification_order', // 责令限期整改指令书 (责改)
  'review_opinion', // 整改复查意见书 (复查)
  'case_filing', // 立案审批表 (立)
  'penalty_notice', // 行政处罚告知书 (罚告)
  'penalty_decision', // 行政处罚决定书 (罚)
  'criminal_transfer', // 涉嫌犯罪案件移送书 (移)
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** What a document is issued from: an inspection (检查), a hazard (隐患) or an enforcement case (案件). */
export const DOCUMENT_SOURCE_TYPES = ['inspection', 'hazard', 'case'] as const;
export type DocumentSourceType = (typeof DOCUMENT_SOURCE_TYPES)[number];

export interface DocumentSource {
  type: DocumentSourceType;
  id: number;
}

export interface DocumentKindInfo {
  code: DocumentKind;
  /** The template's title as printed, e.g. 责令限期整改指令书. */
  title: string;
  label: Label;
  /** The word of the number (文号), domain.md §6: 检记, 现决, 责改, 复查, 立, 罚告, 罚, 移. */
  word: string;
  /** The stage of the enforcement flow it belongs to. */
  stage: 'inspection' | 'hazard' | 'case';
  /** Where it may be issued from. */
  sources: readonly DocumentSourceType[];
}

const k = (
  code: DocumentKind,
  title: string,
  en: string,
  word: string,
  stage: DocumentKindInfo['stage'],
  sources: readonly DocumentSourceType[],
): DocumentKindInfo => ({ code, title, label: { 'zh-CN': title, 'en-US': en }, word, stage, sources });

export const DOCUMENT_KIND_INFO: Readonly<Record<DocumentKind, DocumentKindInfo>> = {
  inspection_record: k('inspection_record', '现场检查记录', 'On-site inspection record', '检记', 'inspection', ['inspection']),
  onsite_measures: k('onsite_measures', '现场处理措施决定书', 'Decision on on-site measures', '现决', 'inspection', ['inspection', 'hazard']),
  rectification_order: k('rectification_order', '责令限期整改指令书', 'Order to rectify within a time limit', '责改', 'hazard', ['inspection', 'hazard']),
  review_opinion: k('review_opinion', '整改复查意见书', 'Rectification review opinion', '复查', 'hazard', ['hazard', 'inspection', 'case']),
  case_filing: k('case_filing', '立案审批表', 'Case filing approval form', '立', 'case', ['case']),
  penalty_notice: k('penalty_notice', '行政处罚告知书', 'Notice of intended administrative penalty', '罚告', 'case', ['case']),
  penalty_decision: k('penalty_decision', '行政处罚决定书', 'Administrative penalty decision', '罚', 'case', ['case']),
  criminal_transfer: k('criminal_transfer', '涉嫌犯罪案件移送书', 'Transfer of a suspected criminal case', '移', 'case', ['case']),
};

export function isDocumentKind(v: string): v is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(v);
}

// ─── Numbering 文号 ─────────────────────────────────────────────────────────────────────────────────────────────

/** The parts of a number: `（宁江）应急责改〔2026〕12号`. */
export interface DocumentNumberParts {
  /** 机关简称, e.g. 宁江 (南京市江宁区应急管理局), 宁 (南京市应急管理局). */
  abbreviation: string;
  /** 机关代字, e.g. 应急 (the older prefix was 安监管). */
  agencyWord: string;
  kind: DocumentKind;
  year: number;
  /** 1, 2, 3 … per department, kind and year, without gaps. */
  seq: number;
}

export function formatDocumentNumber(p: DocumentNumberParts): string {
  return `（${p.abbreviation}）${p.agencyWord}${DOCUMENT_KIND_INFO[p.kind].word}〔${p.year}〕${p.seq}号`;
}

/** Reads a number back into its parts (null when it is not one of ours). Longer kind words are tried first (罚告 before 罚). */
export function parseDocumentNumber(text: string): DocumentNumberParts | null {
  const m = /^（([^（）]+)）(\S*?)〔(\d{4})〕([1-9]\d*)号$/.exec(text.trim());
  if (!m) return null;
  const head = m[2]!;
  const kinds = [...DOCUMENT_KINDS].sort((a, b) => DOCUMENT_KIND_INFO[b].word.length - DOCUMENT_KIND_INFO[a].word.length);
  for (const kind of kinds) {
    const word = DOCUMENT_KIND_INFO[kind].word;
    if (head.endsWith(word) && head.length > word.length) {
      return { abbreviation: m[1]!, agencyWord: head.slice(0, -word.length), kind, year: Number(m[3]), seq: Number(m[4]) };
    }
  }
  return null;
}

/**
 * 机关代字 by supervision line, used when a department has none of its own: 应急 is the national prefix of the
 * emergency-management documents (formerly 安监管); the other lines' words are their usual short names.
 */
export const AGENCY_WORD_BY_LINE: Readonly<Record<string, string>> = {
  emergency: '应急',
  market: '市监',
  housing: '建',
  ecology: '环',
  fire: '消',
  transport: '交',
  police: '公',
  health: '卫',
  education: '教',
  culture: '文旅',
  industry: '工信',
  natural_resources: '自然资源',
  water: '水',
  agriculture: '农',
  commerce: '商',
  urban: '城管',
  power: '电',
  civil_affairs: '民',
  sports: '体',
  postal: '邮',
  meteorology: '气',
};

export function defaultAgencyWord(line: string): string {
  return AGENCY_WORD_BY_LINE[line] ?? '应急';
}

/** The year a document is numbered in: its issuing day in China (UTC+8, no daylight saving). */
export function numberingYear(issuedAt: Date): number {
  return new Date(issuedAt.getTime() + 8 * 3600_000).getUTCFullYear();
}

// ─── Parties and people ─────────────────────────────────────────────────────────────────────────────────────────

/** The enterprise as the register had it when the document was issued (snapshot, frozen with the document). */
export interface EnterpriseParty {
  id: number;
  name: string;
  /** 统一社会信用代码 */
  uscc: string;
  address: string;
  /** 法定代表人（负责人） */
  legalRepresentative: string;
  phone: string;
}

/** The issuing department (执法机关) as it was at issue time. */
export interface IssuingDepartment {
  id: number;
  name: string;
  abbreviation: string;
  agencyWord: string;
  regionCode: string;
}

/** 执法人员 and their 执法证 number (安全生产法 Art. 66: at least two officers, who show their credentials). */
export interface Officer {
  name: string;
  certificateNo: string;
}

/** A natural person in a case: 被处罚人 under 一案双罚, or a person present at an inspection. */
export interface Person {
  name: string;
  /** 职务, e.g. 主要负责人, 安全管理人员 */
  title?: string;
  /** 居民身份证号 (GB 11643) */
  idNumber?: string;
  phone?: string;
  address?: string;
}

/** 行政复议 and 行政诉讼: where a party may contest the document (行政复议法 2023 Art. 24; 行政诉讼法 Art. 46). */
export interface Remedy {
  /** 复议机关, e.g. 南京市江宁区人民政府 */
  reconsiderationBody: string;
  /** e.g. 南京市江宁区人民法院 (or the court of 集中管辖); none: “依法向人民法院提起行政诉讼”. */
  court?: string;
}

/** A finding: a problem or hazard found, the item it breaks and its legal basis. */
export interface Finding {
  /** The checklist item or criterion it breaks (e.g. 《工贸企业重大事故隐患判定标准》第十一条第（四）项). */
  item: string;
  description: string;
  /** 违反的规定 */
  legalBasis?: string;
  /** 重大事故隐患 */
  major?: boolean;
  location?: string;
  /** The hazard in the ledger (隐患台账) it became, if any. */
  hazardId?: number;
}

// ─── Content per kind ───────────────────────────────────────────────────────────────────────────────────────────

/** 现场检查记录 */
export interface InspectionRecordContent {
  kind: 'inspection_record';
  /** 检查场所 */
  place: string;
  /** ISO instants */
  startedAt: string;
  endedAt: string;
  /** ≥ 2 officers (安全生产法 Art. 66). */
  inspectors: Officer[];
  /** 被检查单位现场负责人 */
  onSiteRepresentative: Person;
  /** 检查情况: what was inspected and how (free text as recorded). */
  situation: string;
  findings: Finding[];
  /** People and certificates checked (逢查必检), as a line each, e.g. 王五 特种作业操作证（焊接与热切割）T3201… 有效 */
  certificatesChecked?: string[];
}

export type OnSiteMeasureType =
  | 'evacuate' // 从危险区域内撤出作业人员
  | 'suspend_production' // 暂时停产停业
  | 'stop_use' // 停止使用相关设施、设备
  | 'seal' // 查封、扣押
  | 'other';

export interface OnSiteMeasure {
  type: OnSiteMeasureType;
  /** What exactly, e.g. 立即停止二号粉碎车间的生产作业，撤出作业人员 */
  text: string;
}

/** 现场处理措施决定书 */
export interface OnSiteMeasuresContent {
  kind: 'onsite_measures';
  findings: Finding[];
  /** Default: 《中华人民共和国安全生产法》第六十五条第一款第（三）项 */
  legalBasis?: string;
  measures: OnSiteMeasure[];
  inspectors: Officer[];
  remedy?: Remedy;
}

export interface RectificationItem {
  description: string;
  legalBasis?: string;
  major?: boolean;
  hazardId?: number;
  /** true: 立即整改; otherwise `deadline` (YYYY-MM-DD) is the day by which it is fixed. */
  immediate: boolean;
  deadline?: string;
}

/** 责令限期整改指令书 */
export interface RectificationOrderContent {
  kind: 'rectification_order';
  items: RectificationItem[];
  inspectors: Officer[];
  remedy?: Remedy;
}

/** A document a review looks back at. */
export interface ReferencedDocument {
  kind: DocumentKind;
  number: string;
  /** YYYY-MM-DD */
  issuedOn: string;
}

/** 整改复查意见书 */
export interface ReviewOpinionContent {
  kind: 'review_opinion';
  /** The order/decision whose rectification is reviewed. */
  original: ReferencedDocument;
  /** YYYY-MM-DD */
  reviewedOn: string;
  results: { item: string; rectified: boolean; note?: string }[];
  /** 复查意见 */
  opinion: string;
  /** passed: 已整改完毕 (可销号); failed: 未按要求整改 */
  conclusion: 'passed' | 'failed';
  inspectors: Officer[];
}

/** 立案审批表 */
export interface CaseFilingContent {
  kind: 'case_filing';
  /** 案件名称, e.g. 南京某化工有限公司未按规定开展隐患排查治理案 */
  caseName: string;
  /** 案件来源, e.g. 现场检查 / 举报 / 上级交办 */
  caseSource: string;
  /** 案由 */
  cause: string;
  /** The unit's responsible person when the case also names them (一案双罚). */
  responsiblePerson?: Person;
  /** 简要案情及立案理由 */
  summary: string;
  /** 承办人 */
  handlers: Officer[];
  /** 承办人意见 */
  handlerOpinion: string;
  /** 审核意见 */
  reviewOpinion?: string;
  /** 审批意见 */
  approvalOpinion: string;
}

export type PenaltyTarget = 'unit' | 'person';

/** One penalty of a notice or decision (一案双罚: one for the unit, one for its responsible person). */
export interface Penalty {
  target: PenaltyTarget;
  /** 违反的规定, e.g. 《中华人民共和国安全生产法》第四十一条第二款 */
  violated: string;
  /** 处罚依据, e.g. 《中华人民共和国安全生产法》第一百零二条 */
  basis: string;
  /** Fine in yuan (罚款), null when there is none. */
  fineYuan: number | null;
  /** Other penalties, e.g. 警告, 责令停产停业整顿, 没收违法所得 */
  other?: string[];
}

/** 行政处罚告知书 */
export interface PenaltyNoticeContent {
  kind: 'penalty_notice';
  /** The person under 一案双罚, named when a penalty targets them. */
  responsiblePerson?: Person;
  /** 违法事实 */
  facts: string;
  penalties: Penalty[];
  /** 符合听证条件 (较大数额罚款等, 行政处罚法 Art. 63) */
  hearingRight: boolean;
  /** 联系人 / 电话 / 地址 of the department for the party's statement. */
  contact: { name: string; phone: string; address: string };
}

/** 行政处罚决定书 */
export interface PenaltyDecisionContent {
  kind: 'penalty_decision';
  responsiblePerson?: Person;
  /** 违法事实 */
  facts: string;
  /** 证据, one line each */
  evidence: string[];
  /** How the party's statement, defence or hearing was heard (陈述申辩/听证情况), if any. */
  statementHeard?: string;
  penalties: Penalty[];
  /** Where the fine is paid (within 15 days; 行政处罚法 Art. 67, 72: 3 % a day surcharge when late). */
  payment?: { bank: string; accountName: string; account: string };
  remedy?: Remedy;
}

/** 涉嫌犯罪案件移送书 (行刑衔接) */
export interface CriminalTransferContent {
  kind: 'criminal_transfer';
  /** 接收的公安机关, e.g. 南京市公安局江宁分局 */
  publicSecurityOrgan: string;
  /** 涉嫌罪名, e.g. 重大责任事故罪 */
  suspectedCrime: string;
  /** The person(s) suspected, if named. */
  suspects?: Person[];
  /** 涉嫌犯罪的事实 */
  facts: string;
  /** 附件, e.g. 涉嫌犯罪案件情况的调查报告 */
  attachments: string[];
  /** 抄送, e.g. 南京市江宁区人民检察院 */
  procuratorate?: string;
}

export type DocumentContent =
  | InspectionRecordContent
  | OnSiteMeasuresContent
  | RectificationOrderContent
  | ReviewOpinionContent
  | CaseFilingContent
  | PenaltyNoticeContent
  | PenaltyDecisionContent
  | CriminalTransferContent;

export type ContentOf<K extends DocumentKind> = Extract<DocumentContent, { kind: K }>;

// ─── Signatures 签名 ────────────────────────────────────────────────────────────────────────────────────────────

export const SIGNATURE_ROLES = [
  'inspector', // 执法人员
  'enterprise', // 被检查单位负责人 / 现场负责人 / 当事人
  'handler', // 承办人
  'reviewer', // 审核人
  'approver', // 审批人 (负责人)
  'recipient', // 受送达人
] as const;
export type SignatureRole = (typeof SIGNATURE_ROLES)[number];

/**
 * A drawn signature: the PNG itself (base64, as a phone's signature pad gives it), or a reference to a PNG the
 * caller's store holds (resolved and frozen into the document at issue time, so the PDF never changes).
 */
export type SignatureImage = { pngBase64: string } | { fileRef: string };

export interface DocumentSignature {
  role: SignatureRole;
  name: string;
  /** 执法证号 for officers */
  certificateNo?: string;
  image?: SignatureImage;
  /** ISO instant */
  signedAt: string;
}

/** A signature as frozen in an issued document: images are always inline. */
export interface FrozenSignature extends Omit<DocumentSignature, 'image'> {
  pngBase64?: string;
}

// ─── The issued document ────────────────────────────────────────────────────────────────────────────────────────

/**
 * Everything a PDF is drawn from, frozen at issue time: the number, the issuer, the enterprise as the register had
 * it, the kind's content and the signatures. Its hash enters the audit chain; the PDF never changes after.
 */
export interface FrozenDocument {
  /** Version of this shape, so an old document is always drawn the way it was issued. */
  format: 1;
  kind: DocumentKind;
  number: string;
  /** ISO instant */
  issuedAt: string;
  issuer: IssuingDepartment;
  enterprise: EnterpriseParty;
  source: DocumentSource;
  content: DocumentContent;
  signatures: FrozenSignature[];
}

/**
 * Default remedy bodies when the caller names none: the people's government of the issuing department's level
 * (行政复议法 2023 Art. 24: a department's acts are reconsidered by the government it belongs to) and, for a county
 * department, the basic people's court of its county (行政诉讼法 Art. 14, 18). A city department's court depends on
 * where the act was done and on 集中管辖, so none is named (“依法向人民法院提起行政诉讼”).
 */
export function defaultRemedy(regionNames: { province?: string; city?: string; county?: string }): Remedy {
  if (regionNames.county) {
    const place = `${regionNames.city ?? ''}${regionNames.county}`;
    return { reconsiderationBody: `${place}人民政府`, court: `${place}人民法院` };
  }
  return { reconsiderationBody: `${regionNames.city ?? regionNames.province ?? ''}人民政府` };
}
