// Small hand-built scenarios for the collision tests.
import type { Plan, Scenario, Inspector, Department } from '../../../src/core/collision/index.ts';

export function scenario(parts: {
  seed?: number;
  horizon?: { start: string; end: string; holidays?: string[] };
  departments?: Department[];
  inspectors?: Partial<Inspector>[];
  enterprises?: string[];
  plans?: Partial<Plan>[];
}): Scenario {
  let n = 0;
  return {
    version: 1,
    seed: parts.seed ?? 42,
    horizon: { holidays: [], ...(parts.horizon ?? { start: '2025-03-03', end: '2025-03-28' }) } as Scenario['horizon'],
    departments: parts.departments ?? [
      dept('D-yj-3201', 'emergency', 'city'),
      dept('D-yj-320102', 'emergency', 'district'),
      dept('D-yj-320102001', 'emergency', 'town'),
      dept('D-sj-3201', 'market', 'city'),
    ],
    inspectors: (parts.inspectors ?? []).map((x) => ({
      id: x.id ?? `I-${String(++n).padStart(4, '0')}`,
      department: x.department ?? 'D-yj-3201',
      dailyCapacity: x.dailyCapacity ?? 1,
      unavailable: x.unavailable ?? [],
      qualifications: x.qualifications ?? [],
      conflicts: x.conflicts ?? [],
    })),
    enterprises: (parts.enterprises ?? ['E-1', 'E-2', 'E-3']).map((id) => ({ id, region: '320102001' })),
    plans: (parts.plans ?? []).map((p, i) => ({
      id: p.id ?? `P-${i + 1}`,
      department: p.department ?? 'D-yj-3201',
      enterprise: p.enterprise ?? 'E-1',
      window: p.window ?? { start: '2025-03-03', end: '2025-03-28' },
      items: p.items ?? ['IT-0101'],
      inspectorsNeeded: p.inspectorsNeeded ?? 2,
      requiredQualifications: p.requiredQualifications ?? [],
    })),
  };
}

export function dept(id: string, system: string, level: 'city' | 'district' | 'town'): Department {
  return { id, system, level, region: id.split('-')[2] ?? '', name: id };
}

/** n inspectors of one department. */
export function staff(department: string, n: number, extra: Partial<Inspector> = {}): Partial<Inspector>[] {
  return Array.from({ length: n }, (_, k) => ({ id: `I-${department}-${k + 1}`, department, ...extra }));
}

export const win = (start: string, end: string): { start: string; end: string } => ({ start, end });
