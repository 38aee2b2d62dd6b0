import { one, rows, sql, type Db } from '../../db/client.ts';

export interface PhotoRow {
  enterprise_id: number;
  id: number;
  client_id: string | null;
  sha256: string;
  thumb_sha256: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  original_name: string;
  taken_at: Date | string | null;
  received_at: Date | string;
  uploaded_by: number;
  uploaded_by_name?: string;
  purpose: 'finding' | 'before' | 'after' | 'evidence';
  inspection_id: number | null;
  checklist_id: number | null;
  hazard_id: number | null;
  hazard_event_id: number | null;
  self_inspection_id: number | null;
}

export interface PhotoOwner {
  purpose: PhotoRow['purpose'];
  inspectionId?: number | null;
  checklistId?: number | null;
  hazardId?: number | null;
  hazardEventId?: number | null;
  selfInspectionId?: number | null;
}

const cols = sql`p.*, u.display_name AS uploaded_by_name`;

export const findByClientId = (db: Db, enterpriseId: number, clientId: string) =>
  one<PhotoRow>(db, sql`SELECT ${cols} FROM photos p JOIN users u ON u.id = p.uploaded_by WHERE p.enterprise_id = ${enterpriseId} AND p.client_id = ${clientId}`);

/** By id alone (the URL carries no enterprise): the caller checks who may see the enterprise. */
export const findById = (db: Db, id: number) =>
  one<PhotoRow>(db, sql`SELECT ${cols} FROM photos p JOIN users u ON u.id = p.uploaded_by WHERE p.id = ${id}`);

export async function insertPhoto(
  tx: Db,
  v: { enterpriseId: number; clientId: string | null; sha256: string; thumbSha256: string; mime: string; width: number; height: number; bytes: number; originalName: string; takenAt: string | null; uploadedBy: number; owner: PhotoOwner },
  now: Date,
): Promise<number> {
  const o = v.owner;
  const r = await one<{ id: number }>(
    tx,
    sql`INSERT INTO photos (enterprise_id, client_id, sha256, thumb_sha256, mime, width, height, bytes, original_name, taken_at, received_at,
        uploaded_by, purpose, inspection_id, checklist_id, hazard_id, hazard_event_id, self_inspection_id)
      VALUES (${v.enterpriseId}, ${v.clientId}, ${v.sha256}, ${v.thumbSha256}, ${v.mime}, ${v.width}, ${v.height}, ${v.bytes}, ${v.originalName},
        ${v.takenAt}, ${now.toISOString()}, ${v.uploadedBy}, ${o.purpose}, ${o.inspectionId ?? null}, ${o.checklistId ?? null}, ${o.hazardId ?? null},
        ${o.hazardEventId ?? null}, ${o.selfInspectionId ?? null})
      RETURNING id`,
  );
  return r!.id;
}

export const photosOfInspection = (db: Db, enterpriseId: number, inspectionId: number) =>
  rows<PhotoRow>(db, sql`SELECT ${cols} FROM photos p JOIN users u ON u.id = p.uploaded_by
    WHERE p.enterprise_id = ${enterpriseId} AND p.inspection_id = ${inspectionId} ORDER BY p.id`);

export const photosOfHazard = (db: Db, enterpriseId: number, hazardId: number, checklistId: number | null) =>
  rows<PhotoRow>(db, sql`SELECT ${cols} FROM photos p JOIN users u ON u.id = p.uploaded_by
    WHERE p.enterprise_id = ${enterpriseId} AND (p.hazard_id = ${hazardId}${checklistId !== null ? sql` OR p.checklist_id = ${checklistId}` : sql``}) ORDER BY p.id`);

/** Attaches uploaded photos (by id, of this enterprise and hazard, not yet bound to an event) to a hazard event. */
export async function bindToEvent(tx: Db, enterpriseId: number, hazardId: number, photoIds: readonly number[], eventId: number) {
  if (photoIds.length === 0) return 0;
  const r = await rows<{ id: number }>(
    tx,
    sql`UPDATE photos SET hazard_event_id = ${eventId}
      WHERE enterprise_id = ${enterpriseId} AND hazard_id = ${hazardId} AND hazard_event_id IS NULL
        AND id IN (${sql.join(photoIds.map((i) => sql`${i}`), sql`, `)}) RETURNING id`,
  );
  return r.length;
}

export const unboundPhotos = (db: Db, enterpriseId: number, hazardId: number, ids: readonly number[]) =>
  ids.length === 0
    ? Promise.resolve([] as PhotoRow[])
    : rows<PhotoRow>(db, sql`SELECT ${cols} FROM photos p JOIN users u ON u.id = p.uploaded_by WHERE p.enterprise_id = ${enterpriseId}
        AND p.hazard_id = ${hazardId} AND p.hazard_event_id IS NULL AND p.id IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);

/**
 * Has this department inspected the enterprise, or does it own a hazard of it? (A department user sees the records of
 * its own work even on an enterprise outside its line's register — e.g. the housing line on a joint visit.)
 */
export async function departmentWorksOn(db: Db, departmentId: number, enterpriseId: number): Promise<boolean> {
  const r = await one(
    db,
    sql`SELECT 1 FROM inspections WHERE enterprise_id = ${enterpriseId} AND department_id = ${departmentId}
      UNION ALL SELECT 1 FROM hazards WHERE enterprise_id = ${enterpriseId} AND department_id = ${departmentId} LIMIT 1`,
  );
  return !!r;
}
