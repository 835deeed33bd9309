import fc from "fast-check";
import { describe, expect, test } from "vitest";
import golden from "../../../shared/fixtures/golden.json";
import { roundTo } from "../format/round";
import { IKM_UNSUR, ikm, sampleSizeKrejcieMorgan, mutuIkm, nrr, sampleSizeSlovin, tallyAnswers } from "./ikm";

describe("IKM: golden", () => {
  const tallies = tallyAnswers(golden.ikm.respondents);

  test("nrr per unsur (golden shows 3 dp)", () => {
    expect(nrr(tallies).map((v) => roundTo(v ?? Number.NaN, 3))).toEqual(golden.ikm.nrr);
  });

  test("ikm with w = 1/9, and its mutu", () => {
    const value = ikm(tallies) ?? Number.NaN;
    expect(roundTo(value, 2)).toBe(golden.ikm.ikm);
    expect(mutuIkm(value).code).toBe(golden.ikm.mutu);
  });

  test("ikm with the legacy weight 0,111", () => {
    expect(roundTo(ikm(tallies, "legacy_0_111") ?? Number.NaN, 2)).toBe(golden.ikm.ikm_legacy_0_111);
  });

  test.each(golden.ikm_mutu)("mutu of $ikm is $mutu", (c) => {
    expect(mutuIkm(c.ikm).code).toBe(c.mutu);
  });

  test.each(golden.sample_size_krejcie_morgan)("Krejcie–Morgan N=$population → $sample", (c) => {
    expect(sampleSizeKrejcieMorgan(c.population)).toBe(c.sample);
  });

  test.each(golden.sample_size_slovin)("Slovin N=$population e=$e → $sample", (c) => {
    expect(sampleSizeSlovin(c.population, c.e)).toBe(c.sample);
  });
});

describe("IKM", () => {
  test("nine unsur, U1..U9", () => {
    expect(IKM_UNSUR.map((u) => u.code)).toEqual(["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"]);
    expect(IKM_UNSUR[7]?.name).toBe("Penanganan Pengaduan, Saran dan Masukan");
  });

  test("tallies count answers 1..4 per unsur", () => {
    const tallies = tallyAnswers([
      [1, 2, 3, 4, 4, 4, 4, 4, 4],
      [4, 2, 3, 4, 4, 4, 4, 4, 1],
    ]);
    expect(tallies[0]).toEqual([1, 0, 0, 1]);
    expect(tallies[1]).toEqual([0, 2, 0, 0]);
    expect(tallies[8]).toEqual([1, 0, 0, 1]);
  });

  test("rejects malformed answers and tallies", () => {
    expect(() => tallyAnswers([[1, 2, 3]])).toThrow(RangeError);
    expect(() => tallyAnswers([[1, 2, 3, 4, 5, 1, 1, 1, 1]])).toThrow(/U5/);
    expect(() => nrr([[1, 0, 0, 0]])).toThrow(RangeError);
    expect(() => nrr(Array.from({ length: 9 }, () => [1, -1, 0, 0] as const))).toThrow(RangeError);
  });

  test("an unsur without answers has no NRR and the IKM is not computed", () => {
    const tallies = tallyAnswers([[4, 4, 4, 4, 4, 4, 4, 4, 4]]).map((t, i) => (i === 2 ? ([0, 0, 0, 0] as const) : t));
    expect(nrr(tallies)[2]).toBeNull();
    expect(ikm(tallies)).toBeNull();
  });

  test("mutu outside 25..100 is an error; rounding happens first", () => {
    expect(() => mutuIkm(24.99)).toThrow(RangeError);
    expect(() => mutuIkm(100.01)).toThrow(RangeError);
    expect(mutuIkm(88.305)).toEqual({ code: "A", label: "Sangat Baik" }); // shows as 88,31
    expect(mutuIkm(24.996).code).toBe("D"); // shows as 25,00
    expect(mutuIkm(64.994)).toEqual({ code: "D", label: "Tidak Baik" });
  });

  test("sample sizes: small populations and bad input", () => {
    expect(sampleSizeKrejcieMorgan(1)).toBe(1);
    expect(sampleSizeSlovin(100, 0.1)).toBe(50); // exactly 50, not pushed to 51 by 0.1² noise
    expect(() => sampleSizeKrejcieMorgan(0)).toThrow(RangeError);
    expect(() => sampleSizeSlovin(100, 0)).toThrow(RangeError);
  });

  const respondents = fc.array(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 9, maxLength: 9 }), {
    minLength: 1,
    maxLength: 60,
  });

  test("property: IKM is within 25..100 for answers 1..4, legacy slightly lower", () => {
    fc.assert(
      fc.property(respondents, (rows) => {
        const tallies = tallyAnswers(rows);
        const exact = ikm(tallies) ?? Number.NaN;
        expect(exact).toBeGreaterThanOrEqual(25 - 1e-9);
        expect(exact).toBeLessThanOrEqual(100 + 1e-9);
        expect(ikm(tallies, "legacy_0_111")).toBeLessThan(exact);
        expect(["A", "B", "C", "D"]).toContain(mutuIkm(exact).code);
      }),
    );
  });

  test("property: tallies keep every answer", () => {
    fc.assert(
      fc.property(respondents, (rows) => {
        for (const tally of tallyAnswers(rows)) expect(tally.reduce((a, b) => a + b, 0)).toBe(rows.length);
      }),
    );
  });

  test("property: sample sizes never exceed the population, Slovin covers its formula", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 7 }), fc.double({ min: 0.01, max: 0.2, noNaN: true }), (n, e) => {
        expect(sampleSizeKrejcieMorgan(n)).toBeLessThanOrEqual(n);
        expect(sampleSizeKrejcieMorgan(n)).toBeLessThanOrEqual(384);
        const s = sampleSizeSlovin(n, e);
        expect(s).toBeLessThanOrEqual(n);
        expect(s).toBeGreaterThanOrEqual(n / (1 + n * e * e) - 1e-6);
      }),
    );
  });
});
