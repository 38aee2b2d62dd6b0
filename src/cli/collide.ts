// `anjian collide IN.json > OUT.json` — run the joint-inspection collision (联检碰撞) offline.
// Validation errors go to stderr (exit 2); a progress bar on stderr when it is a terminal, otherwise
// a few plain progress lines; the schedule JSON goes to stdout.

import { readFile } from 'node:fs/promises';
import { collide, parseScenario } from '../core/collision/index.ts';

interface Streams {
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
}

const PHASES: Record<string, string> = {
  compile: 'indexing',
  dedup: 'de-duplicating (rule 1)',
  stabbing: 'lower bound',
  schedule: 'scheduling visits',
  leftovers: 'placing leftovers',
  repair: 'repairing',
  output: 'writing schedule',
};

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (e) => (e ? reject(e) : resolve()));
  });
}

export async function collideCommand(inPath: string, opts: Streams = {}): Promise<number> {
  const out = opts.out ?? process.stdout;
  const err = opts.err ?? process.stderr;
  let text: string;
  try {
    text = await readFile(inPath, 'utf8');
  } catch (e) {
    err.write(`anjian collide: cannot read ${inPath}: ${(e as Error).message}\n`);
    return 1;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    err.write(`anjian collide: ${inPath} is not valid JSON: ${(e as Error).message}\n`);
    return 2;
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) {
    err.write(
      `anjian collide: ${inPath}: ${parsed.errors.length} error(s)${parsed.errors.length >= 200 ? ' (first 200)' : ''}\n`,
    );
    for (const e of parsed.errors) err.write(`  ${e.path || '(root)'}: ${e.message}\n`);
    return 2;
  }

  const tty = (err as { isTTY?: boolean }).isTTY === true;
  const cols = Math.max(40, Math.min(100, (err as { columns?: number }).columns ?? 80));
  const started = Date.now();
  let lastPhase = '';
  let lastDraw = 0;
  const onProgress = (phase: string, done: number, total: number): void => {
    const label = PHASES[phase] ?? phase;
    if (tty) {
      const now = Date.now();
      if (phase === lastPhase && now - lastDraw < 50 && done < total) return;
      lastDraw = now;
      const frac = total > 0 ? Math.min(1, done / total) : 1;
      const width = Math.max(10, cols - label.length - 20);
      const filled = Math.round(frac * width);
      err.write(
        `\r\x1b[2K${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(frac * 100)).padStart(3)}%`,
      );
      lastPhase = phase;
    } else if (phase !== lastPhase) {
      err.write(`collide: ${label}…\n`);
      lastPhase = phase;
    }
  };
  const schedule = collide(parsed.scenario, { onProgress });
  const st = schedule.stats;
  const summary =
    `collide: ${st.plans} plans, ${st.dropped} dropped, ${st.scheduled} scheduled in ${st.visits} visits ` +
    `(lower bound ${st.lowerBound}, ${st.visitsSaved} separate visits saved), ${st.unscheduled} unscheduled, ` +
    `${((Date.now() - started) / 1000).toFixed(1)} s\n`;
  err.write(tty ? `\r\x1b[2K${summary}` : summary);
  await write(out, JSON.stringify(schedule) + '\n');
  return 0;
}
