export * from './uscc.ts';
export * from './id-number.ts';
export * from './region-code.ts';
