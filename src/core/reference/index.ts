export * from './label.ts';
export * from './regions.ts';
export * from './industry.ts';
export * from './domains.ts';
export * from './lines.ts';
export * from './dictionaries.ts';
