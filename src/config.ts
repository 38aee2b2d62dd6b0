import { resolve } from 'node:path';

/** Runtime configuration, read once from the environment (README "Configuration"). */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server; when unset the embedded PGlite database in dataDir is used. */
  databaseUrl: string | null;
  dataDir: string;
  /** Load the demo data on first start of an empty database. */
  demoOnFirstStart: boolean;
  sessionTtlHours: number;
  secureCookies: boolean;
  webDir: string;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: resolve(env.ANJIAN_DATA_DIR ?? './data'),
    demoOnFirstStart: (env.ANJIAN_DEMO ?? 'true') !== 'false',
    sessionTtlHours: Number(env.ANJIAN_SESSION_TTL_HOURS ?? 12),
    secureCookies: env.ANJIAN_SECURE_COOKIES === 'true',
    webDir: resolve(env.ANJIAN_WEB_DIR ?? './dist/web'),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
