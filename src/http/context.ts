import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Principal } from '../core/access/principal.ts';
import type { Locale } from '../i18n/messages.ts';
import { unauthenticated } from './errors.ts';

/** What every route handler gets: the database, the configuration and the clock (injected for tests). */
export interface AppContext {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  config: Config;
  now: () => Date;
  version: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Answers without a session (login, health, the 公示 public page). Every other route needs one. */
    public?: boolean;
  }
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    principal: Principal | null;
    sessionToken: string | null;
    locale: Locale;
  }
}

export const SESSION_COOKIE = 'anjian_session';

/** The signed-in user, or a 401. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthenticated();
  return request.principal;
}
