import fc from "fast-check";
import { describe, expect, test } from "vitest";
import golden from "../../../shared/fixtures/golden.json";
import { roundTo } from "../format/round";
import {
  capaian,
  capaianBandsSchema,
  DEFAULT_CAPAIAN_BANDS,
  type NegativeMethod,
  type Polarity,
  predikatCapaian,
  sasaranCapaian,
  share,
  vsRenstra,
  yoyChange,
} from "./capaian";

describe("capaian: golden", () => {
  test.each(golden.capaian)("$source $polarity $method T=$target R=$realisasi", (c) => {
    const result = capaian({
      polarity: c.polarity as Polarity,
      method: c.method as NegativeMethod | undefined,
      target: c.target,
      realisasi: c.realisasi,
    });
    if (c.capaian === null) expect(result.value).toBeNull();
    else expect(roundTo(result.value ?? Number.NaN, c.dp ?? 2)).toBe(c.capaian);
    expect(result.flags).toEqual(c.flag ? [c.flag] : []);
  });
});

describe("capaian", () => {
  test("negative polarity defaults to 2T-R", () => {
    expect(capaian({ polarity: "negative", target: 10, realisasi: 8 }).value).toBe(120);
  });

  test("zero target wins over division by zero", () => {
    expect(capaian({ polarity: "negative", method: "T/R", target: 0, realisasi: 0 })).toEqual({
      value: null,
      flags: ["zero_target"],
    });
  });

  test("below 0 is an outlier too, and is kept", () => {
    expect(capaian({ polarity: "negative", target: 10, realisasi: 25 })).toEqual({ value: -50, flags: ["outlier"] });
    expect(capaian({ polarity: "positive", target: 100, realisasi: 150 }).flags).toEqual([]);
  });

  test("rejects non-finite numbers", () => {
    expect(() => capaian({ polarity: "positive", target: 1, realisasi: Number.NaN })).toThrow(RangeError);
    expect(() => capaian({ kind: "text", manual: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });

  const SAKIP_SCALE = ["AA", "A", "BB", "B", "CC", "C", "D"];
  test.each([
    ["BB", "BB", 100],
    ["BB", "A", 100],
    ["BB", "b", 4 / 5 * 100], // B is rank 4, BB rank 5 (D = 1); case ignored
    ["A", "D", 1 / 6 * 100],
  ])("categorical target %s realisasi %s", (target, realisasi, expected) => {
    const result = capaian({ kind: "categorical", scale: SAKIP_SCALE, target, realisasi });
    expect(result).toEqual({ value: expected, flags: [] });
  });

  test("categorical below target can score 0 instead", () => {
    const input = { scale: SAKIP_SCALE, target: "BB", realisasi: "B", belowTarget: "zero" } as const;
    expect(capaian({ kind: "categorical", ...input }).value).toBe(0);
  });

  test("unknown category is flagged, not scored", () => {
    expect(capaian({ kind: "categorical", scale: SAKIP_SCALE, target: "BB", realisasi: "WTP" })).toEqual({
      value: null,
      flags: ["unknown_category"],
    });
  });

  test("text indicators carry the manual value and say so", () => {
    expect(capaian({ kind: "text", manual: 95 })).toEqual({ value: 95, flags: ["manual"] });
    expect(capaian({ kind: "text", manual: 335 })).toEqual({ value: 335, flags: ["manual", "outlier"] });
    expect(capaian({ kind: "text", manual: null })).toEqual({ value: null, flags: ["manual"] });
  });

  const nonZero = fc.double({ min: 0.001, max: 1e6, noNaN: true });
  const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });

  test("property: positive and negative 2T-R capaian of the same T, R add up to 200", () => {
    fc.assert(
      fc.property(nonZero, finite, (target, realisasi) => {
        const pos = capaian({ polarity: "positive", target, realisasi }).value ?? Number.NaN;
        const neg = capaian({ polarity: "negative", target, realisasi }).value ?? Number.NaN;
        // R/T + (2T − R)/T = 2, up to float error relative to the size of the terms.
        expect(Math.abs(pos + neg - 200)).toBeLessThanOrEqual(1e-12 * Math.max(200, Math.abs(pos)));
      }),
    );
  });

  test("property: outlier flag exactly when the value leaves 0..150", () => {
    fc.assert(
      fc.property(nonZero, finite, fc.constantFrom<Polarity>("positive", "negative"), (target, realisasi, polarity) => {
        const { value, flags } = capaian({ polarity, target, realisasi });
        expect(value).not.toBeNull();
        expect(flags.includes("outlier")).toBe((value ?? 0) > 150 || (value ?? 0) < 0);
      }),
    );
  });

  test("property: categorical capaian is in (0, 100], 100 exactly when realisasi is at or above target", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SAKIP_SCALE), fc.constantFrom(...SAKIP_SCALE), (target, realisasi) => {
        const value = capaian({ kind: "categorical", scale: SAKIP_SCALE, target, realisasi }).value ?? Number.NaN;
        expect(value).toBeGreaterThan(0);
        expect(value).toBeLessThanOrEqual(100);
        expect(value === 100).toBe(SAKIP_SCALE.indexOf(realisasi) <= SAKIP_SCALE.indexOf(target));
      }),
    );
  });
});

describe("sasaranCapaian", () => {
  test("mean of unrounded values, missing ones left out", () => {
    expect(sasaranCapaian([111.11111111111111, 99.78998384491113, null])).toBe(
      (111.11111111111111 + 99.78998384491113) / 2,
    );
  });

  test("rounds only at the end: averaging the displayed values would differ", () => {
    // 101.006 and 101 display as 101,01 and 101,00, whose mean would show 101,01.
    expect(roundTo(sasaranCapaian([101.006, 101]) ?? Number.NaN, 2)).toBe(101);
  });

  test("null when no indicator has capaian", () => {
    expect(sasaranCapaian([])).toBeNull();
    expect(sasaranCapaian([null, null])).toBeNull();
  });
});

describe("yoyChange: golden", () => {
  // Seed 002 Tabel 3.11 computed 78,38 → 75,68 from the PD counts (29 and 28 of 37), not from the printed
  // 2-dp shares: on the printed figures the formula gives −3,4448 → −3,44, from the counts −3,4483 → −3,45.
  const UNROUNDED: Record<number, number> = { 78.38: (29 / 37) * 100, 75.68: (28 / 37) * 100 };
  const input = (printed: number) => UNROUNDED[printed] ?? printed;

  test.each(golden.yoy)("$previous → $current", (c) => {
    const result = yoyChange(input(c.previous), input(c.current));
    expect(roundTo(result.value ?? Number.NaN, c.dp)).toBe(c.change);
    expect(result.flags).toEqual([]);
  });

  test("on the printed 2-dp inputs of the first case", () => {
    expect(roundTo(yoyChange(78.38, 75.68).value ?? Number.NaN, 2)).toBe(-3.44);
  });

  test("previous 0 is flagged, not divided", () => {
    expect(yoyChange(0, 5)).toEqual({ value: null, flags: ["zero_previous"] });
  });
});

describe("vsRenstra: golden", () => {
  test.each(golden.vs_renstra)("$realisasi of $target_end", (c) => {
    expect(roundTo(vsRenstra(c.realisasi, c.target_end).value ?? Number.NaN, c.dp)).toBe(c.capaian);
  });

  test("zero end target is flagged", () => {
    expect(vsRenstra(5, 0)).toEqual({ value: null, flags: ["zero_target"] });
  });
});

describe("share: golden", () => {
  test.each(golden.share)("$count of $of", (c) => {
    expect(roundTo(share(c.count, c.of) ?? Number.NaN, c.dp)).toBe(c.percent);
  });

  test("empty population has no share; impossible counts are rejected", () => {
    expect(share(0, 0)).toBeNull();
    expect(() => share(38, 37)).toThrow(RangeError);
    expect(() => share(1.5, 37)).toThrow(RangeError);
  });
});

describe("predikatCapaian", () => {
  test.each([
    [140.57, "Sangat Tinggi"],
    [91, "Sangat Tinggi"],
    [90.996, "Sangat Tinggi"], // shows as 91,00
    [90.5, "Tinggi"], // between 90 and 91: not yet 91
    [76, "Tinggi"],
    [75.99, "Sedang"],
    [66, "Sedang"],
    [65.5, "Rendah"],
    [51, "Rendah"],
    [50.5, "Sangat Rendah"],
    [0, "Sangat Rendah"],
    [-20, "Sangat Rendah"], // an outlier still gets the lowest band
  ])("%d → %s", (value, label) => {
    expect(predikatCapaian(value)).toBe(label);
  });

  test("bands are configurable per tenant and validated", () => {
    const bands = capaianBandsSchema.parse([
      { label: "Baik", min: 80 },
      { label: "Kurang", min: 0 },
    ]);
    expect(predikatCapaian(85, bands)).toBe("Baik");
    expect(predikatCapaian(79.99, bands)).toBe("Kurang");
    expect(capaianBandsSchema.safeParse(DEFAULT_CAPAIAN_BANDS).success).toBe(true);
    expect(capaianBandsSchema.safeParse([]).success).toBe(false);
    expect(capaianBandsSchema.safeParse([{ label: "A", min: 50 }, { label: "B", min: 60 }]).success).toBe(false);
    expect(capaianBandsSchema.safeParse([{ label: " ", min: 50 }]).success).toBe(false);
  });
});
