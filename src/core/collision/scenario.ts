// Input scenario and output schedule of the joint-inspection collision (联检碰撞),
// exactly as /shared/docs/collision.md, plus a validator with precise error paths.

import { isoToDay } from './calendar.ts';

export type Level = 'city' | 'district' | 'town'; // 市 / 区(县) / 镇(街道)

export const LEVEL_RANK: Readonly<Record<Level, number>> = { city: 3, district: 2, town: 1 };

export interface Horizon {
  start: string;
  end: string;
  holidays: string[];
}

export interface Department {
  id: string;
  /** Supervision line 条线, e.g. "emergency". */
  system: string;
  level: Level;
  region: string;
  name: string;
}

export interface Inspector {
  id: string;
  department: string;
  dailyCapacity: number;
  unavailable: string[];
  qualifications: string[];
  /** Enterprises this inspector must not inspect (回避). */
  conflicts: string[];
}

export interface Enterprise {
  id: string;
  region: string;
}

export interface Plan {
  id: string;
  department: string;
  enterprise: string;
  window: { start: string; end: string };
  items: string[];
  inspectorsNeeded: number;
  requiredQualifications: string[];
}

export interface Scenario {
  version: 1;
  seed: number;
  horizon: Horizon;
  departments: Department[];
  inspectors: Inspector[];
  enterprises: Enterprise[];
  plans: Plan[];
}

export interface Visit {
  id: string;
  enterprise: string;
  date: string;
  plans: string[];
  /** Department id → inspector ids. */
  teams: Record<string, string[]>;
}

export type DropReason = 'higher-level-duplicate';

export interface DroppedPlan {
  plan: string;
  reason: DropReason;
  keptPlan: string;
}

/** Fixed list of reasons a kept plan could not be scheduled; see docs/collision-engine.md. */
export const UNSCHEDULED_REASONS = [
  'no-working-day-in-window',
  'department-has-too-few-inspectors',
  'no-qualified-inspector',
  'all-conflicted',
  'inspectors-unavailable',
  'capacity-exhausted',
] as const;
export type UnscheduledReason = (typeof UNSCHEDULED_REASONS)[number];

export interface UnscheduledPlan {
  plan: string;
  reason: UnscheduledReason;
}

export interface ScheduleStats {
  plans: number;
  dropped: number;
  scheduled: number;
  unscheduled: number;
  visits: number;
  visitsSaved: number;
  lowerBound: number;
}

export interface Schedule {
  version: 1;
  visits: Visit[];
  dropped: DroppedPlan[];
  unscheduled: UnscheduledPlan[];
  stats: ScheduleStats;
}

export interface ValidationError {
  path: string;
  message: string;
}

export type ParseResult = { ok: true; scenario: Scenario; errors: [] } | { ok: false; errors: ValidationError[] };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const LEVELS: readonly string[] = ['city', 'district', 'town'];
const MAX_ERRORS = 200;

/**
 * Validate an untrusted JSON value as a Scenario. Optional string arrays (`holidays`, `unavailable`,
 * `qualifications`, `conflicts`, `items`, `requiredQualifications`) default to [] when absent;
 * department `name` defaults to its id. Returns every error found (capped at 200) with its JSON path.
 */
export function parseScenario(json: unknown): ParseResult {
  const errors: ValidationError[] = [];
  const err = (path: string, message: string): void => {
    if (errors.length < MAX_ERRORS) errors.push({ path, message });
  };
  if (!isObj(json)) return { ok: false, errors: [{ path: '', message: 'not an object' }] };

  if (json.version !== 1) err('version', 'must be 1');
  const seed = json.seed;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) err('seed', 'must be an integer');

  const str = (o: Record<string, unknown>, key: string, path: string): string => {
    const v = o[key];
    if (typeof v !== 'string' || v.length === 0) {
      err(`${path}.${key}`, 'must be a non-empty string');
      return '';
    }
    return v;
  };
  const date = (o: Record<string, unknown>, key: string, path: string): number => {
    const v = o[key];
    if (typeof v !== 'string') {
      err(`${path}.${key}`, 'must be a date YYYY-MM-DD');
      return NaN;
    }
    const d = isoToDay(v);
    if (Number.isNaN(d)) err(`${path}.${key}`, `not a valid date "${v}"`);
    return d;
  };
  const strArray = (o: Record<string, unknown>, key: string, path: string, isDate = false): string[] => {
    const v = o[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      err(`${path}.${key}`, 'must be an array');
      return [];
    }
    const out: string[] = [];
    v.forEach((x, i) => {
      if (typeof x !== 'string' || x.length === 0) err(`${path}.${key}[${i}]`, 'must be a non-empty string');
      else if (isDate && Number.isNaN(isoToDay(x))) err(`${path}.${key}[${i}]`, `not a valid date "${x}"`);
      else out.push(x);
    });
    return out;
  };
  const arr = (key: string): unknown[] => {
    const v = json[key];
    if (!Array.isArray(v)) {
      err(key, 'must be an array');
      return [];
    }
    return v;
  };
  const uniq = (seen: Map<string, string>, id: string, path: string): void => {
    if (!id) return;
    const first = seen.get(id);
    if (first !== undefined) err(`${path}.id`, `duplicate id "${id}" (first at ${first})`);
    else seen.set(id, path);
  };

  // horizon
  const horizon: Horizon = { start: '', end: '', holidays: [] };
  if (!isObj(json.horizon)) err('horizon', 'must be an object');
  else {
    const s = date(json.horizon, 'start', 'horizon');
    const e = date(json.horizon, 'end', 'horizon');
    if (!Number.isNaN(s) && !Number.isNaN(e) && e < s) err('horizon.end', 'before start');
    if (e - s > 3700) err('horizon', 'longer than ten years');
    horizon.start = String(json.horizon.start);
    horizon.end = String(json.horizon.end);
    horizon.holidays = strArray(json.horizon, 'holidays', 'horizon', true);
  }

  const departments: Department[] = [];
  const deptSeen = new Map<string, string>();
  arr('departments').forEach((d, i) => {
    const p = `departments[${i}]`;
    if (!isObj(d)) return err(p, 'must be an object');
    const id = str(d, 'id', p);
    uniq(deptSeen, id, p);
    const system = str(d, 'system', p);
    const level = d.level;
    if (typeof level !== 'string' || !LEVELS.includes(level)) err(`${p}.level`, 'must be one of city, district, town');
    const region = typeof d.region === 'string' ? d.region : (err(`${p}.region`, 'must be a string'), '');
    const name = typeof d.name === 'string' ? d.name : id;
    departments.push({ id, system, level: level as Level, region, name });
  });

  const enterprises: Enterprise[] = [];
  const entSeen = new Map<string, string>();
  arr('enterprises').forEach((e, i) => {
    const p = `enterprises[${i}]`;
    if (!isObj(e)) return err(p, 'must be an object');
    const id = str(e, 'id', p);
    uniq(entSeen, id, p);
    const region = typeof e.region === 'string' ? e.region : (err(`${p}.region`, 'must be a string'), '');
    enterprises.push({ id, region });
  });

  const inspectors: Inspector[] = [];
  const inspSeen = new Map<string, string>();
  arr('inspectors').forEach((x, i) => {
    const p = `inspectors[${i}]`;
    if (!isObj(x)) return err(p, 'must be an object');
    const id = str(x, 'id', p);
    uniq(inspSeen, id, p);
    const department = str(x, 'department', p);
    if (department && !deptSeen.has(department)) err(`${p}.department`, `unknown department "${department}"`);
    const cap = x.dailyCapacity;
    if (typeof cap !== 'number' || !Number.isInteger(cap) || cap < 1 || cap > 1000)
      err(`${p}.dailyCapacity`, 'must be an integer from 1 to 1000');
    const unavailable = strArray(x, 'unavailable', p, true);
    const qualifications = strArray(x, 'qualifications', p);
    const conflicts = strArray(x, 'conflicts', p);
    conflicts.forEach((c, j) => {
      if (!entSeen.has(c)) err(`${p}.conflicts[${j}]`, `unknown enterprise "${c}"`);
    });
    inspectors.push({ id, department, dailyCapacity: cap as number, unavailable, qualifications, conflicts });
  });

  const plans: Plan[] = [];
  const planSeen = new Map<string, string>();
  arr('plans').forEach((x, i) => {
    const p = `plans[${i}]`;
    if (!isObj(x)) return err(p, 'must be an object');
    const id = str(x, 'id', p);
    uniq(planSeen, id, p);
    const department = str(x, 'department', p);
    if (department && !deptSeen.has(department)) err(`${p}.department`, `unknown department "${department}"`);
    const enterprise = str(x, 'enterprise', p);
    if (enterprise && !entSeen.has(enterprise)) err(`${p}.enterprise`, `unknown enterprise "${enterprise}"`);
    const window = { start: '', end: '' };
    if (!isObj(x.window)) err(`${p}.window`, 'must be an object');
    else {
      const s = date(x.window, 'start', `${p}.window`);
      const e = date(x.window, 'end', `${p}.window`);
      if (!Number.isNaN(s) && !Number.isNaN(e) && e < s) err(`${p}.window.end`, 'before start');
      window.start = String(x.window.start);
      window.end = String(x.window.end);
    }
    const items = strArray(x, 'items', p);
    const need = x.inspectorsNeeded;
    if (typeof need !== 'number' || !Number.isInteger(need)) err(`${p}.inspectorsNeeded`, 'must be an integer');
    else if (need < 2) err(`${p}.inspectorsNeeded`, 'must be at least 2 (two officers per enforcement action)');
    else if (need > 100) err(`${p}.inspectorsNeeded`, 'must be at most 100');
    const requiredQualifications = strArray(x, 'requiredQualifications', p);
    plans.push({ id, department, enterprise, window, items, inspectorsNeeded: need as number, requiredQualifications });
  });

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    errors: [],
    scenario: { version: 1, seed: seed as number, horizon, departments, inspectors, enterprises, plans },
  };
}
