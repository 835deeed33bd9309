import fc from "fast-check";
import { describe, expect, test } from "vitest";
import golden from "../../../shared/fixtures/golden.json";
import { rankWithTies } from "./ranking";

describe("rankWithTies", () => {
  test("golden ranking_ties", () => {
    const ranked = rankWithTies(golden.ranking_ties.values, (v) => v.nilai);
    expect(Object.fromEntries(ranked.map((r) => [r.item.pd, r.rank]))).toEqual(golden.ranking_ties.ranks);
  });

  test("ascending, e.g. lower is better", () => {
    expect(rankWithTies([3, 1, 1, 2], (v) => v, "asc").map((r) => r.rank)).toEqual([4, 1, 1, 3]);
  });

  test("missing values are null, never 0; 0 itself is a value", () => {
    const ranked = rankWithTies([0, undefined, null, Number.NaN, -5], (v) => v);
    expect(ranked.map((r) => [r.value, r.rank])).toEqual([
      [0, 1],
      [null, null],
      [null, null],
      [null, null],
      [-5, 2],
    ]);
  });

  const values = fc.array(fc.option(fc.integer({ min: -20, max: 20 }), { nil: null }), { maxLength: 40 });

  test("property: 1-based, ties equal, nulls null, rank = 1 + count of strictly better", () => {
    fc.assert(
      fc.property(values, fc.constantFrom("desc" as const, "asc" as const), (vs, direction) => {
        const ranked = rankWithTies(vs, (v) => v, direction);
        expect(ranked.map((r) => r.item)).toEqual(vs);
        ranked.forEach(({ value, rank }, i) => {
          expect(value).toBe(vs[i]);
          if (value === null) return expect(rank).toBeNull();
          const better = vs.filter((v) => v !== null && (direction === "desc" ? v > value : v < value)).length;
          expect(rank).toBe(better + 1);
        });
        for (const a of ranked) {
          for (const b of ranked) if (a.value !== null && a.value === b.value) expect(a.rank).toBe(b.rank);
        }
        const ranks = ranked.flatMap((r) => (r.rank === null ? [] : [r.rank]));
        if (ranks.length > 0) expect(Math.min(...ranks)).toBe(1);
      }),
    );
  });
});
