import fc from "fast-check";
import { describe, expect, test } from "vitest";
import golden from "../../../shared/fixtures/golden.json";
import { roundTo } from "../format/round";
import { efisiensi, efisiensiTable, penyerapan, rupiahToSen } from "./anggaran";

describe("penyerapan: golden", () => {
  test.each(golden.penyerapan)("$source", (c) => {
    // The total case gives realisasi in sen (232.980.102.655,50); the pagu is then counted in sen too.
    const input =
      c.realisasi_sen === undefined
        ? { pagu: c.pagu, realisasi: c.realisasi ?? Number.NaN }
        : { pagu: rupiahToSen(c.pagu), realisasi: c.realisasi_sen };
    const result = penyerapan(input);
    expect(roundTo(result.percent ?? Number.NaN, c.dp)).toBe(c.percent);
    if (c.sisa !== undefined) expect(result.sisa).toBe(c.sisa);
    expect(result.flags).toEqual([]);
  });

  test("sisa in sen is exact", () => {
    // 285.385.368.352 − 232.980.102.655,50 = Rp 52.405.265.696,50
    expect(penyerapan({ pagu: rupiahToSen(285385368352), realisasi: 23298010265550 }).sisa).toBe(5240526569650);
  });
});

describe("penyerapan", () => {
  test("zero pagu and over-pagu are flagged, not hidden", () => {
    expect(penyerapan({ pagu: 0, realisasi: 0 })).toEqual({ percent: null, sisa: 0, flags: ["zero_pagu"] });
    expect(penyerapan({ pagu: 100, realisasi: 120 })).toEqual({ percent: 120, sisa: -20, flags: ["over_pagu"] });
  });

  test("rejects amounts that are not exact integers", () => {
    expect(() => penyerapan({ pagu: 100.5, realisasi: 1 })).toThrow(RangeError);
    expect(() => penyerapan({ pagu: 2 ** 53, realisasi: 1 })).toThrow(RangeError);
    expect(() => penyerapan({ pagu: 100, realisasi: -1 })).toThrow(RangeError);
    expect(() => rupiahToSen(2 ** 52)).toThrow(RangeError);
  });

  const money = fc.integer({ min: 0, max: 10 ** 14 });

  test("property: sisa + realisasi = pagu exactly, up to 10^14", () => {
    fc.assert(
      fc.property(money, money, (pagu, realisasi) => {
        const { sisa } = penyerapan({ pagu, realisasi });
        expect(Number.isSafeInteger(sisa)).toBe(true);
        expect(BigInt(sisa) + BigInt(realisasi)).toBe(BigInt(pagu));
      }),
    );
  });

  test("property: percent is within 0..100 when realisasi ≤ pagu, and scales back to realisasi", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 14 }), fc.double({ min: 0, max: 1, noNaN: true }), (pagu, ratio) => {
        const realisasi = Math.floor(pagu * ratio);
        const { percent, flags } = penyerapan({ pagu, realisasi });
        expect(flags).toEqual([]);
        expect(percent).toBeGreaterThanOrEqual(0);
        expect(percent).toBeLessThanOrEqual(100);
        expect(Math.abs(((percent ?? 0) / 100) * pagu - realisasi)).toBeLessThanOrEqual(pagu * 1e-12);
      }),
    );
  });

  test("property: the same amounts in sen give the same percent", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 12 }), fc.integer({ min: 0, max: 10 ** 12 }), (pagu, realisasi) => {
        const inSen = penyerapan({ pagu: rupiahToSen(pagu), realisasi: rupiahToSen(realisasi) });
        expect(inSen.percent).toBe(penyerapan({ pagu, realisasi }).percent);
        expect(inSen.sisa).toBe(rupiahToSen(pagu) - rupiahToSen(realisasi));
      }),
    );
  });
});

describe("efisiensi: golden", () => {
  const [difference, clamped] = golden.efisiensi;

  test("difference mode (seed 002 sasaran 3)", () => {
    const c = difference ?? expect.unreachable();
    const value = efisiensi(c.capaian_kinerja ?? Number.NaN, c.capaian_anggaran ?? Number.NaN, "difference");
    expect(roundTo(value, c.dp)).toBe(c.efisiensi);
  });

  test("clamped table with summary against the whole budget (seed 000)", () => {
    const c = clamped ?? expect.unreachable();
    const rows = (c.rows ?? []).map((r) => ({
      capaianKinerja: r.capaian_kinerja,
      capaianAnggaran: r.capaian_anggaran,
    }));
    const summary = c.summary ?? expect.unreachable();
    const table = efisiensiTable(rows, summary.capaian_anggaran_total, "clamped");
    expect(table.rows.map((r) => roundTo(r.efisiensi, c.dp))).toEqual((c.rows ?? []).map((r) => r.efisiensi));
    expect(roundTo(table.summary?.meanCapaianKinerja ?? Number.NaN, c.dp)).toBe(summary.mean_capaian_kinerja);
    expect(table.summary?.capaianAnggaranTotal).toBe(summary.capaian_anggaran_total);
    expect(roundTo(table.summary?.efisiensi ?? Number.NaN, c.dp)).toBe(summary.efisiensi);
  });
});

describe("efisiensi", () => {
  test("difference keeps negatives, clamped shows 0", () => {
    expect(efisiensi(98.26, 98.7)).toBeCloseTo(-0.44, 10);
    expect(efisiensi(98.26, 98.7, "clamped")).toBe(0);
  });

  test("table keeps the caller's row fields; empty table has no summary", () => {
    const table = efisiensiTable([{ id: "s1", capaianKinerja: 90, capaianAnggaran: 95 }], 80);
    expect(table.rows).toEqual([{ id: "s1", capaianKinerja: 90, capaianAnggaran: 95, efisiensi: -5 }]);
    expect(table.summary).toEqual({ meanCapaianKinerja: 90, capaianAnggaranTotal: 80, efisiensi: 10 });
    expect(efisiensiTable([], 80, "clamped")).toEqual({ rows: [], summary: null });
  });

  test("clamped summary is clamped too", () => {
    expect(efisiensiTable([{ capaianKinerja: 70, capaianAnggaran: 60 }], 90, "clamped").summary?.efisiensi).toBe(0);
  });

  const capaianValue = fc.double({ min: 0, max: 400, noNaN: true });
  test("property: clamped = max(0, difference)", () => {
    fc.assert(
      fc.property(capaianValue, capaianValue, (k, a) => {
        expect(efisiensi(k, a, "clamped")).toBe(Math.max(0, efisiensi(k, a, "difference")));
      }),
    );
  });
});
