import fc from "fast-check";
import { describe, expect, test } from "vitest";
import golden from "../../../shared/fixtures/golden.json";
import { formatDate, formatNumber, formatPercent, formatRupiah, parseIdNumber } from "./number";
import { roundTo } from "./round";

describe("parseIdNumber: golden parse_number", () => {
  test.each(golden.parse_number)("$text", (c) => {
    const parsed = parseIdNumber(c.text);
    if (c.error) {
      expect(parsed.kind).toBe("error");
    } else if (c.range) {
      expect(parsed).toMatchObject({ kind: "range", min: c.range[0], max: c.range[1] });
    } else if (c.category) {
      expect(parsed).toEqual({ kind: "category", value: c.category });
    } else {
      expect(parsed).toMatchObject({ kind: "number", value: c.value });
      expect(parsed.kind === "number" ? parsed.label : "not a number").toBe(c.label);
    }
  });
});

describe("parseIdNumber", () => {
  test.each([
    ["1.234", 1234], // ambiguous: Indonesian thousands, not 1,234
    ["12.345.678", 12345678],
    ["0.125", 0.125], // a thousands group never starts with 0
    ["1234.567", 1234.567], // not a valid grouping, so a decimal point
    ["1.5", 1.5],
    ["1234567,89", 1234567.89],
    ["-3,45", -3.45],
    ["−3,45", -3.45], // U+2212 as printed in reports
    ["+16,49", 16.49],
    ["-0", 0],
    ["  81,64  ", 81.64],
  ])("%s → %d", (text, value) => {
    expect(parseIdNumber(text)).toEqual({ kind: "number", value });
  });

  test("units and labels are reported, not dropped", () => {
    expect(parseIdNumber("81,64 %")).toEqual({ kind: "number", value: 81.64, unit: "percent" });
    expect(parseIdNumber("Rp 21.505.412.182")).toEqual({ kind: "number", value: 21505412182, unit: "rupiah" });
    expect(parseIdNumber("Rp. 1.000,-")).toEqual({ kind: "number", value: 1000, unit: "rupiah" });
    expect(parseIdNumber("Rp232.980.102.655,50")).toEqual({ kind: "number", value: 232980102655.5, unit: "rupiah" });
    expect(parseIdNumber("66,00 (peringkat 4)")).toEqual({ kind: "number", value: 66, label: "peringkat 4" });
    expect(parseIdNumber("81,64 % (baik)")).toEqual({ kind: "number", value: 81.64, unit: "percent", label: "baik" });
  });

  test("ranges", () => {
    expect(parseIdNumber("5 - 10")).toEqual({ kind: "range", min: 5, max: 10 });
    expect(parseIdNumber("5–10 %")).toEqual({ kind: "range", min: 5, max: 10, unit: "percent" });
    expect(parseIdNumber("5 s.d. 10")).toEqual({ kind: "range", min: 5, max: 10 });
    expect(parseIdNumber("-5 - -1")).toEqual({ kind: "range", min: -5, max: -1 });
    expect(parseIdNumber("10-5")).toEqual({ kind: "error", message: 'Rentang terbalik: "10-5"' });
  });

  test("categories are short capital words", () => {
    expect(parseIdNumber("WTP")).toEqual({ kind: "category", value: "WTP" });
    expect(parseIdNumber(" AA ")).toEqual({ kind: "category", value: "AA" });
    expect(parseIdNumber("Baik").kind).toBe("error");
  });

  test.each(["abc", "-", "1,234.56", "1.234.567.89", "1.23.456", "12,", "70 ()", "Rp", "%", "5 % - 10"])(
    "rejects %j with a message naming the text",
    (text) => {
      expect(parseIdNumber(text)).toEqual({ kind: "error", message: `Angka tidak dikenali: "${text.trim()}"` });
    },
  );

  test("empty text", () => {
    expect(parseIdNumber("   ")).toEqual({ kind: "error", message: "Nilai kosong" });
  });
});

describe("formatNumber / formatPercent / formatRupiah", () => {
  test("Indonesian separators", () => {
    expect(formatNumber(1234567.891)).toBe("1.234.567,89");
    expect(formatNumber(-1234.5)).toBe("-1.234,50");
    expect(formatNumber(1234, 0)).toBe("1.234");
    expect(formatNumber(3.0885, 4)).toBe("3,0885");
    expect(formatNumber(92.535)).toBe("92,54");
    expect(formatNumber(-0.001)).toBe("0,00");
    expect(formatPercent(81.637)).toBe("81,64 %");
    expect(formatPercent(66.2, 1)).toBe("66,2 %");
    expect(formatRupiah(21505412182)).toBe("Rp 21.505.412.182");
    expect(formatRupiah(-1000)).toBe("-Rp 1.000");
    expect(formatRupiah(0)).toBe("Rp 0");
  });

  test("rejects what cannot be shown exactly", () => {
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatRupiah(1.5)).toThrow(RangeError);
    expect(() => formatRupiah(2 ** 53)).toThrow(RangeError);
  });

  test("property: parseIdNumber(formatNumber(x, dp)) gives x rounded to dp", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 3 }), (x, dp) => {
        expect(parseIdNumber(formatNumber(x, dp))).toEqual({ kind: "number", value: roundTo(x, dp) });
      }),
    );
  });

  test("property: formatRupiah round-trips every safe integer", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (rupiah) => {
        const parsed = parseIdNumber(formatRupiah(rupiah));
        expect(parsed).toEqual({ kind: "number", value: rupiah, unit: "rupiah" });
      }),
    );
  });
});

describe("formatDate", () => {
  test("calendar dates print as written", () => {
    expect(formatDate("2026-11-23")).toBe("23 November 2026");
    expect(formatDate("2021-02-03")).toBe("3 Februari 2021");
    expect(formatDate("2022-05-31")).toBe("31 Mei 2022");
  });

  test("instants print as the day in the given zone (WIB by default)", () => {
    const instant = new Date("2026-11-22T20:00:00Z"); // 03:00 WIB on the 23rd
    expect(formatDate(instant)).toBe("23 November 2026");
    expect(formatDate(instant, "UTC")).toBe("22 November 2026");
    expect(formatDate(new Date("2026-11-22T16:30:00Z"), "Asia/Makassar")).toBe("23 November 2026");
  });

  test("rejects what is not a date", () => {
    expect(() => formatDate("2026-02-30")).toThrow(RangeError);
    expect(() => formatDate("23/11/2026")).toThrow(RangeError);
    expect(() => formatDate(new Date("nope"))).toThrow(RangeError);
  });
});
