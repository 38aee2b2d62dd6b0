/**
 * `anjian audit verify`, part two: every signed inspection's content is hashed again from the stored rows and compared
 * with the hash its signatures bind to and with the hash the audit chain recorded when it was signed. An edit made after
 * signing — through the API (refused) or directly in the database — is named here. (Kept apart from the chain walk and
 * from its HMAC anchoring: this checks the records, the chain checks itself.)
 */
import type { Db } from '../../db/client.ts';
import { currentContentHash } from './inspection-content.ts';
import * as repo from './inspections.repo.ts';

export interface SignedContentBreak {
  inspectionId: number;
  code: string;
  reason: 'content_changed' | 'hash_changed' | 'signature_changed' | 'not_in_chain';
}

export async function verifySignedInspections(db: Db, onProgress?: (done: number) => void): Promise<{ checked: number; broken: SignedContentBreak[] }> {
  const broken: SignedContentBreak[] = [];
  let after = 0;
  let checked = 0;
  for (;;) {
    const batch = await repo.signedAfter(db, after, 500);
    if (batch.length === 0) break;
    for (const i of batch) {
      const now = await currentContentHash(db, i.enterprise_id, i.id);
      const audited = (await repo.auditedHash(db, i.id))?.hash ?? null;
      const signatures = await repo.signaturesOf(db, i.enterprise_id, i.id);
      if (!audited) broken.push({ inspectionId: i.id, code: i.code, reason: 'not_in_chain' });
      else if (i.content_hash !== audited) broken.push({ inspectionId: i.id, code: i.code, reason: 'hash_changed' });
      else if (signatures.some((s) => s.content_hash !== audited)) broken.push({ inspectionId: i.id, code: i.code, reason: 'signature_changed' });
      else if (now !== audited) broken.push({ inspectionId: i.id, code: i.code, reason: 'content_changed' });
      checked++;
    }
    after = batch[batch.length - 1]!.id;
    onProgress?.(checked);
  }
  return { checked, broken };
}
