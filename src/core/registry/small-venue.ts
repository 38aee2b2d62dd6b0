import { SMALL_VENUE_CATEGORIES } from '../reference/dictionaries.ts';

/** 社会面小场所 categories accepted by the register, by code or by Chinese/English name. */
export const SMALL_VENUE_CODES: ReadonlySet<string> = new Set(SMALL_VENUE_CATEGORIES.map((c) => c.code));

export function parseSmallVenueCategory(v: string): string | null {
  const t = v.trim();
  const lower = t.toLowerCase();
  return (
    SMALL_VENUE_CATEGORIES.find((c) => c.code === lower || c.label['zh-CN'] === t || c.label['en-US'].toLowerCase() === lower)
      ?.code ?? null
  );
}
