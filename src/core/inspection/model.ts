/**
 * 现场检查 on-site inspection: the words of the record. Seed 002: 重大事故隐患判定标准 "固化到执法系统作为必查项",
 * "推行逢查必考", "谁检查、谁签名、谁负责"; seed 000: "逢查必检证书". domain.md §6: an inspection is made by ≥2 officers.
 */
import { label, type Label } from '../reference/label.ts';

/** draft 检查中 → signing 签名中 (content frozen at the first signature) → signed 已签名 (locked); cancelled 已作废 */
export type InspectionStatus = 'draft' | 'signing' | 'signed' | 'cancelled';
export const INSPECTION_STATUSES: readonly { code: InspectionStatus; label: Label }[] = [
  { code: 'draft', label: label('检查中', 'In progress') },
  { code: 'signing', label: label('签名中', 'Signing') },
  { code: 'signed', label: label('已签名', 'Signed') },
  { code: 'cancelled', label: label('已作废', 'Cancelled') },
];

/** planned: from a published (joint) visit; unplanned: with its reason recorded. */
export type InspectionKind = 'planned' | 'unplanned';
export type UnplannedReason = 'complaint' | 'campaign' | 'follow_up' | 'other';
export const UNPLANNED_REASONS: readonly { code: UnplannedReason; label: Label }[] = [
  { code: 'complaint', label: label('投诉举报核查', 'Complaint or report') },
  { code: 'campaign', label: label('专项检查', 'Special campaign') },
  { code: 'follow_up', label: label('复查（回头看）', 'Follow-up') },
  { code: 'other', label: label('其他', 'Other') },
];

/** 检查结果 per item: 符合 compliant · 发现隐患 hazard found · 不适用 not applicable */
export type ItemResult = 'compliant' | 'hazard' | 'not_applicable';
export const ITEM_RESULTS: readonly { code: ItemResult; label: Label }[] = [
  { code: 'compliant', label: label('符合', 'Compliant') },
  { code: 'hazard', label: label('发现隐患', 'Hazard found') },
  { code: 'not_applicable', label: label('不适用', 'Not applicable') },
];

/** Whom 逢查必考 quizzes: 主要负责人, 安全管理人员, 特种作业人员 (seed 002 task 6: 三项岗位人员). */
export type PersonRole = 'principal' | 'safety_manager' | 'special_operator' | 'other';
export const PERSON_ROLES: readonly { code: PersonRole; label: Label }[] = [
  { code: 'principal', label: label('主要负责人', 'Principal') },
  { code: 'safety_manager', label: label('安全生产管理人员', 'Safety manager') },
  { code: 'special_operator', label: label('特种作业人员', 'Special operator') },
  { code: 'other', label: label('其他从业人员', 'Other worker') },
];
export type QuizRole = Exclude<PersonRole, 'other'>;
export const QUIZ_ROLES: readonly QuizRole[] = ['principal', 'safety_manager', 'special_operator'];

/**
 * 证书类别. The 11 special-operation categories of 原安监总局令第30号 (after 安监总人事〔2018〕18号; domain.md §8), the
 * principals' and safety managers' 考核合格证, and — a different system, 市场监管's — 特种设备作业人员证.
 */
export type CertificateCategory =
  | 'electrician' | 'welding' | 'working_at_height' | 'refrigeration' | 'coal_mine' | 'metal_mine' | 'oil_gas'
  | 'metallurgy' | 'hazchem' | 'fireworks' | 'special_other'
  | 'safety_qualification' | 'special_equipment' | 'none';
export const CERTIFICATE_CATEGORIES: readonly { code: CertificateCategory; label: Label; special: boolean }[] = [
  { code: 'electrician', label: label('电工作业', 'Electrical work'), special: true },
  { code: 'welding', label: label('焊接与热切割作业', 'Welding and thermal cutting'), special: true },
  { code: 'working_at_height', label: label('高处作业', 'Work at height'), special: true },
  { code: 'refrigeration', label: label('制冷与空调作业', 'Refrigeration and air conditioning'), special: true },
  { code: 'coal_mine', label: label('煤矿安全作业', 'Coal-mine safety work'), special: true },
  { code: 'metal_mine', label: label('金属非金属矿山安全作业', 'Metal and non-metal mine work'), special: true },
  { code: 'oil_gas', label: label('石油天然气安全作业', 'Oil and gas work'), special: true },
  { code: 'metallurgy', label: label('冶金（有色）生产安全作业', 'Metallurgy (non-ferrous) work'), special: true },
  { code: 'hazchem', label: label('危险化学品安全作业', 'Hazardous chemicals work'), special: true },
  { code: 'fireworks', label: label('烟花爆竹安全作业', 'Fireworks work'), special: true },
  { code: 'special_other', label: label('其他特种作业', 'Other special work'), special: true },
  { code: 'safety_qualification', label: label('安全生产知识和管理能力考核合格证', 'Safety knowledge and management certificate'), special: false },
  { code: 'special_equipment', label: label('特种设备作业人员证', 'Special-equipment operator certificate'), special: false },
  { code: 'none', label: label('无证书', 'No certificate'), special: false },
];

/** What the inspector found about the certificate: 有效 · 过期 · 未持证 · 证件不符（疑似假证） */
export type CertificateResult = 'valid' | 'expired' | 'missing' | 'mismatch';
export const CERTIFICATE_RESULTS: readonly { code: CertificateResult; label: Label }[] = [
  { code: 'valid', label: label('持证有效', 'Valid') },
  { code: 'expired', label: label('证书过期', 'Expired') },
  { code: 'missing', label: label('未持证', 'No certificate') },
  { code: 'mismatch', label: label('证件不符（疑似假证）', 'Does not match (suspected fake)') },
];

/** 现场处理措施 (安全生产法 Art. 65 (三)): what inspectors may order on the spot for a major hazard. */
export type OnSiteMeasureKind = 'evacuate' | 'suspend_work' | 'stop_use' | 'other';
export const ON_SITE_MEASURES: readonly { code: OnSiteMeasureKind; label: Label }[] = [
  { code: 'evacuate', label: label('从危险区域内撤出作业人员', 'Evacuate workers from the danger area') },
  { code: 'suspend_work', label: label('暂时停产停业', 'Suspend production or business') },
  { code: 'stop_use', label: label('停止使用相关设施、设备', 'Stop using the facilities or equipment') },
  { code: 'other', label: label('其他现场处理措施', 'Other on-site measure') },
];

export interface OnSiteMeasure {
  kind: OnSiteMeasureKind;
  description: string;
}
