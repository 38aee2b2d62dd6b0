#!/usr/bin/env node
// Runs node:test (through tsx) over every *.test.ts under the given folders: Node 20's --test takes no globs.
// Usage: node scripts/test.mjs test/core test/api [--concurrency N]
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const dirs = args.filter((a) => !a.startsWith('--'));
const concurrency = args.includes('--parallel') ? [] : ['--test-concurrency=1'];
const files = [];
const walk = (p) => {
  if (!existsSync(p)) return;
  if (statSync(p).isDirectory()) for (const f of readdirSync(p).sort()) walk(join(p, f));
  else if (p.endsWith('.test.ts')) files.push(p);
};
for (const d of dirs) walk(d);
if (files.length === 0) {
  console.error(`no test files under ${dirs.join(', ')}`);
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...concurrency, ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
