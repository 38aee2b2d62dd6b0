/**
 * The render worker thread: draws one frozen document at a time and hands the bytes back (transferred, not copied).
 * The fonts are read once, when the worker starts.
 */
import { parentPort } from 'node:worker_threads';
import type { FrozenDocument } from '../../../core/documents/model.ts';
import { documentFonts } from './fonts.ts';
import { renderDocumentPdf } from './render.ts';

export interface RenderRequest {
  job: number;
  document: FrozenDocument;
}

export type RenderReply =
  | { job: number; ok: true; bytes: Uint8Array; pages: number; ms: number }
  | { job: number; ok: false; error: string };

const port = parentPort;
if (!port) throw new Error('render-worker runs in a worker thread');
const fonts = documentFonts();

port.on('message', async (req: RenderRequest) => {
  const t0 = performance.now();
  try {
    const r = await renderDocumentPdf(req.document, fonts);
    // a buffer of its own (not a slice of a shared pool) so it can be transferred
    const bytes = r.bytes.byteOffset === 0 && r.bytes.byteLength === r.bytes.buffer.byteLength ? new Uint8Array(r.bytes.buffer) : new Uint8Array(r.bytes);
    const reply: RenderReply = { job: req.job, ok: true, bytes, pages: r.pages, ms: Math.round(performance.now() - t0) };
    port.postMessage(reply, [bytes.buffer as ArrayBuffer]);
  } catch (e) {
    const reply: RenderReply = { job: req.job, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    port.postMessage(reply);
  }
});
