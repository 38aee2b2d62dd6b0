/**
 * 文书 PDF: the bytes of an issued document, drawn once and the same forever after.
 *
 * - The first request draws it in the render worker (off the event loop) from the frozen content, stores the bytes in
 *   `document_pdfs` (the first rendering wins a race; both callers then answer the stored one) and enters its sha256 in
 *   the audit chain next to the content hash of the issue.
 * - Every later request answers from the file cache under the data directory, content-addressed
 *   (`<data>/documents/ab/abcdef….pdf`), checked against the stored hash; a missing or damaged file is written again from
 *   the database copy — another server process sharing the PostgreSQL database gets the same bytes, never a re-render.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from '../../db/client.ts';
import type { FrozenDocument } from '../../core/documents/model.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { AppError } from '../../http/errors.ts';
import { findDocumentUnscoped, findPdfBytes, findPdfMeta, issuedContentHash, storePdf } from './documents.repo.ts';
import { documentHash } from './content-hash.ts';
import { renderInWorker } from './pdf/render-pool.ts';

export interface PdfFile {
  bytes: Buffer;
  sha256: string;
  pages: number;
  /** how it was answered: from the file cache, from the database copy, or drawn now */
  from: 'cache' | 'database' | 'rendered';
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export function cachePath(dataDir: string, hash: string): string {
  return join(dataDir, 'documents', hash.slice(0, 2), `${hash}.pdf`);
}

function readCache(dataDir: string, hash: string): Buffer | null {
  try {
    const bytes = readFileSync(cachePath(dataDir, hash));
    return sha256(bytes) === hash ? bytes : null;
  } catch {
    return null;
  }
}

function writeCache(dataDir: string, hash: string, bytes: Uint8Array) {
  const path = cachePath(dataDir, hash);
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, path); // atomic: a reader sees the whole file or none
  } catch {
    /* a read-only or full data directory only costs the cache; the database keeps the bytes */
  }
}

/** Renders of this process under way, by document, so concurrent first requests draw it once. */
const inFlight = new Map<string, Promise<PdfFile>>();

export interface PdfContext {
  db: Db;
  dataDir: string;
  now: () => Date;
}

async function renderAndStore(ctx: PdfContext, doc: { enterpriseId: number; id: number; frozen: FrozenDocument }, actor: { id: number | null; name: string }): Promise<PdfFile> {
  // The content is drawn only as it was issued: its hash must be the one the audit chain recorded then.
  const recorded = await issuedContentHash(ctx.db, doc.id);
  if (!recorded || recorded !== documentHash(doc.frozen)) throw new AppError(409, 'document.tampered');
  let rendered;
  try {
    rendered = await renderInWorker(doc.frozen);
  } catch (e) {
    process.stderr.write(`document ${doc.id}: ${(e as Error).message}\n`);
    throw new AppError(503, 'document.render_failed');
  }
  const hash = sha256(rendered.bytes);
  const now = ctx.now();
  const stored = await ctx.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const first = await storePdf(tx, {
      enterpriseId: doc.enterpriseId,
      documentId: doc.id,
      sha256: hash,
      bytes: rendered.bytes,
      pages: rendered.pages,
      renderedAt: now,
      renderMs: rendered.ms,
    });
    if (first) {
      await appendAudit(tx, actor, [
        { action: 'document.pdf', entityType: 'document', entityId: doc.id, enterpriseId: doc.enterpriseId, after: { sha256: hash, size: rendered.bytes.length, pages: rendered.pages } },
      ], now);
    }
    return first;
  });
  if (!stored) {
    // another process drew it first: its bytes are the document's
    const kept = await findPdfBytes(ctx.db, doc.enterpriseId, doc.id);
    if (kept) {
      writeCache(ctx.dataDir, kept.sha256, kept.bytes);
      return { bytes: kept.bytes, sha256: kept.sha256, pages: kept.pages, from: 'database' };
    }
  }
  writeCache(ctx.dataDir, hash, rendered.bytes);
  return { bytes: rendered.bytes, sha256: hash, pages: rendered.pages, from: 'rendered' };
}

/**
 * The PDF of a document the caller has already been allowed to see (`doc` comes from the scoped lookup).
 * `actor` is who first asked for it (recorded with the PDF's hash in the audit chain).
 */
export async function documentPdf(
  ctx: PdfContext,
  doc: { enterpriseId: number; id: number; frozen: FrozenDocument },
  actor: { id: number | null; name: string },
): Promise<PdfFile> {
  const meta = await findPdfMeta(ctx.db, doc.enterpriseId, doc.id);
  if (meta) {
    const cached = readCache(ctx.dataDir, meta.sha256);
    if (cached) return { bytes: cached, sha256: meta.sha256, pages: meta.pages, from: 'cache' };
    const kept = await findPdfBytes(ctx.db, doc.enterpriseId, doc.id);
    if (kept) {
      writeCache(ctx.dataDir, kept.sha256, kept.bytes);
      return { bytes: kept.bytes, sha256: kept.sha256, pages: kept.pages, from: 'database' };
    }
  }
  const key = `${doc.enterpriseId}:${doc.id}`;
  const running = inFlight.get(key);
  if (running) return running;
  const p = renderAndStore(ctx, doc, actor).finally(() => inFlight.delete(key));
  inFlight.set(key, p);
  return p;
}

/**
 * Draws a freshly issued document in the background so its first reader does not wait: call it after the issuing
 * transaction has committed, e.g. `prerenderDocument({ db: ctx.db, dataDir: ctx.config.dataDir, now: ctx.now }, id)`.
 * Errors are only logged (the first GET draws it then). Answers the promise for those who want to wait (tests, seeds).
 */
export function prerenderDocument(ctx: PdfContext, id: number): Promise<void> {
  return (async () => {
    const row = await findDocumentUnscoped(ctx.db, id);
    if (!row) return;
    const frozen = typeof row.document === 'string' ? (JSON.parse(row.document) as FrozenDocument) : row.document;
    await documentPdf(ctx, { enterpriseId: row.enterprise_id, id: row.id, frozen }, { id: null, name: 'system' });
  })().catch((e: unknown) => {
    process.stderr.write(`prerender of document ${id} failed: ${(e as Error).message}\n`);
  });
}
