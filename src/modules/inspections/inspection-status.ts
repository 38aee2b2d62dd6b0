/** 撤回签名 / 作废: a record being signed can be reopened by its team (the signatures go, and the audit chain says so); a draft can be cancelled. */
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { inspectionPolicy, authorize } from './inspections.policy.ts';
import { loadReadable } from './inspection-view.ts';
import * as repo from './inspections.repo.ts';

export async function reopenInspection(db: Db, p: Principal, id: number, note: string, now: Date) {
  const { i, team } = await loadReadable(db, p, id);
  authorize(inspectionPolicy.isTeam(p, team.map((t) => t.user_id)));
  if (i.status !== 'signing') throw new AppError(409, 'inspection.wrong_status', { status: i.status });
  if (!note.trim()) throw invalid([{ field: 'note', key: 'field.required' }]);
  const removed = await repo.signaturesOf(db, i.enterprise_id, i.id);
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await repo.deleteSignatures(tx, i.enterprise_id, i.id);
    await repo.setStatus(tx, i.enterprise_id, i.id, 'draft', now, { contentHash: null });
    await appendAudit(tx, { id: p.userId, name: p.username }, [
      { action: 'reopen', entityType: 'inspection', entityId: i.id, enterpriseId: i.enterprise_id, before: { contentHash: i.content_hash, signatures: removed.map((s) => ({ id: s.id, signerName: s.signer_name, contentHash: s.content_hash })) }, after: { note: note.trim() } },
    ], now);
  });
}

export async function cancelInspection(db: Db, p: Principal, id: number, note: string, now: Date) {
  const { i, team } = await loadReadable(db, p, id);
  authorize(inspectionPolicy.canCancel(p, i, team.map((t) => t.user_id)));
  if (i.status !== 'draft') throw new AppError(409, 'inspection.wrong_status', { status: i.status });
  if (!note.trim()) throw invalid([{ field: 'note', key: 'field.required' }]);
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await repo.setStatus(tx, i.enterprise_id, i.id, 'cancelled', now);
    await appendAudit(tx, { id: p.userId, name: p.username }, [{ action: 'cancel', entityType: 'inspection', entityId: i.id, enterpriseId: i.enterprise_id, after: { note: note.trim() } }], now);
  });
}
