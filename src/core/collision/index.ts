// Joint-inspection collision engine (联检碰撞) — public API.
export { collide, type CollideOptions } from './collide.ts';
export * from './scenario.ts';
export { checkSchedule, moveVisit, type Violation, type ViolationRule, type ViolationCode, type MoveResult } from './check.ts';
export { renderViolation } from './violation-text.ts';
export { explainPlan, renderExplanation, type Explanation, type ExplainMessage, type Locale } from './explain.ts';
export { generateScenario, type GenerateOptions, type Scale } from './generate.ts';
export { buildCalendar, isoToDay, dayToIso, type Calendar } from './calendar.ts';
export { mulberry32, rngFromSeed, hashSeed } from './prng.ts';
