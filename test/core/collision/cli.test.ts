// collideCommand(): file in, schedule JSON out, errors and progress on stderr.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collideCommand } from '../../../src/cli/collide.ts';
import { generateScenario, checkSchedule, type Schedule } from '../../../src/core/collision/index.ts';

function sink(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

test('collide IN.json writes the schedule to stdout and plain progress lines to a non-TTY stderr', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'collide-'));
  const sc = generateScenario({ scale: 'nanjing', seed: 4 });
  const file = join(dir, 'in.json');
  await writeFile(file, JSON.stringify(sc));
  const out = sink();
  const err = sink();
  const code = await collideCommand(file, { out: out.stream, err: err.stream });
  assert.equal(code, 0);
  const schedule = JSON.parse(out.text()) as Schedule;
  assert.equal(schedule.stats.plans, 584);
  assert.deepEqual(checkSchedule(sc, schedule), []);
  const lines = err.text().trim().split('\n');
  assert.ok(lines.length >= 3 && lines.length <= 12, err.text());
  assert.ok(!err.text().includes('\r'), 'no carriage returns when stderr is not a terminal');
  assert.match(lines.at(-1)!, /584 plans/);
});

test('an invalid scenario is reported on stderr with paths, exit code 2, nothing on stdout', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'collide-'));
  const sc = generateScenario({ scale: 'tiny', seed: 1 }) as unknown as {
    plans: { inspectorsNeeded: number; department: string }[];
  };
  sc.plans[0]!.inspectorsNeeded = 1;
  sc.plans[1]!.department = 'D-none';
  const file = join(dir, 'bad.json');
  await writeFile(file, JSON.stringify(sc));
  const out = sink();
  const err = sink();
  assert.equal(await collideCommand(file, { out: out.stream, err: err.stream }), 2);
  assert.equal(out.text(), '');
  assert.match(err.text(), /plans\[0\]\.inspectorsNeeded: must be at least 2/);
  assert.match(err.text(), /plans\[1\]\.department: unknown department "D-none"/);
  await writeFile(file, '{ not json');
  assert.equal(await collideCommand(file, { out: sink().stream, err: sink().stream }), 2);
});

test('on a terminal the progress is a redrawn bar', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'collide-'));
  const file = join(dir, 'in.json');
  await writeFile(file, JSON.stringify(generateScenario({ scale: 'tiny', seed: 2 })));
  const err = sink();
  Object.assign(err.stream, { isTTY: true, columns: 80 });
  assert.equal(await collideCommand(file, { out: sink().stream, err: err.stream }), 0);
  // eslint-disable-next-line no-control-regex
  assert.match(err.text(), /\r\x1b\[2K.*\[#+/);
});
