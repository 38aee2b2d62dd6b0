/**
 * The hash a signature binds to: SHA-256 over the canonical JSON (keys sorted at every depth) of the record's content as
 * signed — header, team, checklist results and findings, people checked, quizzes, photos (by their content hash) and
 * on-site measures; never the signatures themselves. The same function runs at signing and in `anjian audit verify`,
 * which recomputes it from the stored rows: any later edit, even one made directly in the database, changes it.
 * (Server-side only: it uses node:crypto; the web does not import this file.)
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/chain.ts';

export const CONTENT_HASH_VERSION = 1;

export function contentHash(content: unknown): string {
  return createHash('sha256').update(`anjian-inspection-v${CONTENT_HASH_VERSION}\n`).update(canonicalJson(content)).digest('hex');
}
