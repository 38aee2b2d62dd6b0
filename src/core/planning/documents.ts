/**
 * What an enterprise prepares for a visit: the documents every inspection looks at (逢查必检证书, 逢查必考) and those
 * each line's matters need. Keys are translated by the web app; zh-CN labels are given for exports.
 */
export interface DocumentToPrepare {
  key: string;
  label: string;
}

const COMMON: DocumentToPrepare[] = [
  { key: 'business_licence', label: '营业执照' },
  { key: 'responsibility_system', label: '全员安全生产责任制及考核记录' },
  { key: 'special_operation_certs', label: '特种作业人员操作证（逢查必检证书）' },
  { key: 'principal_training', label: '主要负责人、安全管理人员安全生产知识和管理能力考核合格证明（逢查必考）' },
  { key: 'hazard_ledger', label: '事故隐患排查治理台账' },
];

const BY_LINE: Record<string, DocumentToPrepare[]> = {
  emergency: [
    { key: 'safety_licence', label: '安全生产许可证（危险化学品等行业）' },
    { key: 'risk_report', label: '安全风险辨识评估及风险报告' },
    { key: 'emergency_plan', label: '生产安全事故应急预案及演练记录' },
  ],
  market: [{ key: 'special_equipment_register', label: '特种设备使用登记证及定期检验报告' }],
  housing: [{ key: 'construction_permits', label: '施工许可证及危大工程专项施工方案' }],
  ecology: [{ key: 'pollution_permit', label: '排污许可证及危险废物管理台账' }],
  fire: [{ key: 'fire_inspection', label: '消防设施维护保养检测记录及防火巡查记录' }],
  transport: [{ key: 'transport_permits', label: '道路运输经营许可证、车辆及驾驶员从业资格证' }],
  police: [{ key: 'police_permits', label: '易制爆/剧毒化学品购买及备案凭证' }],
  health: [{ key: 'occupational_health', label: '职业病危害因素检测报告' }],
};

export function documentsFor(lines: readonly string[]): DocumentToPrepare[] {
  const out = [...COMMON];
  for (const l of [...new Set(lines)].sort()) for (const d of BY_LINE[l] ?? []) out.push(d);
  return out;
}
