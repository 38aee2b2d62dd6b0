/**
 * The hazard loop of seed 002 ("清单管理、动态更新、照单销号的闭环整改机制", "负有安全监管职责部门审核把关销号") and
 * 局令16号 (一般 vs 重大; a major hazard's 治理方案 — 五定), rule by rule.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  availableActions,
  decide,
  EMPTY_FIVE_FIXES,
  HAZARD_ACTIONS,
  HAZARD_STATES,
  missingFiveFixes,
  checkFiveFixes,
  TRANSITIONS,
  type HazardAction,
  type HazardActor,
  type HazardFacts,
  type HazardState,
  type TransitionInput,
} from '../../../src/core/hazards/index.ts';

const TODAY = '2026-03-10';
const DEPT = 7;
const ENT = 42;
const inspector: HazardActor = { userId: 1, role: 'inspector', departmentId: DEPT, enterpriseId: null };
const inspector2: HazardActor = { userId: 2, role: 'inspector', departmentId: DEPT, enterpriseId: null };
const head: HazardActor = { userId: 3, role: 'dept_head', departmentId: DEPT, enterpriseId: null };
const otherHead: HazardActor = { userId: 4, role: 'dept_head', departmentId: 99, enterpriseId: null };
const otherInspector: HazardActor = { userId: 5, role: 'inspector', departmentId: 99, enterpriseId: null };
const officer: HazardActor = { userId: 6, role: 'enterprise_officer', departmentId: null, enterpriseId: ENT };
const otherOfficer: HazardActor = { userId: 7, role: 'enterprise_officer', departmentId: null, enterpriseId: 43 };
const coordinator: HazardActor = { userId: 8, role: 'coordinator', departmentId: null, enterpriseId: null };
const grid: HazardActor = { userId: 9, role: 'grid_worker', departmentId: null, enterpriseId: null };
const expert: HazardActor = { userId: 10, role: 'expert', departmentId: null, enterpriseId: null };
const admin: HazardActor = { userId: 11, role: 'admin', departmentId: null, enterpriseId: null };
const EVERYONE = [inspector, inspector2, head, otherHead, otherInspector, officer, otherOfficer, coordinator, grid, expert, admin];

const FULL_FIVE = { measures: '更换防爆电气', responsiblePeople: '张厂长', funds: 120000, deadline: '2026-04-30', contingencyPlan: '停用该区域，设置警戒' };

function hazard(over: Partial<HazardFacts> = {}): HazardFacts {
  return {
    state: 'reported',
    level: 'general',
    source: 'inspection',
    enterpriseId: ENT,
    departmentId: DEPT,
    deadline: '2026-03-20',
    responsiblePerson: '李四',
    fiveFixes: EMPTY_FIVE_FIXES,
    submittedBy: null,
    ...over,
  };
}

/** The input each action needs to pass its own checks. */
const GOOD: Record<HazardAction, TransitionInput> = {
  confirm: { deadline: '2026-03-20' },
  dismiss: { note: '经核实不构成隐患' },
  start_rectifying: {},
  submit: { note: '已更换', afterPhotos: 1 },
  review_pass: { note: '复查合格' },
  review_reject: { note: '未整改到位' },
  close_on_spot: { note: '当场整改完毕' },
};

describe('the state machine: every legal transition, every illegal one refused', () => {
  const legal: [HazardState, HazardAction, HazardState][] = [
    ['reported', 'confirm', 'confirmed'],
    ['reported', 'dismiss', 'dismissed'],
    ['reported', 'close_on_spot', 'closed'],
    ['confirmed', 'start_rectifying', 'rectifying'],
    ['confirmed', 'close_on_spot', 'closed'],
    ['rectifying', 'submit', 'submitted'],
    ['submitted', 'review_pass', 'closed'],
    ['submitted', 'review_reject', 'rectifying'],
  ];
  for (const [from, action, to] of legal) {
    test(`${from} —${action}→ ${to}`, () => {
      const d = decide(hazard({ state: from }), action, action === 'review_pass' ? inspector2 : inspector, GOOD[action], TODAY);
      assert.deepEqual(d.ok && [d.from, d.to], [from, to]);
    });
  }
  test('the table has exactly these transitions', () => {
    const table = HAZARD_ACTIONS.flatMap((a) => TRANSITIONS[a].from.map((f) => `${f}-${a}-${TRANSITIONS[a].to}`)).sort();
    assert.deepEqual(table, legal.map(([f, a, t]) => `${f}-${a}-${t}`).sort());
  });
  for (const s of HAZARD_STATES.map((x) => x.code)) {
    for (const action of HAZARD_ACTIONS) {
      if (legal.some(([f, a]) => f === s && a === action)) continue;
      test(`from ${s}, ${action} is refused (409)`, () => {
        const d = decide(hazard({ state: s }), action, inspector, GOOD[action], TODAY);
        assert.equal(d.ok, false);
        assert.equal(!d.ok && d.status, 409);
        assert.equal(!d.ok && d.key, 'hazard.wrong_state');
      });
    }
  }
  test('closed and dismissed are final: no action at all', () => {
    for (const s of ['closed', 'dismissed'] as const) for (const a of EVERYONE) assert.deepEqual(availableActions(hazard({ state: s }), a), []);
  });
});

describe('who may make each transition', () => {
  const may = (h: HazardFacts, action: HazardAction, a: HazardActor) => {
    const d = decide(h, action, a, GOOD[action], TODAY);
    return d.ok || d.status !== 403;
  };
  test('only the owning department confirms, dismisses or closes on the spot a hazard an inspection found', () => {
    for (const action of ['confirm', 'dismiss', 'close_on_spot'] as const) {
      const allowed = EVERYONE.filter((a) => may(hazard(), action, a)).map((a) => a.userId);
      assert.deepEqual(allowed, [1, 2, 3], action);
    }
  });
  test('the enterprise (own only) and the owning department start and submit rectification', () => {
    const allowed = EVERYONE.filter((a) => may(hazard({ state: 'confirmed' }), 'start_rectifying', a)).map((a) => a.userId);
    assert.deepEqual(allowed, [1, 2, 3, 6]);
    const sub = EVERYONE.filter((a) => may(hazard({ state: 'rectifying' }), 'submit', a)).map((a) => a.userId);
    assert.deepEqual(sub, [1, 2, 3, 6]);
  });
  test('a general hazard is reviewed by the owning department; the enterprise may not pass its own rectification', () => {
    const h = hazard({ state: 'submitted', submittedBy: officer.userId });
    assert.deepEqual(EVERYONE.filter((a) => may(h, 'review_pass', a)).map((a) => a.userId), [1, 2, 3]);
    assert.deepEqual(EVERYONE.filter((a) => may(h, 'review_reject', a)).map((a) => a.userId), [1, 2, 3]);
  });
  test('a major hazard is closed only by the head of the department that owns it (审核把关销号)', () => {
    const h = hazard({ state: 'submitted', level: 'major', submittedBy: officer.userId, fiveFixes: FULL_FIVE });
    assert.deepEqual(EVERYONE.filter((a) => may(h, 'review_pass', a)).map((a) => a.userId), [3]);
    const d = decide(h, 'review_pass', inspector, GOOD.review_pass, TODAY);
    assert.equal(!d.ok && d.key, 'hazard.major_needs_head');
    // the head of another department, even of a higher level, does not close it
    assert.equal(!decide(h, 'review_pass', otherHead, GOOD.review_pass, TODAY).ok, true);
    // an inspector may still send it back
    assert.ok(decide(h, 'review_reject', inspector, GOOD.review_reject, TODAY).ok);
  });
  test('coordinators, grid workers, experts and admins make no transition', () => {
    for (const a of [coordinator, grid, expert, admin]) {
      for (const s of HAZARD_STATES.map((x) => x.code)) assert.deepEqual(availableActions(hazard({ state: s }), a), [], `${a.role} ${s}`);
    }
  });
  test('another enterprise\'s officer can do nothing with this one\'s hazard', () => {
    for (const s of HAZARD_STATES.map((x) => x.code)) {
      assert.deepEqual(availableActions(hazard({ state: s, source: 'self_inspection' }), otherOfficer), []);
    }
  });
  test('自查自改: the enterprise confirms and verifies its own general hazard; a major one goes to the department', () => {
    const self = hazard({ source: 'self_inspection' });
    assert.ok(decide(self, 'confirm', officer, GOOD.confirm, TODAY).ok);
    const asMajor = decide(self, 'confirm', officer, { ...GOOD.confirm, level: 'major' }, TODAY);
    assert.equal(!asMajor.ok && asMajor.status, 403);
    assert.ok(decide({ ...self, state: 'submitted', submittedBy: officer.userId }, 'review_pass', officer, GOOD.review_pass, TODAY).ok);
    const major = hazard({ source: 'self_inspection', level: 'major' });
    assert.equal(!decide(major, 'confirm', officer, GOOD.confirm, TODAY).ok, true);
  });
  test('nobody in the department passes a rectification they submitted themselves', () => {
    const d = decide(hazard({ state: 'submitted', submittedBy: inspector.userId }), 'review_pass', inspector, GOOD.review_pass, TODAY);
    assert.equal(!d.ok && d.key, 'hazard.own_submission');
    assert.ok(decide(hazard({ state: 'submitted', submittedBy: inspector.userId }), 'review_pass', inspector2, GOOD.review_pass, TODAY).ok);
  });
});

describe('五定 before a major hazard is rectified', () => {
  test('each missing fix is named', () => {
    const d = decide(hazard({ state: 'confirmed', level: 'major' }), 'start_rectifying', officer, {}, TODAY);
    assert.equal(!d.ok && d.status, 422);
    assert.equal(!d.ok && d.key, 'hazard.five_fixes_incomplete');
    assert.deepEqual(!d.ok && d.status === 422 && d.issues.map((i) => i.field), [
      'fiveFixes.measures', 'fiveFixes.responsiblePeople', 'fiveFixes.funds', 'fiveFixes.deadline', 'fiveFixes.contingencyPlan',
    ]);
  });
  test('with all five it starts; one missing still refuses', () => {
    assert.ok(decide(hazard({ state: 'confirmed', level: 'major', fiveFixes: FULL_FIVE }), 'start_rectifying', officer, {}, TODAY).ok);
    for (const k of Object.keys(FULL_FIVE) as (keyof typeof FULL_FIVE)[]) {
      const partial = { ...FULL_FIVE, [k]: k === 'funds' || k === 'deadline' ? null : '  ' };
      assert.deepEqual(missingFiveFixes(partial), [k]);
      assert.equal(decide(hazard({ state: 'confirmed', level: 'major', fiveFixes: partial }), 'start_rectifying', officer, {}, TODAY).ok, false, k);
    }
  });
  test('a general hazard needs no 五定, but a deadline and a responsible person', () => {
    assert.ok(decide(hazard({ state: 'confirmed' }), 'start_rectifying', officer, {}, TODAY).ok);
    const d = decide(hazard({ state: 'confirmed', deadline: null, responsiblePerson: '' }), 'start_rectifying', officer, {}, TODAY);
    assert.deepEqual(!d.ok && d.status === 422 && d.issues.map((i) => i.field), ['deadline', 'responsiblePerson']);
  });
  test('the plan\'s deadline stays within the ordered one, money is not negative', () => {
    assert.deepEqual(checkFiveFixes({ ...FULL_FIVE, deadline: '2026-05-01' }, '2026-04-30', TODAY).map((i) => i.key), ['hazard.five_fixes_after_deadline']);
    assert.deepEqual(checkFiveFixes({ ...FULL_FIVE, funds: -1 }, null, TODAY).map((i) => i.key), ['hazard.funds_invalid']);
    assert.deepEqual(checkFiveFixes({ ...FULL_FIVE, deadline: '2026-03-09' }, null, TODAY).map((i) => i.key), ['hazard.deadline_past']);
  });
});

describe('what each transition needs', () => {
  test('a submission brings a description and at least one after photo', () => {
    const d = decide(hazard({ state: 'rectifying' }), 'submit', officer, { note: '', afterPhotos: 0 }, TODAY);
    assert.deepEqual(!d.ok && d.status === 422 && d.issues.map((i) => i.key), ['field.required', 'hazard.after_photo_required']);
  });
  test('a major hazard is never closed on the spot', () => {
    const d = decide(hazard({ level: 'major' }), 'close_on_spot', inspector, GOOD.close_on_spot, TODAY);
    assert.equal(!d.ok && d.status, 422);
    assert.ok(!availableActions(hazard({ level: 'major' }), inspector).includes('close_on_spot'));
  });
  test('a rejection may set a new deadline, not one in the past', () => {
    const ok = decide(hazard({ state: 'submitted' }), 'review_reject', inspector, { note: '未到位', deadline: '2026-03-25' }, TODAY);
    assert.equal(ok.ok && ok.deadline, '2026-03-25');
    const bad = decide(hazard({ state: 'submitted' }), 'review_reject', inspector, { note: '未到位', deadline: '2026-03-01' }, TODAY);
    assert.equal(!bad.ok && bad.status, 422);
  });
  test('confirming may re-grade and needs a real deadline', () => {
    const d = decide(hazard(), 'confirm', inspector, { level: 'major', deadline: '2026-04-01' }, TODAY);
    assert.deepEqual(d.ok && [d.level, d.deadline], ['major', '2026-04-01']);
    const bad = decide(hazard({ deadline: null }), 'confirm', inspector, { deadline: '2026-02-30' }, TODAY);
    assert.equal(!bad.ok && bad.status === 422 && bad.issues[0]!.key, 'date.invalid');
  });
  test('the role is checked before the state: a stranger learns nothing about where the hazard stands', () => {
    const d = decide(hazard({ state: 'closed' }), 'review_pass', grid, GOOD.review_pass, TODAY);
    assert.equal(!d.ok && d.status, 403);
  });
});
