import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { roundTo } from "./round";

describe("roundTo", () => {
  test.each([
    [1.005, 2, 1.01],
    [92.535, 2, 92.54],
    [1.4350000000000023, 2, 1.44],
    [-3.445, 2, -3.45],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [78.47222, 2, 78.47],
    [-0.001, 2, 0],
  ])("roundTo(%d, %d) = %d", (value, dp, expected) => {
    expect(roundTo(value, dp)).toBe(expected);
  });

  test("leaves values beyond 15 significant digits as they are", () => {
    expect(roundTo(23298010265550, 2)).toBe(23298010265550);
    expect(roundTo(9007199254740991, 0)).toBe(9007199254740991);
  });

  test("never returns -0", () => {
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
  });

  test("rejects a fractional or negative dp", () => {
    expect(() => roundTo(1, 1.5)).toThrow(RangeError);
    expect(() => roundTo(1, -1)).toThrow(RangeError);
  });

  test("property: within half a unit of the last place and idempotent", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, dp) => {
        const r = roundTo(x, dp);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5 / 10 ** dp + 1e-6);
        expect(roundTo(r, dp)).toBe(r);
      }),
    );
  });
});
