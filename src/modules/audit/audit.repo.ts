import { one, rows, sql, type Db } from '../../db/client.ts';
import { auditHash, GENESIS_HASH, verifyBatch, type ChainBreak, type StoredAudit } from '../../core/audit/chain.ts';

export interface Actor {
  id: number | null;
  name: string;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number;
  enterpriseId?: number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends records to the chain inside the caller's transaction. The advisory lock serialises writers across
 * server processes so the chain stays linear; it is released when the transaction ends.
 */
export async function appendAudit(tx: Db, actor: Actor, entries: AuditEntry[], now: Date): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(884433)`);
  const last = await one<{ seq: number; hash: string }>(
    tx,
    sql`SELECT seq::int AS seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`,
  );
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = now.toISOString();
  const records: Record<string, unknown>[] = [];
  for (const e of entries) {
    seq += 1;
    const content = {
      seq,
      at,
      actorId: actor.id,
      actorName: actor.name,
      action: e.action,
      entityType: e.entityType,
      entityId: String(e.entityId),
      enterpriseId: e.enterpriseId ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
    };
    const hash = auditHash(prevHash, content);
    records.push({ ...content, prevHash, hash });
    prevHash = hash;
  }
  // One JSON parameter per 5,000 records (json_to_recordset): the same on both drivers, and fast.
  for (let i = 0; i < records.length; i += 5000) {
    await tx.execute(sql`INSERT INTO audit_log (seq, at, actor_id, actor_name, action, entity_type, entity_id, enterprise_id,
      before, after, prev_hash, hash)
      SELECT x."seq", x."at", x."actorId", x."actorName", x."action", x."entityType", x."entityId", x."enterpriseId",
        x."before", x."after", x."prevHash", x."hash"
      FROM json_to_recordset(${JSON.stringify(records.slice(i, i + 5000))}::json) AS x("seq" bigint, "at" timestamptz,
        "actorId" integer, "actorName" text, "action" text, "entityType" text, "entityId" text, "enterpriseId" integer,
        "before" jsonb, "after" jsonb, "prevHash" text, "hash" text)`);
    // Other requests get a turn between chunks of a large append (see import-enterprises.ts).
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

interface AuditRow {
  seq: number;
  at: Date | string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  enterprise_id: number | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

function toStored(r: AuditRow): StoredAudit {
  return {
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    enterpriseId: r.enterprise_id,
    before: typeof r.before === 'string' ? JSON.parse(r.before) : r.before,
    after: typeof r.after === 'string' ? JSON.parse(r.after) : r.after,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Walks the whole chain in batches; answers the first record that was altered or removed. */
export async function verifyAuditChain(
  db: Db,
  onProgress?: (done: number) => void,
): Promise<{ ok: boolean; count: number; firstBad?: ChainBreak }> {
  let previous: { seq: number; hash: string } | null = null;
  let count = 0;
  for (;;) {
    const after: number = previous?.seq ?? 0;
    const batch: StoredAudit[] = (
      await rows<AuditRow>(
        db,
        sql`SELECT seq::int AS seq, at, actor_id, actor_name, action, entity_type, entity_id, enterprise_id, before, after,
          prev_hash, hash FROM audit_log WHERE seq > ${after} ORDER BY seq LIMIT 5000`,
      )
    ).map(toStored);
    if (batch.length === 0) break;
    const bad = verifyBatch(batch, previous);
    if (bad) return { ok: false, count: count + batch.findIndex((r: StoredAudit) => r.seq === bad.seq), firstBad: bad };
    count += batch.length;
    const lastRecord: StoredAudit = batch[batch.length - 1]!;
    previous = { seq: lastRecord.seq, hash: lastRecord.hash };
    onProgress?.(count);
  }
  return { ok: true, count };
}

export async function listAudit(
  db: Db,
  filter: { entityType?: string; entityId?: string; enterpriseId?: number; actor?: string },
  page: number,
  pageSize: number,
): Promise<{ items: StoredAudit[]; total: number }> {
  const where = sql.join(
    [
      sql`true`,
      filter.entityType ? sql`entity_type = ${filter.entityType}` : undefined,
      filter.entityId ? sql`entity_id = ${filter.entityId}` : undefined,
      filter.enterpriseId !== undefined ? sql`enterprise_id = ${filter.enterpriseId}` : undefined,
      filter.actor ? sql`actor_name = ${filter.actor}` : undefined,
    ].filter((x) => x !== undefined),
    sql` AND `,
  );
  const total = await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM audit_log WHERE ${where}`);
  const items = (
    await rows<AuditRow>(
      db,
      sql`SELECT seq::int AS seq, at, actor_id, actor_name, action, entity_type, entity_id, enterprise_id, before, after,
        prev_hash, hash FROM audit_log WHERE ${where} ORDER BY seq DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    )
  ).map(toStored);
  return { items, total: total?.n ?? 0 };
}
