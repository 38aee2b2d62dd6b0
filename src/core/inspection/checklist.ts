/**
 * The checklist of an inspection: the items of the visit's plans, pinned to the item versions the plans hold, plus the
 * must-check major-hazard criteria (必查项) of the enterprise's domain on the inspecting department's line (seed 002:
 * "将重大事故隐患判定标准和重点检查事项固化到执法系统作为必查项").
 *
 * Which criteria apply (domain.md §5, 应急管理部令第10号): an industry's own article (Arts. 4–10) to that industry; the
 * general Art. 3 and the special Arts. 11–13 (粉尘涉爆, 液氨制冷, 有限空间) to every 工贸 enterprise — 商贸 has no article
 * of its own, only Art. 3 and Arts. 11–13; 安监总管三〔2017〕121号 to 危险化学品. A special article that does not fit the
 * plant (no ammonia refrigeration) is answered "not applicable" with a reason — it is not silently left out.
 */
export interface LibraryItem {
  id: number;
  code: string;
  version: number;
  text: string;
  legalBasis: string;
  line: string;
  industryDomain: string | null;
  majorHazard: boolean;
  standard: string | null;
  article: number | null;
}

export interface ChecklistEntry {
  itemId: number;
  code: string;
  version: number;
  text: string;
  legalBasis: string;
  /** a major-hazard criterion: a finding here is a 重大事故隐患 by definition */
  majorHazard: boolean;
  /** must be answered before the record can be signed */
  mustCheck: boolean;
  origin: 'plan' | 'criteria';
  position: number;
}

/** 冶金等工贸 (应急厅〔2019〕17号): the eight industries 应急管理部令第10号 covers. */
export const GONGMAO_DOMAINS: ReadonlySet<string> = new Set(['metallurgy', 'nonferrous', 'building_materials', 'machinery', 'light_industry', 'textile', 'tobacco', 'commerce']);
const ORDER_10 = '应急管理部令第10号';

/** Does a major-hazard criterion apply to an enterprise of `domain`? */
export function criterionApplies(item: Pick<LibraryItem, 'majorHazard' | 'industryDomain' | 'standard'>, domain: string): boolean {
  if (!item.majorHazard) return false;
  if (item.industryDomain !== null) return item.industryDomain === domain;
  // Art. 3 and Arts. 11–13 of 部令第10号 carry no industry: they bind every 工贸 enterprise, and only those
  if (item.standard === ORDER_10) return GONGMAO_DOMAINS.has(domain);
  return true;
}

/** The must-check criteria for an enterprise's domain among the current library items of one line. */
export function mustCheckCriteria(current: readonly LibraryItem[], domain: string, line: string): LibraryItem[] {
  return current.filter((i) => i.line === line && criterionApplies(i, domain)).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * Plan items first (their pinned versions, in plan order, each code once), then every applicable criterion whose code
 * the plans did not already carry. A plan item that is itself a criterion is a must-check item too.
 */
export function composeChecklist(planItems: readonly LibraryItem[], currentLineItems: readonly LibraryItem[], domain: string, line: string): ChecklistEntry[] {
  const out: ChecklistEntry[] = [];
  const seen = new Set<string>();
  const push = (i: LibraryItem, origin: ChecklistEntry['origin']) => {
    if (seen.has(i.code)) return;
    seen.add(i.code);
    out.push({
      itemId: i.id,
      code: i.code,
      version: i.version,
      text: i.text,
      legalBasis: i.legalBasis,
      majorHazard: i.majorHazard,
      mustCheck: i.majorHazard && criterionApplies(i, domain),
      origin,
      position: out.length + 1,
    });
  };
  for (const i of planItems) push(i, 'plan');
  for (const i of mustCheckCriteria(currentLineItems, domain, line)) push(i, 'criteria');
  return out;
}
