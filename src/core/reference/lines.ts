/** 条线 supervision lines — the systems of departments that carry a work-safety duty (三管三必须). */
import type { Label } from './label.ts';

export type SupervisionLineCode =
  | 'emergency' | 'market' | 'housing' | 'ecology' | 'fire' | 'transport' | 'police' | 'health' | 'education' | 'culture'
  | 'industry' | 'natural_resources' | 'water' | 'agriculture' | 'commerce' | 'urban' | 'power'
  | 'civil_affairs' | 'sports' | 'postal' | 'meteorology';

export interface SupervisionLine {
  code: SupervisionLineCode;
  /** Short pinyin abbreviation used in department codes, e.g. D-yj-320100 (collision.md style). */
  abbr: string;
  label: Label;
  /** Usual name of the department at city level, with {city} to fill in (e.g. 南京市). */
  cityDeptPattern: string;
  /** Main lines are present at district level too (joint-inspection core). */
  main: boolean;
}

const l = (code: SupervisionLineCode, abbr: string, zh: string, en: string, cityDeptPattern: string, main = false): SupervisionLine => ({
  code, abbr, label: { 'zh-CN': zh, 'en-US': en }, cityDeptPattern, main,
});

export const SUPERVISION_LINES: readonly SupervisionLine[] = [
  l('emergency', 'yj', '应急管理', 'Emergency management', '{city}应急管理局', true),
  l('market', 'sj', '市场监管', 'Market regulation', '{city}市场监督管理局', true),
  l('housing', 'zj', '住建', 'Housing and urban-rural development', '{city}住房和城乡建设局', true),
  l('ecology', 'st', '生态环境', 'Ecology and environment', '{city}生态环境局', true),
  l('fire', 'xf', '消防救援', 'Fire and rescue', '{city}消防救援支队', true),
  l('transport', 'jt', '交通运输', 'Transport', '{city}交通运输局', true),
  l('police', 'ga', '公安', 'Public security', '{city}公安局'),
  l('health', 'wj', '卫健', 'Health', '{city}卫生健康委员会'),
  l('education', 'jy', '教育', 'Education', '{city}教育局'),
  l('culture', 'wl', '文旅', 'Culture and tourism', '{city}文化和旅游局'),
  l('industry', 'gx', '工信', 'Industry and information technology', '{city}工业和信息化局'),
  l('natural_resources', 'zr', '自然资源', 'Natural resources', '{city}规划和自然资源局'),
  l('water', 'sw', '水务', 'Water affairs', '{city}水务局'),
  l('agriculture', 'nn', '农业农村', 'Agriculture and rural affairs', '{city}农业农村局'),
  l('commerce', 'sc', '商务', 'Commerce', '{city}商务局'),
  l('urban', 'cg', '城管', 'Urban management', '{city}城市管理局'),
  l('power', 'dl', '电力', 'Electric power', '{city}发展和改革委员会'),
  l('civil_affairs', 'mz', '民政', 'Civil affairs', '{city}民政局'),
  l('sports', 'ty', '体育', 'Sports', '{city}体育局'),
  l('postal', 'yz', '邮政', 'Postal administration', '{city}邮政管理局'),
  l('meteorology', 'qx', '气象', 'Meteorology (lightning protection)', '{city}气象局'),
];

const byCode = new Map(SUPERVISION_LINES.map((x) => [x.code, x]));
export function supervisionLine(code: string): SupervisionLine | undefined {
  return byCode.get(code as SupervisionLineCode);
}
