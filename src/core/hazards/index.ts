export * from './model.ts';
export * from './lifecycle.ts';
export * from './escalation.ts';
export * from './stats.ts';
export * from './day.ts';
