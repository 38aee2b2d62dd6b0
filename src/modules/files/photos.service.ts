/**
 * 照片 photos of inspections, hazards and self-inspections: resized on the server, stored content-addressed, time-stamped
 * by the server (the phone's own time is kept apart as `takenAt`), visible only to people who may see the enterprise.
 * Other capabilities (public reports, grid patrols) reuse `storePhoto` and `photoVisible`.
 */
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { scopeOf } from '../../core/access/lines-scope.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { findBrief } from '../enterprises/enterprises.repo.ts';
import { processPhoto } from './images.ts';
import type { FileStore } from './storage.ts';
import * as repo from './photos.repo.ts';

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export function toPhoto(r: repo.PhotoRow) {
  return {
    id: r.id,
    clientId: r.client_id,
    url: `/api/v1/photos/${r.id}`,
    thumbUrl: `/api/v1/photos/${r.id}?size=thumb`,
    sha256: r.sha256,
    width: r.width,
    height: r.height,
    bytes: r.bytes,
    purpose: r.purpose,
    checklistId: r.checklist_id,
    hazardId: r.hazard_id,
    takenAt: iso(r.taken_at),
    receivedAt: iso(r.received_at)!,
    uploadedBy: { id: r.uploaded_by, name: r.uploaded_by_name ?? '' },
  };
}
export type Photo = ReturnType<typeof toPhoto>;

/**
 * Stores one photo. Idempotent by the client's id: an offline phone that retries an upload gets the photo it already
 * made (200), not a second one.
 */
export async function storePhoto(opts: {
  db: Db;
  store: FileStore;
  principal: Principal;
  enterpriseId: number;
  clientId: string | null;
  input: Buffer;
  originalName: string;
  takenAt: string | null;
  owner: repo.PhotoOwner;
  now: Date;
}): Promise<{ photo: Photo; created: boolean }> {
  const { db, principal: p } = opts;
  if (opts.clientId) {
    const existing = await repo.findByClientId(db, opts.enterpriseId, opts.clientId);
    if (existing) return { photo: toPhoto(existing), created: false };
  }
  const processed = await processPhoto(opts.input);
  const full = await opts.store.put(processed.full);
  const thumb = await opts.store.put(processed.thumb);
  const takenAt = opts.takenAt && !Number.isNaN(Date.parse(opts.takenAt)) ? new Date(opts.takenAt).toISOString() : null;
  const id = await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const id = await repo.insertPhoto(
      tx,
      { enterpriseId: opts.enterpriseId, clientId: opts.clientId, sha256: full.sha256, thumbSha256: thumb.sha256, mime: processed.mime, width: processed.width, height: processed.height, bytes: full.bytes, originalName: opts.originalName, takenAt, uploadedBy: p.userId, owner: opts.owner },
      opts.now,
    );
    await appendAudit(tx, { id: p.userId, name: p.username }, [
      { action: 'upload', entityType: 'photo', entityId: id, enterpriseId: opts.enterpriseId, after: { sha256: full.sha256, purpose: opts.owner.purpose, inspectionId: opts.owner.inspectionId ?? null, hazardId: opts.owner.hazardId ?? null, checklistId: opts.owner.checklistId ?? null } },
    ], opts.now);
    return id;
  });
  return { photo: toPhoto((await repo.findById(db, id))!), created: true };
}

/** Who may see an enterprise's photos: whoever sees the enterprise in the register, or a department that worked on it. */
export async function enterpriseVisible(db: Db, p: Principal, enterpriseId: number): Promise<boolean> {
  if (await findBrief(db, scopeOf(p), enterpriseId)) return true;
  if ((p.role === 'inspector' || p.role === 'dept_head') && p.departmentId !== null) return repo.departmentWorksOn(db, p.departmentId, enterpriseId);
  return false;
}
