/**
 * IKM — Indeks Kepuasan Masyarakat, PermenPANRB 14/2017 (DOMAIN.md §6).
 * Survey results are stored as tallies (how many respondents answered 1, 2, 3,
 * 4 per unsur), so the formulas take tallies; `tallyAnswers` builds them from
 * raw respondent rows.
 */
import { roundTo } from "../format/round";

export const IKM_UNSUR = [
  { code: "U1", name: "Persyaratan" },
  { code: "U2", name: "Sistem, Mekanisme dan Prosedur" },
  { code: "U3", name: "Waktu Penyelesaian" },
  { code: "U4", name: "Biaya/Tarif" },
  { code: "U5", name: "Produk Spesifikasi Jenis Pelayanan" },
  { code: "U6", name: "Kompetensi Pelaksana" },
  { code: "U7", name: "Perilaku Pelaksana" },
  { code: "U8", name: "Penanganan Pengaduan, Saran dan Masukan" },
  { code: "U9", name: "Sarana dan Prasarana" },
] as const;
export type IkmUnsurCode = (typeof IKM_UNSUR)[number]["code"];

/** Counts of answers [1, 2, 3, 4] for one unsur. */
export type IkmTally = readonly [n1: number, n2: number, n3: number, n4: number];
/** One tally per unsur, in IKM_UNSUR order (nine). */
export type IkmTallies = readonly IkmTally[];

/** "exact": w = 1/9; "legacy_0_111": the rounded weight 0,111 some units still publish (slightly lower). */
export type IkmWeightMode = "exact" | "legacy_0_111";
const WEIGHT: Record<IkmWeightMode, number> = { exact: 1 / 9, legacy_0_111: 0.111 };

/** Respondent rows of nine answers 1..4 (U1..U9) → tallies. */
export function tallyAnswers(respondents: readonly (readonly number[])[]): IkmTally[] {
  const tallies = IKM_UNSUR.map((): [number, number, number, number] => [0, 0, 0, 0]);
  respondents.forEach((answers, row) => {
    if (answers.length !== IKM_UNSUR.length) {
      throw new RangeError(`respondent ${row + 1}: expected ${IKM_UNSUR.length} answers, got ${answers.length}`);
    }
    answers.forEach((answer, i) => {
      const tally = tallies[i];
      if (!tally || !Number.isInteger(answer) || answer < 1 || answer > 4) {
        throw new RangeError(`respondent ${row + 1}, U${i + 1}: answer must be 1..4, got ${answer}`);
      }
      tally[answer - 1] = (tally[answer - 1] ?? 0) + 1;
    });
  });
  return tallies;
}

/** NRR per unsur: the mean answer; null for an unsur nobody answered. */
export function nrr(tallies: IkmTallies): (number | null)[] {
  if (tallies.length !== IKM_UNSUR.length) {
    throw new RangeError(`expected ${IKM_UNSUR.length} tallies (U1..U9), got ${tallies.length}`);
  }
  return tallies.map((tally, i) => {
    if (!tally.every((n) => Number.isSafeInteger(n) && n >= 0)) {
      throw new RangeError(`U${i + 1}: counts must be non-negative integers, got [${tally.join(", ")}]`);
    }
    const count = tally.reduce((a, b) => a + b, 0);
    const sum = tally.reduce((acc, n, answer) => acc + n * (answer + 1), 0);
    return count === 0 ? null : sum / count;
  });
}

/** IKM = Σ NRR_i × w × 25 on the 25–100 scale, unrounded; null unless every unsur has answers. */
export function ikm(tallies: IkmTallies, weightMode: IkmWeightMode = "exact"): number | null {
  const values = nrr(tallies);
  if (!values.every((v): v is number => v !== null)) return null;
  return values.reduce((acc, v) => acc + v * WEIGHT[weightMode] * 25, 0);
}

export type MutuIkm =
  | { code: "A"; label: "Sangat Baik" }
  | { code: "B"; label: "Baik" }
  | { code: "C"; label: "Kurang Baik" }
  | { code: "D"; label: "Tidak Baik" };

/** Mutu pelayanan from the IKM rounded to 2 dp, as published: 88,30 is B, 88,31 is A. */
export function mutuIkm(value: number): MutuIkm {
  const shown = roundTo(value, 2);
  if (!(shown >= 25 && shown <= 100)) throw new RangeError(`IKM must be within 25..100, got ${value}`);
  if (shown >= 88.31) return { code: "A", label: "Sangat Baik" };
  if (shown >= 76.61) return { code: "B", label: "Baik" };
  if (shown >= 65) return { code: "C", label: "Kurang Baik" };
  return { code: "D", label: "Tidak Baik" };
}

/**
 * Krejcie–Morgan sample size with χ² = 3,841, P = 0,5, d = 0,05, rounded to
 * the nearest respondent as in the published table (N = 100 → 80).
 */
export function sampleSizeKrejcieMorgan(population: number): number {
  assertPopulation(population);
  const chi2 = 3.841;
  const p = 0.5;
  const d = 0.05;
  const s = (chi2 * population * p * (1 - p)) / (d * d * (population - 1) + chi2 * p * (1 - p));
  return Math.round(s);
}

/** Slovin n = N / (1 + N e²), rounded up (a fraction of a respondent still has to be asked). */
export function sampleSizeSlovin(population: number, e: number): number {
  assertPopulation(population);
  if (!(e > 0 && e < 1)) throw new RangeError(`margin of error must be within (0, 1), got ${e}`);
  // Round off binary noise first so that an exact whole result is not pushed up by one.
  return Math.ceil(roundTo(population / (1 + population * e * e), 9));
}

function assertPopulation(population: number): void {
  if (!Number.isSafeInteger(population) || population < 1) {
    throw new RangeError(`population must be a positive integer, got ${population}`);
  }
}
