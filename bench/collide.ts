// npm run bench:collide [-- scale ...] — the joint-inspection collision at Nanjing, Suzhou and
// province scale. Each case runs in a fresh child process so memory figures are its own.
// Targets (collision.md): province in < 5 s and < 2 GiB on a 2-core machine.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { collide, generateScenario, checkSchedule, type Scale } from '../src/core/collision/index.ts';

interface Case {
  name: string;
  scale: Scale;
  scarce?: boolean;
}
const CASES: Case[] = [
  { name: 'nanjing', scale: 'nanjing' },
  { name: 'nanjing-scarce', scale: 'nanjing', scarce: true },
  { name: 'suzhou', scale: 'suzhou' },
  { name: 'suzhou-scarce', scale: 'suzhou', scarce: true },
  { name: 'province', scale: 'province' },
  { name: 'province-scarce', scale: 'province', scarce: true },
];

const GiB = 1024 ** 3;

function runOne(c: Case, check: boolean): void {
  const t0 = performance.now();
  // Through JSON, as `anjian collide IN.json` would see it.
  const scenario = JSON.parse(JSON.stringify(generateScenario({ scale: c.scale, seed: 4, scarce: c.scarce })));
  const genMs = performance.now() - t0;
  let peakRss = process.memoryUsage.rss();
  let peakHeap = process.memoryUsage().heapUsed;
  let n = 0;
  const sample = (): void => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    if ((n++ & 7) === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const cpu0 = process.cpuUsage();
  const t1 = performance.now();
  const schedule = collide(scenario, { onProgress: sample });
  const ms = performance.now() - t1;
  const cpu = process.cpuUsage(cpu0);
  sample();
  const maxRss = process.resourceUsage().maxRSS * 1024; // kernel peak for the whole process
  const violations = check ? checkSchedule(scenario, schedule).length : -1;
  const st = schedule.stats;
  console.log(
    JSON.stringify({
      name: c.name,
      plans: st.plans,
      dropped: st.dropped,
      visits: st.visits,
      lowerBound: st.lowerBound,
      unscheduled: st.unscheduled,
      visitsSaved: st.visitsSaved,
      scheduled: st.scheduled,
      inspectors: scenario.inspectors.length,
      enterprises: scenario.enterprises.length,
      genMs,
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      peakRss: Math.max(peakRss, maxRss),
      peakHeap,
      violations,
    }),
  );
}

const args = process.argv.slice(2);
if (args[0] === '--one') {
  runOne(
    CASES.find((c) => c.name === args[1])!,
    args.includes('--check'),
  );
} else {
  const check = args.includes('--check');
  const wanted = args.filter((a) => !a.startsWith('--'));
  const cases = wanted.length > 0 ? CASES.filter((c) => wanted.includes(c.name)) : CASES;
  const self = fileURLToPath(import.meta.url);
  const fmtMb = (b: number): string => `${(b / 1024 / 1024).toFixed(0)} MiB`;
  console.log(
    'case             plans   dropped  visits  lowerBd  unsched  saved    time     cpu      peak RSS  peak heap  check',
  );
  let failed = false;
  for (const c of cases) {
    const r = spawnSync(process.execPath, [...process.execArgv, self, '--one', c.name, ...(check ? ['--check'] : [])], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    const line = r.stdout.trim().split('\n').at(-1) ?? '';
    if (r.status !== 0 || !line.startsWith('{')) {
      console.log(`${c.name}: failed (${r.status})\n${r.stderr}`);
      failed = true;
      continue;
    }
    const x = JSON.parse(line);
    const row = [
      c.name.padEnd(16),
      String(x.plans).padStart(6),
      String(x.dropped).padStart(9),
      String(x.visits).padStart(7),
      String(x.lowerBound).padStart(8),
      String(x.unscheduled).padStart(8),
      String(x.visitsSaved).padStart(7),
      `${(x.ms / 1000).toFixed(2)} s`.padStart(8),
      `${(x.cpuMs / 1000).toFixed(2)} s`.padStart(8),
      fmtMb(x.peakRss).padStart(10),
      fmtMb(x.peakHeap).padStart(10),
      x.violations < 0 ? '-' : x.violations === 0 ? 'ok' : `${x.violations} violations`,
    ];
    console.log(row.join(' '));
    if (c.name === 'province') {
      const ok = x.ms < 5000 && x.peakRss < 2 * GiB;
      console.log(
        `  province target (< 5 s, < 2 GiB): ${ok ? 'met' : 'NOT met'} (scenario generation ${(x.genMs / 1000).toFixed(1)} s, not counted)`,
      );
      if (!ok) failed = true;
    }
  }
  process.exitCode = failed ? 1 : 0;
}
