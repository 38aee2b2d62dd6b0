import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkMatrix,
  drawSample,
  hashSeed,
  levelConflicts,
  matrixFromCells,
  planWindows,
  selectEnterprise,
  timesPerYear,
  transition,
  CREDIT_GRADES,
  RISK_LEVELS,
  type EnterpriseFacts,
  type HeldEntry,
  type MatrixCell,
} from '../../../src/core/planning/index.ts';
import { hashSeed as collisionHashSeed } from '../../../src/core/collision/prng.ts';

const TODAY = '2026-01-15';
const base: EnterpriseFacts = {
  id: 1,
  industryDomain: 'machinery',
  keyEnterprise: false,
  riskLevel: 'yellow',
  creditGrade: 'B',
  standardizationLevel: '3',
  lastAccidentDate: null,
  standardizationRevokedOn: null,
};
const codes = (e: Partial<EnterpriseFacts>) => selectEnterprise({ ...base, ...e }, TODAY).reasons.map((r) => r.code);

describe('who goes on the list (苏州三级计划执法)', () => {
  test('a level-1 standardised enterprise without accidents is only sampled, even in a key industry', () => {
    const s = selectEnterprise({ ...base, industryDomain: 'hazchem', keyEnterprise: true, standardizationLevel: '1' }, TODAY);
    assert.equal(s.kind, 'pool');
    assert.deepEqual(s.reasons.map((r) => r.code), ['standardization_level_1']);
  });

  test('a key-industry enterprise three years without accident and credit A is only sampled (守法守信)', () => {
    const s = selectEnterprise({ ...base, industryDomain: 'hazchem', creditGrade: 'A', lastAccidentDate: '2022-06-01' }, TODAY);
    assert.equal(s.kind, 'pool');
    assert.deepEqual(s.reasons.map((r) => r.code), ['accident_free']);
  });

  test('a key-industry enterprise with credit B is listed as key industry', () => {
    assert.equal(selectEnterprise({ ...base, industryDomain: 'hazchem' }, TODAY).kind, 'listed');
    assert.deepEqual(codes({ industryDomain: 'hazchem' }), ['key_industry']);
    assert.deepEqual(codes({ keyEnterprise: true }), ['key_industry']);
  });

  test('an accident in the last three years lists it, even at standardisation level 1', () => {
    assert.deepEqual(codes({ standardizationLevel: '1', lastAccidentDate: '2024-05-01' }), ['accident']);
    assert.equal(selectEnterprise({ ...base, lastAccidentDate: '2022-05-01' }, TODAY).kind, 'pool', 'an older accident does not');
  });

  test('credit C/D (失信惩戒), a revoked standardisation and red/orange risk list it, each named', () => {
    assert.deepEqual(codes({ creditGrade: 'D' }), ['credit_punished']);
    assert.deepEqual(codes({ standardizationRevokedOn: '2025-09-01' }), ['standardization_revoked']);
    assert.deepEqual(codes({ riskLevel: 'orange' }), ['high_risk']);
    assert.deepEqual(codes({ riskLevel: 'red', creditGrade: 'C', industryDomain: 'hazchem' }), ['key_industry', 'credit_punished', 'high_risk']);
  });

  test('an ordinary enterprise of the line is in the sampling pool as general', () => {
    const s = selectEnterprise(base, TODAY);
    assert.equal(s.kind, 'pool');
    assert.deepEqual(s.reasons.map((r) => r.code), ['general']);
  });
});

describe('双随机 seeded draw', () => {
  const pool = Array.from({ length: 200 }, (_, i) => 1000 + i);
  test('recorded draws stay reproducible (recorded before the draw moved onto the collision PRNG)', () => {
    assert.deepEqual(drawSample(pool, 0.1, 'nanjing-2026').drawn, [1006, 1042, 1051, 1052, 1054, 1056, 1061, 1066, 1075, 1092, 1096, 1101, 1103, 1133, 1139, 1149, 1155, 1158, 1161, 1197]);
    assert.deepEqual(drawSample(pool, 0.05, 42).drawn, [1032, 1035, 1040, 1047, 1049, 1063, 1065, 1131, 1135, 1176]);
    assert.equal(hashSeed('draw:nanjing-2026'), 3987194486);
    assert.equal(hashSeed(42), 686566589);
    assert.equal(hashSeed, collisionHashSeed, 'one implementation');
  });
  test('the same pool, rate and seed draw the same enterprises, whatever the pool order', () => {
    const a = drawSample(pool, 0.1, 'nanjing-2026');
    const b = drawSample([...pool].reverse(), 0.1, 'nanjing-2026');
    assert.deepEqual(a.drawn, b.drawn);
    assert.equal(a.count, 20);
    assert.equal(a.drawn.length, 20);
    assert.ok(a.drawn.every((id) => pool.includes(id)));
    assert.equal(new Set(a.drawn).size, 20);
  });
  test('another seed draws others; the record carries seed, rate and pool for the audit', () => {
    const a = drawSample(pool, 0.1, 1);
    const b = drawSample(pool, 0.1, 2);
    assert.notDeepEqual(a.drawn, b.drawn);
    assert.equal(a.seed, '1');
    assert.equal(a.poolSize, 200);
    assert.equal(a.algorithm, 'mulberry32-fisher-yates-v1');
  });
  test('a rate rounds up, so a small pool still gets a draw; rate 0 draws none', () => {
    assert.equal(drawSample([1, 2, 3], 0.05, 's').count, 1);
    assert.equal(drawSample([1, 2, 3], 0, 's').count, 0);
    assert.equal(drawSample([], 0.5, 's').count, 0);
  });
  test('over many seeds every enterprise of the pool is drawn about equally often', () => {
    const counts = new Map<number, number>();
    for (let s = 0; s < 2000; s++) for (const id of drawSample(pool.slice(0, 20), 0.25, s).drawn) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const id of pool.slice(0, 20)) {
      const c = counts.get(id) ?? 0;
      assert.ok(c > 400 && c < 600, `id ${id} drawn ${c} times of 2000 (expected ~500)`);
    }
  });
});

describe('frequency matrix (risk × credit)', () => {
  const cells: MatrixCell[] = RISK_LEVELS.flatMap((r, i) => CREDIT_GRADES.map((g, j) => ({ riskLevel: r, creditGrade: g, perYear: Math.max(1, 4 - i + Math.floor(j / 2)) })));
  test('a listed red/D enterprise is planned as often as the matrix says, a sampled one once', () => {
    const m = matrixFromCells(cells);
    assert.equal(timesPerYear(m, 'red', 'D', 'listed'), 5);
    assert.equal(timesPerYear(m, 'blue', 'A', 'listed'), 1);
    assert.equal(timesPerYear(m, 'red', 'D', 'pool'), 1);
  });
  test('an edited matrix must have every cell, 1–12 a year, and never less for worse risk or credit', () => {
    assert.deepEqual(checkMatrix(cells), []);
    assert.ok(checkMatrix(cells.slice(1)).some((p) => p.field === 'red.A' && p.problem === 'missing'));
    assert.ok(checkMatrix(cells.map((c) => (c.riskLevel === 'red' && c.creditGrade === 'A' ? { ...c, perYear: 13 } : c))).some((p) => p.problem === 'range'));
    const bad = cells.map((c) => (c.riskLevel === 'blue' && c.creditGrade === 'A' ? { ...c, perYear: 9 } : c));
    assert.ok(checkMatrix(bad).some((p) => p.problem === 'monotone'));
  });
  test('windows split the period: 4 a year over a year are the four quarters-ish, 2 over half a year is one', () => {
    const w = planWindows('2026-01-01', '2026-12-31', 4);
    assert.equal(w.length, 4);
    assert.equal(w[0]!.start, '2026-01-01');
    assert.equal(w[3]!.end, '2026-12-31');
    for (let i = 1; i < w.length; i++) assert.ok(w[i]!.start > w[i - 1]!.end);
    assert.equal(planWindows('2026-01-01', '2026-06-30', 2).length, 1);
    assert.equal(planWindows('2026-03-01', '2026-03-31', 1).length, 1);
  });
});

describe('three levels (三级计划执法)', () => {
  const cityHeld: HeldEntry = { entryId: 1, planId: 1, enterpriseId: 7, line: 'emergency', level: 'city', window: { start: '2026-03-01', end: '2026-06-30' }, departmentId: 10 };
  test('a town plan for an enterprise held by the city emergency plan in an overlapping window is refused', () => {
    const c = levelConflicts({ enterpriseId: 7, line: 'emergency', level: 'town', window: { start: '2026-06-01', end: '2026-08-31' }, departmentId: 30 }, [cityHeld]);
    assert.equal(c.length, 1);
    assert.equal(c[0]!.kind, 'higher-level');
  });
  test('another line, another window, or the city adding what a district holds are allowed', () => {
    assert.deepEqual(levelConflicts({ enterpriseId: 7, line: 'fire', level: 'town', window: cityHeld.window, departmentId: 31 }, [cityHeld]), []);
    assert.deepEqual(levelConflicts({ enterpriseId: 7, line: 'emergency', level: 'district', window: { start: '2026-07-01', end: '2026-09-30' }, departmentId: 20 }, [cityHeld]), []);
    const districtHeld: HeldEntry = { ...cityHeld, level: 'district', departmentId: 20 };
    assert.deepEqual(levelConflicts({ enterpriseId: 7, line: 'emergency', level: 'city', window: cityHeld.window, departmentId: 10 }, [districtHeld]), []);
  });
  test('the same department planning the enterprise twice in overlapping windows is refused', () => {
    const c = levelConflicts({ enterpriseId: 7, line: 'emergency', level: 'city', window: { start: '2026-04-01', end: '2026-04-30' }, departmentId: 10 }, [cityHeld]);
    assert.deepEqual(c.map((x) => x.kind), ['same-department']);
  });
});

describe('plan state machine', () => {
  const own = (role: 'inspector' | 'dept_head' | 'coordinator' | 'expert', ownDepartment = true) => ({ role, ownDepartment });
  test('draft → submitted → approved → published, each by the right person', () => {
    assert.deepEqual(transition('draft', 'submit', own('inspector')), { ok: true, to: 'submitted' });
    assert.deepEqual(transition('submitted', 'approve', own('dept_head')), { ok: true, to: 'approved' });
    assert.deepEqual(transition('approved', 'publish', own('coordinator', false)), { ok: true, to: 'published' });
  });
  test('an inspector cannot approve; another department cannot submit; skipping a step is refused', () => {
    assert.deepEqual(transition('submitted', 'approve', own('inspector')), { ok: false, error: 'forbidden' });
    assert.deepEqual(transition('draft', 'submit', own('inspector', false)), { ok: false, error: 'forbidden' });
    assert.deepEqual(transition('draft', 'publish', own('dept_head')), { ok: false, error: 'wrong-state' });
    assert.deepEqual(transition('published', 'return', own('coordinator')), { ok: false, error: 'wrong-state' });
  });
  test('a submitted plan can be returned to draft', () => {
    assert.deepEqual(transition('submitted', 'return', own('dept_head')), { ok: true, to: 'draft' });
  });
});
