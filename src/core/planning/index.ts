// Planning rules (三级计划执法, 双随机, 检查频次) — pure; see docs/planning.md.
export * from './selection.ts';
export * from './draw.ts';
export * from './frequency.ts';
export * from './levels.ts';
export * from './state.ts';
export * from './documents.ts';
export * from './holidays.ts';
