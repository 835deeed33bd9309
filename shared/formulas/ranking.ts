/**
 * Ranking tables of perangkat daerah (DOMAIN.md §7): ties share a rank
 * (1, 2, 2, 4) and missing data stays missing — never ranked as 0.
 */

export type RankDirection = "desc" | "asc";

export interface Ranked<T> {
  item: T;
  value: number | null;
  /** 1-based; null when the item has no value. */
  rank: number | null;
}

/**
 * Ranks in input order. Values tie only when equal, so pass values rounded to
 * the precision shown when "75,10" and "75,10" must share a rank.
 */
export function rankWithTies<T>(
  items: readonly T[],
  getValue: (item: T) => number | null | undefined,
  direction: RankDirection = "desc",
): Ranked<T>[] {
  const values = items.map((item) => {
    const value = getValue(item);
    return value === null || value === undefined || Number.isNaN(value) ? null : value;
  });
  const sorted = values
    .filter((v): v is number => v !== null)
    .sort((a, b) => (direction === "desc" ? b - a : a - b));
  // Standard competition ranking: a value's rank is 1 + how many values are strictly better.
  const rankOf = new Map<number, number>();
  sorted.forEach((value, i) => {
    if (!rankOf.has(value)) rankOf.set(value, i + 1);
  });
  return items.map((item, i) => {
    const value = values[i] ?? null;
    return { item, value, rank: value === null ? null : (rankOf.get(value) ?? null) };
  });
}
