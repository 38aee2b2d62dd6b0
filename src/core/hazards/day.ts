/** The business day (YYYY-MM-DD) in China Standard Time (UTC+8, no daylight saving) of an instant the caller hands in. */
export function businessDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
