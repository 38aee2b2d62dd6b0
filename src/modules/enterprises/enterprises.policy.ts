import type { Principal } from '../../core/access/principal.ts';
import { forbidden } from '../../http/errors.ts';

/** Access rules of the register, in one place. Which rows a user sees is the data scope (repository). */
const WRITERS = new Set(['admin', 'coordinator', 'dept_head', 'inspector']);

export const enterprisePolicy = {
  /** Everybody signed in reads the register within their scope (an enterprise officer: their own file). */
  canRead: (_p: Principal) => true,
  canCreate: (p: Principal) => WRITERS.has(p.role),
  canUpdate: (p: Principal) => WRITERS.has(p.role),
  canImport: (p: Principal) => WRITERS.has(p.role),
  canExport: (p: Principal) => p.role !== 'enterprise_officer',
};

export function authorize(allowed: boolean): void {
  if (!allowed) throw forbidden();
}
