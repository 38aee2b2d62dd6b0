import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/audit/chain.ts';
import type { FrozenDocument } from '../../core/documents/model.ts';

/** sha256 of the frozen document's canonical JSON: what the audit chain records at issue and the renderer checks. */
export function documentHash(doc: FrozenDocument): string {
  return createHash('sha256').update(canonicalJson(doc)).digest('hex');
}
