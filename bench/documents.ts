// npm run bench:documents — the enforcement documents end to end, as a user gets them: one document of each of the
// eight kinds is issued (issueDocument, in its transaction), then GET /api/v1/documents/{id}/pdf is asked for cold
// (drawn in the render worker; the first one also starts the worker and reads the fonts) and then again (answered from
// the cache). Prints issue time, cold and cached answer times, PDF size and pages per kind. Embedded database (PGlite).
import { DOCUMENT_KINDS, DOCUMENT_KIND_INFO, type DocumentKind } from '../src/core/documents/model.ts';
import type { Db } from '../src/db/client.ts';
import { issueDocument } from '../src/modules/documents/issue-document.ts';
import { stopRenderWorker } from '../src/modules/documents/pdf/render-pool.ts';
import { login, startTestEnv } from '../test/support/harness.ts';
import { SAMPLE_CONTENT, sampleSignatures } from '../test/core/documents/samples.ts';

const CACHED_RUNS = 20;
const source = (k: DocumentKind) => (k === 'inspection_record' || k === 'onsite_measures' ? 'inspection' : k.startsWith('r') ? 'hazard' : 'case');
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

const env = await startTestEnv('pglite');
try {
  const cookie = await login(env.app, 'inspector');
  const get = (url: string) => env.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie } });
  console.log(`load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log('kind                  issue ms  cold ms  cached p50/p95 ms  detail p50 ms  size KB  pages');
  for (const kind of DOCUMENT_KINDS) {
    const t0 = performance.now();
    const doc = await env.database.db.transaction((tx) =>
      issueDocument(
        tx as unknown as Db,
        { kind, enterpriseId: env.fixture.enterprises.jiangningChem.id, departmentId: env.fixture.departments['D-yj-320115']!, source: { type: source(kind), id: 1 }, content: SAMPLE_CONTENT[kind] as never, signatures: sampleSignatures(kind) },
        { id: null, name: 'bench' },
        env.clock.now,
      ),
    );
    const issueMs = performance.now() - t0;
    const t1 = performance.now();
    const cold = await get(`/documents/${doc.id}/pdf`);
    const coldMs = performance.now() - t1;
    if (cold.statusCode !== 200) throw new Error(`${kind}: ${cold.statusCode} ${cold.body}`);
    const cached: number[] = [];
    for (let i = 0; i < CACHED_RUNS; i++) {
      const t = performance.now();
      const r = await get(`/documents/${doc.id}/pdf`);
      cached.push(performance.now() - t);
      if (!r.rawPayload.equals(cold.rawPayload)) throw new Error(`${kind}: the PDF changed`);
    }
    const detail: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await get(`/documents/${doc.id}`);
      detail.push(performance.now() - t);
    }
    console.log(
      `${DOCUMENT_KIND_INFO[kind].title.padEnd(12, '　')}  ${issueMs.toFixed(0).padStart(8)}  ${coldMs.toFixed(0).padStart(7)}  ${`${pct(cached, 50).toFixed(1)}/${pct(cached, 95).toFixed(1)}`.padStart(17)}  ${pct(detail, 50).toFixed(1).padStart(13)}  ${(cold.rawPayload.length / 1024).toFixed(0).padStart(7)}  ${String(cold.headers['x-document-pages']).padStart(5)}`,
    );
  }
} finally {
  await stopRenderWorker();
  await env.stop();
}
