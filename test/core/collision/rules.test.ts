// One test per rule of /shared/docs/collision.md, written the way the rule reads.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  collide,
  parseScenario,
  checkSchedule,
  moveVisit,
  explainPlan,
  renderExplanation,
  buildCalendar,
  UNSCHEDULED_REASONS,
  type Schedule,
  type Scenario,
} from '../../../src/core/collision/index.ts';
import { scenario, staff, win, dept } from './helpers.ts';

const visitOf = (s: Schedule, plan: string) => s.visits.find((v) => v.plans.includes(plan));
const ok = (sc: Scenario, s: Schedule): void => assert.deepEqual(checkSchedule(sc, s), []);

describe('input validation', () => {
  test('reports precise paths: unknown references, inspectorsNeeded < 2, bad dates, duplicate ids, window end before start', () => {
    const sc = scenario({ inspectors: staff('D-yj-3201', 2), plans: [{}, {}] }) as unknown as Record<string, unknown>;
    const plans = sc.plans as Record<string, unknown>[];
    plans[1] = {
      ...plans[1],
      id: 'P-1',
      department: 'D-nope',
      enterprise: 'E-x',
      inspectorsNeeded: 1,
      window: { start: '2025-03-10', end: '2025-03-05' },
    };
    (sc.inspectors as Record<string, unknown>[])[0]!.unavailable = ['2025-02-30'];
    (sc.inspectors as Record<string, unknown>[])[1]!.conflicts = ['E-404'];
    const r = parseScenario(sc);
    assert.equal(r.ok, false);
    const msgs = r.errors.map((e) => `${e.path}: ${e.message}`);
    assert.ok(msgs.includes('plans[1].id: duplicate id "P-1" (first at plans[0])'), msgs.join('\n'));
    assert.ok(msgs.includes('plans[1].department: unknown department "D-nope"'));
    assert.ok(msgs.includes('plans[1].enterprise: unknown enterprise "E-x"'));
    assert.ok(msgs.some((m) => m.startsWith('plans[1].inspectorsNeeded: must be at least 2')));
    assert.ok(msgs.includes('plans[1].window.end: before start'));
    assert.ok(msgs.includes('inspectors[0].unavailable[0]: not a valid date "2025-02-30"'));
    assert.ok(msgs.includes('inspectors[1].conflicts[0]: unknown enterprise "E-404"'));
  });

  test('a valid scenario parses and round-trips', () => {
    const sc = scenario({ inspectors: staff('D-yj-3201', 2), plans: [{}] });
    const r = parseScenario(JSON.parse(JSON.stringify(sc)));
    assert.equal(r.ok, true);
    if (r.ok) assert.deepEqual(r.scenario, sc);
  });
});

describe('working days', () => {
  test('are Monday to Friday inside the horizon, minus holidays', () => {
    const cal = buildCalendar('2025-04-01', '2025-04-11', ['2025-04-04']);
    assert.deepEqual(
      [...cal.iso],
      ['2025-04-01', '2025-04-02', '2025-04-03', '2025-04-07', '2025-04-08', '2025-04-09', '2025-04-10', '2025-04-11'],
    );
  });
  test('a plan whose window holds only a weekend is unscheduled with no-working-day-in-window', () => {
    const sc = scenario({ inspectors: staff('D-yj-3201', 2), plans: [{ window: win('2025-03-08', '2025-03-09') }] });
    const s = collide(sc);
    assert.deepEqual(s.unscheduled, [{ plan: 'P-1', reason: 'no-working-day-in-window' }]);
    ok(sc, s);
  });
});

describe('rule 1: three-level de-duplication', () => {
  const base = {
    inspectors: [
      ...staff('D-yj-3201', 2),
      ...staff('D-yj-320102', 2),
      ...staff('D-yj-320102001', 2),
      ...staff('D-sj-3201', 2),
    ],
  };
  test('a town plan overlapping a city plan of the same line is dropped as higher-level-duplicate', () => {
    const sc = scenario({
      ...base,
      plans: [
        { id: 'P-town', department: 'D-yj-320102001', window: win('2025-03-10', '2025-03-20') },
        { id: 'P-city', department: 'D-yj-3201', window: win('2025-03-03', '2025-03-12') },
      ],
    });
    const s = collide(sc);
    assert.deepEqual(s.dropped, [{ plan: 'P-town', reason: 'higher-level-duplicate', keptPlan: 'P-city' }]);
    assert.ok(visitOf(s, 'P-city'));
    ok(sc, s);
  });
  test('same level: the earlier-listed plan is kept', () => {
    const sc = scenario({ ...base, plans: [{ id: 'P-a' }, { id: 'P-b' }] });
    assert.deepEqual(collide(sc).dropped, [{ plan: 'P-b', reason: 'higher-level-duplicate', keptPlan: 'P-a' }]);
  });
  test('plans of different lines, different enterprises or disjoint windows are not duplicates', () => {
    const sc = scenario({
      ...base,
      plans: [
        { id: 'P-1', department: 'D-yj-3201', window: win('2025-03-03', '2025-03-07') },
        { id: 'P-2', department: 'D-yj-320102', window: win('2025-03-10', '2025-03-14') },
        { id: 'P-3', department: 'D-sj-3201', window: win('2025-03-03', '2025-03-07') },
        { id: 'P-4', department: 'D-yj-320102', enterprise: 'E-2', window: win('2025-03-03', '2025-03-07') },
      ],
    });
    const s = collide(sc);
    assert.deepEqual(s.dropped, []);
    assert.equal(s.stats.scheduled, 4);
    ok(sc, s);
  });
  test('chains: only kept plans absorb others (city A drops district B; town C, disjoint from A, is kept)', () => {
    const sc = scenario({
      ...base,
      plans: [
        { id: 'A', department: 'D-yj-3201', window: win('2025-03-03', '2025-03-07') },
        { id: 'B', department: 'D-yj-320102', window: win('2025-03-06', '2025-03-13') },
        { id: 'C', department: 'D-yj-320102001', window: win('2025-03-12', '2025-03-20') },
      ],
    });
    const s = collide(sc);
    assert.deepEqual(s.dropped, [{ plan: 'B', reason: 'higher-level-duplicate', keptPlan: 'A' }]);
    assert.ok(visitOf(s, 'A') && visitOf(s, 'C'));
    ok(sc, s);
  });
});

describe('rule 2: a visit is one enterprise on one working day inside every plan window', () => {
  test('plans of two lines at one enterprise with overlapping windows share one visit on a common day', () => {
    const sc = scenario({
      inspectors: [...staff('D-yj-3201', 2), ...staff('D-sj-3201', 2)],
      plans: [
        { id: 'P-yj', department: 'D-yj-3201', window: win('2025-03-03', '2025-03-12') },
        { id: 'P-sj', department: 'D-sj-3201', window: win('2025-03-10', '2025-03-21') },
      ],
    });
    const s = collide(sc);
    assert.equal(s.visits.length, 1);
    const v = s.visits[0]!;
    assert.deepEqual(v.plans, ['P-yj', 'P-sj']);
    assert.ok(v.date >= '2025-03-10' && v.date <= '2025-03-12');
    assert.equal(s.stats.visitsSaved, 1);
    ok(sc, s);
  });
  test('disjoint windows need two visits; plans of different enterprises never share one', () => {
    const sc = scenario({
      inspectors: [...staff('D-yj-3201', 4), ...staff('D-sj-3201', 4)],
      plans: [
        { department: 'D-yj-3201', window: win('2025-03-03', '2025-03-07') },
        { department: 'D-sj-3201', window: win('2025-03-17', '2025-03-21') },
        { department: 'D-sj-3201', enterprise: 'E-2', window: win('2025-03-03', '2025-03-07') },
      ],
    });
    const s = collide(sc);
    assert.equal(s.visits.length, 3);
    assert.equal(s.stats.lowerBound, 3);
    ok(sc, s);
  });
});

describe('rule 3: teams', () => {
  test('two plans of one department never meet in one visit: a shared day means overlapping windows, so rule 1 merges them first', () => {
    const sc = scenario({
      departments: [dept('D-x', 'emergency', 'city')],
      inspectors: [
        ...staff('D-x', 3, { qualifications: ['hazchem', 'mining'] }),
        ...staff('D-x', 3).map((x, k) => ({ ...x, id: `plain-${k}` })),
      ],
      plans: [
        {
          id: 'P-1',
          department: 'D-x',
          inspectorsNeeded: 3,
          requiredQualifications: ['hazchem'],
          window: win('2025-03-03', '2025-03-05'),
        },
        {
          id: 'P-2',
          department: 'D-x',
          inspectorsNeeded: 2,
          requiredQualifications: ['mining'],
          window: win('2025-03-05', '2025-03-07'),
        },
      ],
    });
    const s = collide(sc);
    assert.deepEqual(s.dropped, [{ plan: 'P-2', reason: 'higher-level-duplicate', keptPlan: 'P-1' }]);
    assert.equal(s.visits.length, 1);
    assert.equal(s.visits[0]!.teams['D-x']!.length, 3);
    assert.ok(
      s.visits[0]!.teams['D-x']!.every((i) => i.startsWith('I-D-x')),
      'only hazchem-qualified inspectors',
    );
    ok(sc, s);
  });

  test('a department sends inspectorsNeeded of its own qualified, available, non-recused inspectors', () => {
    const sc = scenario({
      inspectors: [
        { id: 'I-q1', department: 'D-yj-3201', qualifications: ['hazchem'] },
        { id: 'I-q2', department: 'D-yj-3201', qualifications: ['hazchem'], unavailable: ['2025-03-03', '2025-03-04'] },
        { id: 'I-q3', department: 'D-yj-3201', qualifications: ['hazchem'], conflicts: ['E-1'] },
        { id: 'I-q4', department: 'D-yj-3201', qualifications: ['hazchem'] },
        { id: 'I-plain', department: 'D-yj-3201' },
        { id: 'I-other', department: 'D-sj-3201', qualifications: ['hazchem'] },
      ],
      plans: [{ requiredQualifications: ['hazchem'], window: win('2025-03-03', '2025-03-04') }],
    });
    const s = collide(sc);
    assert.deepEqual(s.visits[0]!.teams, { 'D-yj-3201': ['I-q1', 'I-q4'] });
    ok(sc, s);
  });

  test('plans of two departments at one visit each get their own team; one team per department', () => {
    const sc = scenario({
      inspectors: [...staff('D-yj-3201', 3), ...staff('D-sj-3201', 3)],
      plans: [
        { department: 'D-yj-3201', inspectorsNeeded: 3 },
        { department: 'D-sj-3201', inspectorsNeeded: 2 },
      ],
    });
    const s = collide(sc);
    assert.equal(s.visits.length, 1);
    assert.equal(s.visits[0]!.teams['D-yj-3201']!.length, 3);
    assert.equal(s.visits[0]!.teams['D-sj-3201']!.length, 2);
    ok(sc, s);
  });

  test('reasons: too few inspectors, no qualified inspector, all conflicted, all unavailable', () => {
    const sc = scenario({
      departments: [
        dept('D-a', 'a', 'city'),
        dept('D-b', 'b', 'city'),
        dept('D-c', 'c', 'city'),
        dept('D-d', 'd', 'city'),
      ],
      inspectors: [
        ...staff('D-a', 1),
        ...staff('D-b', 3),
        ...staff('D-c', 3, { conflicts: ['E-1'] }),
        ...staff('D-d', 2, { unavailable: ['2025-03-03', '2025-03-04'] }),
      ],
      plans: [
        { id: 'P-a', department: 'D-a' },
        { id: 'P-b', department: 'D-b', requiredQualifications: ['hazchem'] },
        { id: 'P-c', department: 'D-c' },
        { id: 'P-d', department: 'D-d', window: win('2025-03-03', '2025-03-04') },
      ],
    });
    const s = collide(sc);
    assert.deepEqual(s.unscheduled, [
      { plan: 'P-a', reason: 'department-has-too-few-inspectors' },
      { plan: 'P-b', reason: 'no-qualified-inspector' },
      { plan: 'P-c', reason: 'all-conflicted' },
      { plan: 'P-d', reason: 'inspectors-unavailable' },
    ]);
    for (const u of s.unscheduled) assert.ok((UNSCHEDULED_REASONS as readonly string[]).includes(u.reason));
    ok(sc, s);
  });
});

describe('rule 4: capacity', () => {
  test('no inspector is in more visits a day than dailyCapacity; other days in the window are tried', () => {
    const sc = scenario({
      inspectors: staff('D-yj-3201', 2),
      plans: [
        { enterprise: 'E-1', window: win('2025-03-03', '2025-03-03') },
        { enterprise: 'E-2', window: win('2025-03-03', '2025-03-04') },
        { enterprise: 'E-3', window: win('2025-03-03', '2025-03-03') },
      ],
    });
    const s = collide(sc);
    assert.equal(s.stats.scheduled, 2);
    assert.equal(visitOf(s, 'P-2')!.date, '2025-03-04');
    assert.deepEqual(s.unscheduled, [{ plan: 'P-3', reason: 'capacity-exhausted' }]);
    ok(sc, s);
  });
  test('with dailyCapacity 2 the same two inspectors do two visits that day', () => {
    const sc = scenario({
      inspectors: staff('D-yj-3201', 2, { dailyCapacity: 2 }),
      plans: [
        { enterprise: 'E-1', window: win('2025-03-03', '2025-03-03') },
        { enterprise: 'E-2', window: win('2025-03-03', '2025-03-03') },
      ],
    });
    const s = collide(sc);
    assert.equal(s.stats.scheduled, 2);
    ok(sc, s);
  });
  test('a visit is split when one department cannot staff the shared day', () => {
    const sc = scenario({
      inspectors: [...staff('D-yj-3201', 2), ...staff('D-sj-3201', 2, { unavailable: ['2025-03-05'] })],
      plans: [
        { id: 'P-yj', department: 'D-yj-3201', window: win('2025-03-05', '2025-03-05') },
        { id: 'P-sj', department: 'D-sj-3201', window: win('2025-03-03', '2025-03-07') },
      ],
    });
    const s = collide(sc);
    assert.equal(s.stats.scheduled, 2);
    assert.equal(s.visits.length, 2);
    assert.equal(s.stats.lowerBound, 1);
    ok(sc, s);
  });
});

describe('rule 5: fairness and chance (双随机)', () => {
  const many = (seed: number): Scenario =>
    scenario({
      seed,
      horizon: { start: '2025-03-03', end: '2025-06-27' },
      enterprises: Array.from({ length: 60 }, (_, k) => `E-${k}`),
      inspectors: staff('D-yj-3201', 10),
      plans: Array.from({ length: 60 }, (_, k) => ({ enterprise: `E-${k}`, window: win('2025-03-03', '2025-06-27') })),
    });
  test('the same input gives the same output', () => {
    assert.deepEqual(collide(many(7)), collide(many(7)));
  });
  test('another seed gives another draw', () => {
    const a = collide(many(7));
    const b = collide(many(8));
    assert.notDeepEqual(
      a.visits.map((v) => v.teams),
      b.visits.map((v) => v.teams),
    );
  });
  test('over many visits the work spreads evenly across the eligible inspectors', () => {
    const s = collide(many(7));
    const load = new Map<string, number>();
    for (const v of s.visits)
      for (const t of Object.values(v.teams)) for (const i of t) load.set(i, (load.get(i) ?? 0) + 1);
    const counts = [...load.values()];
    assert.equal(counts.length, 10);
    assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, `loads ${counts}`);
  });
});

describe('optimality', () => {
  test('lowerBound is the minimum number of days stabbing every kept window, and ample inspectors reach it', () => {
    const sc = scenario({
      inspectors: [...staff('D-yj-3201', 6), ...staff('D-sj-3201', 6)],
      departments: [
        dept('D-yj-3201', 'emergency', 'city'),
        dept('D-sj-3201', 'market', 'city'),
        dept('D-xf', 'fire', 'city'),
        dept('D-zj', 'housing', 'city'),
      ],
      plans: [
        { department: 'D-yj-3201', window: win('2025-03-03', '2025-03-10') },
        { department: 'D-sj-3201', window: win('2025-03-07', '2025-03-14') },
        { department: 'D-xf', window: win('2025-03-12', '2025-03-20') },
        { department: 'D-zj', window: win('2025-03-17', '2025-03-28') },
      ],
    });
    sc.inspectors.push(
      ...(staff('D-xf', 3).concat(staff('D-zj', 3)) as Scenario['inspectors']).map((x) => ({
        ...x,
        dailyCapacity: 1,
        unavailable: [],
        qualifications: [],
        conflicts: [],
      })),
    );
    const s = collide(sc);
    assert.equal(s.stats.lowerBound, 2);
    assert.equal(s.stats.visits, 2);
    assert.equal(s.stats.visitsSaved, 2);
    ok(sc, s);
  });
});

describe('checkSchedule and moveVisit', () => {
  const sc = scenario({
    inspectors: [...staff('D-yj-3201', 3, { unavailable: ['2025-03-14'] }), ...staff('D-sj-3201', 4)],
    plans: [
      { id: 'P-1', department: 'D-yj-3201', window: win('2025-03-03', '2025-03-14') },
      { id: 'P-2', department: 'D-sj-3201', window: win('2025-03-10', '2025-03-21') },
      { id: 'P-3', department: 'D-sj-3201', enterprise: 'E-2', window: win('2025-03-10', '2025-03-21') },
    ],
  });
  test('finds every kind of injected violation', () => {
    const s = collide(sc);
    ok(sc, s);
    const bad: Schedule = structuredClone(s);
    bad.visits[0]!.date = '2025-03-08'; // Saturday
    bad.visits[0]!.teams['D-yj-3201'] = ['I-D-yj-3201-1'];
    bad.unscheduled.push({ plan: 'P-1', reason: 'capacity-exhausted' });
    bad.stats.visits = 99;
    const rules = new Set(checkSchedule(sc, bad).map((v) => v.rule));
    for (const r of ['accounting', 'rule2-visit', 'rule3-team', 'stats'])
      assert.ok(rules.has(r as never), `missing ${r}: ${[...rules]}`);
  });
  test('moving a visit to another day inside the windows re-staffs and stays valid; outside a window it is reported', () => {
    const s = collide(sc);
    const v = visitOf(s, 'P-1')!;
    const good = moveVisit(sc, s, v.id, '2025-03-13');
    assert.deepEqual(good.violations, []);
    assert.equal(visitOf(good.schedule, 'P-1')!.date, '2025-03-13');
    const bad = moveVisit(sc, s, v.id, '2025-03-14'); // inside P-1's window, but all yj inspectors are away
    assert.ok(bad.violations.some((x) => x.rule === 'rule3-team'));
    const out = moveVisit(sc, s, v.id, '2025-03-21');
    assert.ok(out.violations.some((x) => x.rule === 'rule2-visit' && x.plan === 'P-1'));
    assert.equal(s.visits.find((x) => x.id === v.id)!.date, v.date, 'the input schedule is not mutated');
  });
});

describe('explainPlan', () => {
  const sc = scenario({
    inspectors: [...staff('D-yj-3201', 2), ...staff('D-yj-320102', 2), ...staff('D-sj-3201', 2)],
    plans: [
      { id: 'P-city', department: 'D-yj-3201', window: win('2025-03-03', '2025-03-12') },
      { id: 'P-dist', department: 'D-yj-320102', window: win('2025-03-10', '2025-03-20') },
      { id: 'P-sj', department: 'D-sj-3201', window: win('2025-03-10', '2025-03-21') },
      { id: 'P-q', department: 'D-sj-3201', enterprise: 'E-2', requiredQualifications: ['lab'] },
    ],
  });
  const s = collide(sc);
  test('a scheduled plan: which visit, the shared day and with which plans', () => {
    const e = explainPlan(sc, s, 'P-city');
    assert.equal(e.status, 'scheduled');
    assert.deepEqual(e.sharedWith, ['P-sj']);
    assert.deepEqual(e.commonWindow, { start: '2025-03-10', end: '2025-03-12' });
    assert.match(renderExplanation(e, 'en-US'), /P-sj are checked on the same entry/);
    assert.match(renderExplanation(e, 'zh-CN'), /进一次门、查多项事/);
  });
  test('a dropped plan names the kept plan; an unscheduled one says what was tried', () => {
    const d = explainPlan(sc, s, 'P-dist');
    assert.equal(d.status, 'dropped');
    assert.equal(d.keptPlan, 'P-city');
    assert.match(renderExplanation(d, 'zh-CN'), /保留上级计划/);
    const u = explainPlan(sc, s, 'P-q');
    assert.equal(u.reason, 'no-qualified-inspector');
    assert.equal(u.diagnosis!.qualified, 0);
    assert.match(renderExplanation(u, 'en-US'), /required qualifications \(lab\)/);
  });
});
