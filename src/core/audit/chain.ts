import { createHash } from 'node:crypto';

/** 审计链 audit chain: each record's hash covers its content and the previous record's hash. */
export interface AuditContent {
  seq: number;
  at: string; // ISO instant
  actorId: number | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  enterpriseId: number | null;
  before: unknown;
  after: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so the hash does not depend on key order (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function auditHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

export interface StoredAudit extends AuditContent {
  prevHash: string;
  hash: string;
}

export type ChainBreak =
  | { seq: number; reason: 'altered' }
  | { seq: number; reason: 'removed'; expectedSeq: number }
  | { seq: number; reason: 'relinked' };

/**
 * Walks records in seq order and names the first record that was altered or removed.
 * `previous` is the last verified record before this batch (null at the start of the chain).
 */
export function verifyBatch(
  records: StoredAudit[],
  previous: { seq: number; hash: string } | null,
): ChainBreak | null {
  let prevSeq = previous?.seq ?? 0;
  let prevHash = previous?.hash ?? GENESIS_HASH;
  for (const r of records) {
    if (r.seq !== prevSeq + 1) return { seq: r.seq, reason: 'removed', expectedSeq: prevSeq + 1 };
    if (r.prevHash !== prevHash) return { seq: r.seq, reason: 'relinked' };
    const { prevHash: _p, hash, ...content } = r;
    if (auditHash(prevHash, content) !== hash) return { seq: r.seq, reason: 'altered' };
    prevSeq = r.seq;
    prevHash = hash;
  }
  return null;
}
