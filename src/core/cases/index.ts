export * from './model.ts';
export * from './lifecycle.ts';
export * from './stats.ts';
