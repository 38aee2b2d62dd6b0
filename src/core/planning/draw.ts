/**
 * 双随机 seeded random draw of enterprises from the sampling pool. Reproducible: the same pool, rate and seed draw
 * the same enterprises, whatever order the pool comes in; the record says how to redo it (audit).
 */

/** FNV-1a over the text, then an avalanche: any seed → 32 bits. */
export function hashSeed(seed: string | number): number {
  const s = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
