import { INDUSTRY_DOMAINS, type IndustryDomainCode } from '../reference/domains.ts';
import type { Principal, Scope } from './principal.ts';
import { regionPrefix } from './principal.ts';

/**
 * Which industry domains a supervision line (条线) sees in the register ("管行业必须管安全").
 * 应急管理 (综合监管, comprehensive supervision), 消防救援 and 市场监管 (特种设备 sit in every kind of unit)
 * see every domain; the other lines see the domains they lead plus those they co-supervise.
 */
const COMPREHENSIVE_LINES = new Set(['emergency', 'fire', 'market']);

const CO_SUPERVISED: Record<string, IndustryDomainCode[]> = {
  ecology: ['hazchem', 'fireworks', 'metallurgy', 'nonferrous', 'building_materials', 'oil_gas'],
  police: ['hazchem', 'fireworks', 'road_transport'],
  industry: ['metallurgy', 'nonferrous', 'building_materials', 'machinery', 'light_industry', 'textile', 'tobacco', 'hazchem'],
  housing: ['construction', 'gas'],
  urban: ['gas', 'construction'],
  transport: ['road_transport'],
  commerce: ['commerce'],
  natural_resources: ['non_coal_mine', 'coal'],
  power: ['oil_gas', 'gas'],
};

export function domainsOfLine(line: string | null): readonly string[] | null {
  if (line === null || COMPREHENSIVE_LINES.has(line)) return null;
  const own = INDUSTRY_DOMAINS.filter((d) => d.leadLine === line).map((d) => d.code as string);
  const set = new Set<string>([...own, ...(CO_SUPERVISED[line] ?? [])]);
  return [...set].sort();
}

/** The data scope of a signed-in user (数据范围). Department roles are limited to their line. */
export function scopeOf(p: Principal): Scope {
  return {
    regionPrefix: regionPrefix(p.regionCode),
    domains: p.role === 'dept_head' || p.role === 'inspector' ? domainsOfLine(p.line) : null,
    enterpriseId: p.role === 'enterprise_officer' ? (p.enterpriseId ?? -1) : null,
  };
}
