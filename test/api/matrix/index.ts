/**
 * Every capability's rows of the authorization matrix. A capability that adds routes adds a module here: its rows
 * (every role, inside and outside its scope) and, when the rows need records of their own, a `setup` that builds them
 * through the API before the rows run. The matrix fails for any route of the OpenAPI document without a row.
 */
import type { Endpoint, World } from './world.ts';
import { coreRows } from './core.rows.ts';
import { inspectionModule } from './inspection.rows.ts';
import { documentsModule } from './documents.rows.ts';

export interface MatrixModule {
  name: string;
  /** Runs once after the shared world is built, in the order of MODULES; keep state in `w.ext[name]`. */
  setup?: (w: World) => Promise<void>;
  rows: Endpoint[];
  /** Routes this module answers without a session (public pages), e.g. 'POST /public/reports'. */
  publicRoutes?: string[];
}

export const MODULES: MatrixModule[] = [{ name: 'core', rows: coreRows }, documentsModule, inspectionModule];
