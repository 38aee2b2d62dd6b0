/**
 * Rendering off the request path: one worker thread draws the PDFs (pdfkit and fontkit are CPU-bound, ~0.3–3 s per
 * document), so the server's event loop keeps answering while a document is drawn. One worker is enough on the 2-core
 * machines this runs on and keeps one copy of the fonts in memory; documents queue in order. The worker starts on the
 * first request, is not kept alive for its own sake (unref), and is started again if it dies; a render that takes longer
 * than the timeout fails that request only.
 */
import { Worker } from 'node:worker_threads';
import type { FrozenDocument } from '../../../core/documents/model.ts';
import type { RenderReply, RenderRequest } from './render-worker.ts';

export interface WorkerRendered {
  bytes: Buffer;
  pages: number;
  ms: number;
}

const TIMEOUT_MS = 120_000;

interface Pending {
  resolve: (r: WorkerRendered) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

let worker: Worker | null = null;
let nextJob = 1;
const pending = new Map<number, Pending>();

function failAll(e: Error) {
  for (const [job, p] of pending) {
    clearTimeout(p.timer);
    p.reject(e);
    pending.delete(job);
  }
}

function start(): Worker {
  const entry = new URL(import.meta.url.endsWith('.ts') ? './render-worker.ts' : './render-worker.js', import.meta.url).href;
  const w = new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { entry }, name: 'anjian-pdf' });
  w.unref();
  w.on('message', (r: RenderReply) => {
    const p = pending.get(r.job);
    if (!p) return;
    clearTimeout(p.timer);
    pending.delete(r.job);
    if (r.ok) p.resolve({ bytes: Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength), pages: r.pages, ms: r.ms });
    else p.reject(new Error(`PDF render failed: ${r.error}`));
    if (pending.size === 0) w.unref();
  });
  w.on('error', (e) => {
    if (worker === w) worker = null;
    failAll(e);
  });
  w.on('exit', (code) => {
    if (worker === w) worker = null;
    if (pending.size) failAll(new Error(`PDF render worker exited (${code})`));
  });
  return w;
}

/** Draws a frozen document in the render worker. */
export function renderInWorker(document: FrozenDocument): Promise<WorkerRendered> {
  if (!worker) worker = start();
  const w = worker;
  const job = nextJob++;
  return new Promise<WorkerRendered>((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(job);
      reject(new Error(`PDF render timed out after ${TIMEOUT_MS} ms`));
      // a stuck worker is replaced; the jobs queued behind it fail and are asked for again
      if (worker === w) {
        worker = null;
        void w.terminate();
      }
    }, TIMEOUT_MS);
    timer.unref();
    pending.set(job, { resolve, reject, timer });
    w.ref(); // keep the process alive while a render is under way
    w.postMessage({ job, document } satisfies RenderRequest);
  });
}

/** Stops the worker (server shutdown, tests). */
export async function stopRenderWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
