import fc from "fast-check";
import { describe, expect, test } from "vitest";
import golden from "../../../shared/fixtures/golden.json";
import { roundTo } from "../format/round";
import {
  LKE_2021_COMPONENTS,
  LKE_LEGACY_COMPONENTS,
  LKE_SUB_COMPONENTS,
  type LkeAnswers,
  type LkeTemplate,
  legacyTotal,
  lkeScore,
  predikatSakip,
  SAKIP_PREDIKAT,
} from "./sakip";

describe("predikatSakip: golden", () => {
  test.each(golden.sakip_predikat)("$nilai → $predikat", (c) => {
    expect(predikatSakip(c.nilai)).toBe(c.predikat);
  });

  test("decides on the published 2-dp value", () => {
    expect(predikatSakip(80.004)).toBe("BB");
    expect(predikatSakip(80.005)).toBe("A");
    expect(predikatSakip(30.01)).toBe("C");
  });

  test("nilai outside 0..100 is an error", () => {
    expect(() => predikatSakip(-0.01)).toThrow(RangeError);
    expect(() => predikatSakip(100.01)).toThrow(RangeError);
  });

  const nilai = fc.double({ min: 0, max: 100, noNaN: true });
  test("property: predikat never gets worse as nilai rises", () => {
    fc.assert(
      fc.property(nilai, nilai, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const position = (n: number) => SAKIP_PREDIKAT.indexOf(predikatSakip(n)); // 0 = AA
        expect(position(high)).toBeLessThanOrEqual(position(low));
      }),
    );
  });
});

describe("legacyTotal: golden sakip_legacy_components", () => {
  const c = golden.sakip_legacy_components;

  test("weights are the five-component template", () => {
    expect(LKE_LEGACY_COMPONENTS.map((x) => x.weight)).toEqual(c.weights);
  });

  test("total and predikat", () => {
    const result = legacyTotal(c.scores);
    expect(roundTo(result.total, 2)).toBe(c.total);
    expect(result.predikat).toBe(c.predikat);
    expect(result.issues).toEqual([]);
  });

  test("a score above its weight is flagged and not graded", () => {
    const result = legacyTotal([20.39, 13.75, 9.88, 13.84, 11.28]);
    expect(result.issues).toEqual([{ code: "evaluasi", issue: "exceeds_weight", score: 13.84, weight: 10 }]);
    expect(result.predikat).toBeNull();
    expect(roundTo(result.total, 2)).toBe(69.14);
  });

  test("wrong number of scores is an error", () => {
    expect(() => legacyTotal([20, 10])).toThrow(RangeError);
  });
});

/** LKE 2021 with two criteria per sub-component: a Y/T one and an A–E one. */
const TEMPLATE: LkeTemplate = {
  components: LKE_2021_COMPONENTS.map((component) => ({
    ...component,
    criteria: {
      pemenuhan: [
        { id: `${component.code}.1.1`, answerType: "YT" },
        { id: `${component.code}.1.2`, answerType: "AE" },
      ],
      kualitas: [
        { id: `${component.code}.2.1`, answerType: "YT" },
        { id: `${component.code}.2.2`, answerType: "AE" },
      ],
      pemanfaatan: [
        { id: `${component.code}.3.1`, answerType: "YT" },
        { id: `${component.code}.3.2`, answerType: "AE" },
      ],
    },
  })),
};
const ALL_IDS = TEMPLATE.components.flatMap((c) => LKE_SUB_COMPONENTS.flatMap((s) => c.criteria[s].map((x) => x.id)));
const best = (): Record<string, string> =>
  Object.fromEntries(ALL_IDS.map((id) => [id, id.endsWith(".1") ? "Y" : "A"]));

describe("lkeScore", () => {
  test("LKE 2021 components add up to 100; Perencanaan splits 6 / 9 / 15", () => {
    expect(LKE_2021_COMPONENTS.map((c) => [c.name, c.weight])).toEqual([
      ["Perencanaan Kinerja", 30],
      ["Pengukuran Kinerja", 30],
      ["Pelaporan Kinerja", 15],
      ["Evaluasi Akuntabilitas Kinerja Internal", 25],
    ]);
    const perencanaan = lkeScore(TEMPLATE, best()).components[0];
    expect(perencanaan?.subComponents.map((s) => s.weight)).toEqual([6, 9, 15]);
  });

  test("full marks give 100, AA", () => {
    const result = lkeScore(TEMPLATE, best());
    expect(result.total).toBeCloseTo(100, 10);
    expect(result.predikat).toBe("AA");
    expect(result.missing).toEqual([]);
  });

  test("sub-component score = mean of its answers × its weight", () => {
    const answers = { ...best(), "perencanaan.1.1": "T", "perencanaan.1.2": "B", "perencanaan.2.2": "C" };
    const [perencanaan] = lkeScore(TEMPLATE, answers).components;
    expect(perencanaan?.subComponents.map((s) => s.score)).toEqual([
      ((0 + 0.75) / 2) * 6, // 2,25
      ((1 + 0.5) / 2) * 9, // 6,75
      15,
    ]);
    expect(perencanaan?.score).toBe(24);
    expect(lkeScore(TEMPLATE, answers).total).toBeCloseTo(94, 10);
  });

  test("unanswered criteria leave the score null and are listed, never counted as 0", () => {
    const answers: Record<string, string> = best();
    delete answers["pelaporan.3.2"];
    const result = lkeScore(TEMPLATE, answers);
    expect(result.missing).toEqual(["pelaporan.3.2"]);
    expect(result.total).toBeNull();
    expect(result.predikat).toBeNull();
    const pelaporan = result.components[2];
    expect(pelaporan?.score).toBeNull();
    expect(pelaporan?.subComponents[2]).toMatchObject({ score: null, answered: 1, criteria: 2 });
    expect(pelaporan?.subComponents[0]?.score).toBe(3); // complete sub-components still score
    expect(result.components[0]?.score).toBe(30);
  });

  test("sub-component shares are configurable", () => {
    const answers = { ...best(), "perencanaan.1.1": "T", "perencanaan.1.2": "E" }; // pemenuhan of Perencanaan = 0
    const even: LkeTemplate = { ...TEMPLATE, subShares: { pemenuhan: 0.5, kualitas: 0.25, pemanfaatan: 0.25 } };
    expect(lkeScore(even, answers).total).toBeCloseTo(85, 10);
    expect(lkeScore(TEMPLATE, answers).total).toBeCloseTo(94, 10);
  });

  test("rejects invalid answers and inconsistent templates", () => {
    expect(() => lkeScore(TEMPLATE, { ...best(), "perencanaan.1.1": "A" })).toThrow(/perencanaan\.1\.1/);
    expect(() => lkeScore(TEMPLATE, { ...best(), "perencanaan.1.2": "toString" })).toThrow(RangeError);
    const badShares = { pemenuhan: 0.2, kualitas: 0.3, pemanfaatan: 0.4 };
    expect(() => lkeScore({ ...TEMPLATE, subShares: badShares }, best())).toThrow(/shares/);
    expect(() => lkeScore({ components: TEMPLATE.components.slice(1) }, best())).toThrow(/weights/);
    const [first, second, ...rest] = TEMPLATE.components;
    if (!first || !second) return expect.unreachable();
    const duplicated: LkeTemplate = { components: [first, { ...second, criteria: first.criteria }, ...rest] };
    expect(() => lkeScore(duplicated, best())).toThrow(/twice/);
  });

  test("answers for unknown criteria are ignored", () => {
    expect(lkeScore(TEMPLATE, { ...best(), "x.9.9": "Y" }).total).toBeCloseTo(100, 10);
  });

  test("property: a complete LKE scores within 0..100 and the total is the sum of its parts", () => {
    const answer = (id: string) =>
      id.endsWith(".1") ? fc.constantFrom("Y", "T") : fc.constantFrom("A", "B", "C", "D", "E");
    const answers = fc.record(Object.fromEntries(ALL_IDS.map((id) => [id, answer(id)]))) as fc.Arbitrary<LkeAnswers>;
    fc.assert(
      fc.property(answers, (a) => {
        const result = lkeScore(TEMPLATE, a);
        const total = result.total ?? Number.NaN;
        expect(total).toBeGreaterThanOrEqual(0);
        expect(total).toBeLessThanOrEqual(100 + 1e-9);
        expect(result.components.reduce((sum, c) => sum + (c.score ?? Number.NaN), 0)).toBeCloseTo(total, 9);
        expect(result.predikat).toBe(predikatSakip(total));
      }),
    );
  });
});
