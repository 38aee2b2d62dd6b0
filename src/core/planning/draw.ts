/**
 * 双随机 seeded random draw of enterprises from the sampling pool. Reproducible: the same pool, rate and seed draw
 * the same enterprises, whatever order the pool comes in; the record says how to redo it (audit).
 */

// The PRNG is the collision engine's (one implementation for every 双随机 draw); its outputs are pinned by the recorded
// draws in test/core/planning/rules.test.ts, so a change there cannot silently change a recorded plan draw.
import { hashSeed, mulberry32 } from '../collision/prng.ts';

export { hashSeed, mulberry32 };

export interface DrawRecord {
  algorithm: 'mulberry32-fisher-yates-v1';
  seed: string;
  rate: number;
  poolSize: number;
  /** How many were drawn: ceil(rate × pool), at least 1 when the pool is not empty and rate > 0. */
  count: number;
  /** Ids of the pool, sorted ascending (the input of the shuffle). */
  pool: number[];
  drawn: number[];
}

/** Draw ceil(rate × |pool|) ids. Sorting first makes the draw independent of the pool's order. */
export function drawSample(pool: readonly number[], rate: number, seed: string | number): DrawRecord {
  if (!(rate >= 0 && rate <= 1)) throw new RangeError('sampling rate must be between 0 and 1');
  const sorted = [...new Set(pool)].sort((a, b) => a - b);
  const count = rate === 0 || sorted.length === 0 ? 0 : Math.min(sorted.length, Math.ceil(rate * sorted.length - 1e-9));
  const rng = mulberry32(hashSeed(`draw:${String(seed)}`));
  const a = sorted.slice();
  // partial Fisher–Yates: the first `count` positions are the draw
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rng() * (a.length - i));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  return {
    algorithm: 'mulberry32-fisher-yates-v1',
    seed: String(seed),
    rate,
    poolSize: sorted.length,
    count,
    pool: sorted,
    drawn: a.slice(0, count).sort((x, y) => x - y),
  };
}
