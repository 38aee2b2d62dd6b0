export * from './model.ts';
export * from './checklist.ts';
export * from './results.ts';
export * from './people.ts';
export * from './quiz.ts';
export * from './signing.ts';
