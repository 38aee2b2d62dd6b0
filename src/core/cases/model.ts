/**
 * 执法案件 enforcement cases (domain.md §6 flow: 立案 → 调查取证 → 告知（陈述申辩/听证）→ 决定 → 送达/执行 → 结案) and the
 * measures of seed 002 action 7: "对严重违法行为依法采取停产整顿、关闭取缔、上限处罚、联合惩戒、'一案双罚'等手段，落实
 * 行刑衔接机制；对重大事故隐患'零处罚''只检查不处罚'等执法'宽松软虚'的进行约谈通报".
 */
import { label, type Label } from '../reference/label.ts';

export type CaseStep = 'filed' | 'investigating' | 'notified' | 'decided' | 'executing' | 'closed';
export const CASE_STEPS: readonly { code: CaseStep; label: Label }[] = [
  { code: 'filed', label: label('立案', 'Filed') },
  { code: 'investigating', label: label('调查取证', 'Investigating') },
  { code: 'notified', label: label('告知', 'Party notified') },
  { code: 'decided', label: label('决定', 'Decided') },
  { code: 'executing', label: label('执行', 'Executing') },
  { code: 'closed', label: label('结案', 'Closed') },
];
export const stepIndex = (s: CaseStep) => CASE_STEPS.findIndex((x) => x.code === s);

export type MeasureKind =
  | 'order_correction' | 'on_site_measure' | 'suspend_production' | 'close_down' | 'fine_unit' | 'fine_person' | 'joint_punishment';
export const MEASURE_KINDS: readonly { code: MeasureKind; label: Label; penalty: boolean }[] = [
  { code: 'order_correction', label: label('责令改正', 'Order to correct'), penalty: false },
  { code: 'on_site_measure', label: label('现场处理措施', 'On-site measure'), penalty: false },
  { code: 'suspend_production', label: label('停产停业整顿', 'Suspension of production for rectification'), penalty: true },
  { code: 'close_down', label: label('关闭取缔', 'Closure and ban'), penalty: true },
  { code: 'fine_unit', label: label('罚款（单位）', 'Fine on the unit'), penalty: true },
  { code: 'fine_person', label: label('罚款（责任人）', 'Fine on the responsible person'), penalty: true },
  { code: 'joint_punishment', label: label('联合惩戒', 'Joint punishment'), penalty: true },
];
const PENALTY = new Set(MEASURE_KINDS.filter((m) => m.penalty).map((m) => m.code));
export const isPenalty = (k: MeasureKind) => PENALTY.has(k);
export const isFine = (k: MeasureKind) => k === 'fine_unit' || k === 'fine_person';

export interface Measure {
  kind: MeasureKind;
  /** yuan (元), fines only */
  amount: number | null;
  /** fine_person: the person fined (一案双罚) */
  personName: string;
  personRole: string;
  description: string;
  /** paid / carried out */
  executed: boolean;
}

/** 行刑衔接: the record of a transfer to the police (涉嫌犯罪案件移送书). */
export interface PoliceTransfer {
  agency: string;
  suspectedOffence: string;
  summary: string;
  transferredOn: string;
  receiptNo: string;
}
