/**
 * SAKIP evaluation (PermenPANRB 88/2021): LKE scoring and predikat —
 * DOMAIN.md §7. Scores come back unrounded; predikat is decided on the nilai
 * as published (2 dp).
 */
import { roundTo } from "../format/round";

/** Best first; also the ordered scale of categorical indicators such as "Nilai SAKIP". */
export const SAKIP_PREDIKAT = ["AA", "A", "BB", "B", "CC", "C", "D"] as const;
export type SakipPredikat = (typeof SAKIP_PREDIKAT)[number];

// Lower bounds are exclusive: 80,00 is BB, 80,01 is A; D is 0–30.
const PREDIKAT_FLOORS: readonly (readonly [SakipPredikat, number])[] = [
  ["AA", 90],
  ["A", 80],
  ["BB", 70],
  ["B", 60],
  ["CC", 50],
  ["C", 30],
];

/** Predikat of a nilai 0..100, on its 2-dp value so that 80,004 (published 80,00) stays BB. */
export function predikatSakip(nilai: number): SakipPredikat {
  const shown = roundTo(nilai, 2);
  if (!(shown >= 0 && shown <= 100)) throw new RangeError(`nilai SAKIP must be within 0..100, got ${nilai}`);
  return PREDIKAT_FLOORS.find(([, floor]) => shown > floor)?.[0] ?? "D";
}

export interface LkeComponentDef {
  code: string;
  name: string;
  weight: number;
}

/** LKE 2021 (PermenPANRB 88/2021), 100 points. */
export const LKE_2021_COMPONENTS: readonly LkeComponentDef[] = [
  { code: "perencanaan", name: "Perencanaan Kinerja", weight: 30 },
  { code: "pengukuran", name: "Pengukuran Kinerja", weight: 30 },
  { code: "pelaporan", name: "Pelaporan Kinerja", weight: 15 },
  { code: "evaluasi", name: "Evaluasi Akuntabilitas Kinerja Internal", weight: 25 },
];

/** The five-component LKE of earlier years (seed 002, Setda 2020). */
export const LKE_LEGACY_COMPONENTS: readonly LkeComponentDef[] = [
  { code: "perencanaan", name: "Perencanaan Kinerja", weight: 30 },
  { code: "pengukuran", name: "Pengukuran Kinerja", weight: 25 },
  { code: "pelaporan", name: "Pelaporan Kinerja", weight: 15 },
  { code: "evaluasi", name: "Evaluasi Internal", weight: 10 },
  { code: "capaian", name: "Capaian Kinerja", weight: 20 },
];

export const LKE_SUB_COMPONENTS = ["pemenuhan", "kualitas", "pemanfaatan"] as const;
export type LkeSubComponent = (typeof LKE_SUB_COMPONENTS)[number];
/** Share of the component weight per sub-component; Perencanaan 30 → 6 / 9 / 15. */
export const DEFAULT_LKE_SUB_SHARES: Readonly<Record<LkeSubComponent, number>> = {
  pemenuhan: 0.2,
  kualitas: 0.3,
  pemanfaatan: 0.5,
};

/** "YT": Y = 1, T = 0. "AE": A = 1, B = 0,75, C = 0,5, D = 0,25, E = 0. */
export type LkeAnswerType = "YT" | "AE";
const ANSWER_VALUE: Record<LkeAnswerType, ReadonlyMap<string, number>> = {
  YT: new Map([["Y", 1], ["T", 0]]),
  AE: new Map([["A", 1], ["B", 0.75], ["C", 0.5], ["D", 0.25], ["E", 0]]),
};

export interface LkeCriterion {
  id: string;
  answerType: LkeAnswerType;
}

export interface LkeTemplate {
  subShares?: Readonly<Record<LkeSubComponent, number>>;
  components: readonly (LkeComponentDef & { criteria: Readonly<Record<LkeSubComponent, readonly LkeCriterion[]>> })[];
}

/** Criterion id → answer letter ("Y", "T", "A".."E"). */
export type LkeAnswers = Readonly<Record<string, string>>;

export interface LkeSubScore {
  subComponent: LkeSubComponent;
  weight: number;
  /** Mean of the answers × weight; null until every criterion is answered. */
  score: number | null;
  answered: number;
  criteria: number;
}

export interface LkeComponentScore extends LkeComponentDef {
  score: number | null;
  subComponents: LkeSubScore[];
}

export interface LkeScore {
  components: LkeComponentScore[];
  total: number | null;
  predikat: SakipPredikat | null;
  /** Unanswered criterion ids. A missing answer is never scored as 0: it leaves the score null. */
  missing: string[];
}

/** Scores a filled-in LKE. Answers for ids not in the template are ignored. */
export function lkeScore(template: LkeTemplate, answers: LkeAnswers): LkeScore {
  const shares = template.subShares ?? DEFAULT_LKE_SUB_SHARES;
  assertSums(LKE_SUB_COMPONENTS.map((key) => shares[key]), 1, "sub-component shares");
  assertSums(template.components.map((c) => c.weight), 100, "component weights");

  const seen = new Set<string>();
  const missing: string[] = [];
  const components = template.components.map(({ criteria, ...component }): LkeComponentScore => {
    const subComponents = LKE_SUB_COMPONENTS.map((subComponent): LkeSubScore => {
      const values: number[] = [];
      for (const { id, answerType } of criteria[subComponent]) {
        if (seen.has(id)) throw new RangeError(`criterion id ${id} appears twice in the template`);
        seen.add(id);
        const answer = Object.hasOwn(answers, id) ? answers[id] : undefined;
        if (answer === undefined) {
          missing.push(id);
          continue;
        }
        const value = ANSWER_VALUE[answerType].get(answer);
        if (value === undefined) throw new RangeError(`criterion ${id}: "${answer}" is not a ${answerType} answer`);
        values.push(value);
      }
      const count = criteria[subComponent].length;
      const weight = component.weight * shares[subComponent];
      const complete = count > 0 && values.length === count;
      const score = complete ? (values.reduce((a, b) => a + b, 0) / count) * weight : null;
      return { subComponent, weight, score, answered: values.length, criteria: count };
    });
    return { ...component, score: sumOrNull(subComponents.map((s) => s.score)), subComponents };
  });
  const total = sumOrNull(components.map((c) => c.score));
  return { components, total, predikat: total === null ? null : predikatSakip(total), missing };
}

export interface ComponentTotal {
  total: number;
  /** Null when a score is out of its range: the sheet needs review before it is graded. */
  predikat: SakipPredikat | null;
  issues: { code: string; issue: "exceeds_weight" | "negative"; score: number; weight: number }[];
}

/** Total of component scores already weighted (e.g. imported history), each checked against its weight. */
export function componentTotal(components: readonly LkeComponentDef[], scores: readonly number[]): ComponentTotal {
  if (scores.length !== components.length) {
    throw new RangeError(`expected ${components.length} component scores, got ${scores.length}`);
  }
  const issues: ComponentTotal["issues"] = [];
  components.forEach(({ code, weight }, i) => {
    const score = scores[i] ?? Number.NaN;
    if (!Number.isFinite(score)) throw new RangeError(`${code}: score must be a finite number, got ${score}`);
    if (score > weight) issues.push({ code, issue: "exceeds_weight", score, weight });
    if (score < 0) issues.push({ code, issue: "negative", score, weight });
  });
  const total = scores.reduce((a, b) => a + b, 0);
  return { total, predikat: issues.length > 0 ? null : predikatSakip(total), issues };
}

/** The five-component template (weights 30/25/15/10/20); seed 002: 59,14 → CC. */
export function legacyTotal(scores: readonly number[]): ComponentTotal {
  return componentTotal(LKE_LEGACY_COMPONENTS, scores);
}

function sumOrNull(values: readonly (number | null)[]): number | null {
  return values.every((v): v is number => v !== null) ? values.reduce((a, b) => a + b, 0) : null;
}

function assertSums(values: readonly number[], expected: number, what: string): void {
  const sum = values.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - expected) > 1e-9) throw new RangeError(`${what} must add up to ${expected}, got ${sum}`);
}
