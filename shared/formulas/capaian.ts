/**
 * Capaian (achievement) of an indicator and the figures derived from it —
 * DOMAIN.md §4. Values come back unrounded; round only for display.
 */
import { z } from "zod";
import { roundTo } from "../format/round";

export type Polarity = "positive" | "negative";
/** How a lower-is-better indicator is scored; "2T-R" is the default (DOMAIN.md §4). */
export type NegativeMethod = "2T-R" | "T/R";

export type CapaianFlag =
  | "zero_target" // T = 0: there is nothing to measure against
  | "division_by_zero" // negative T/R with R = 0
  | "outlier" // > 150 or < 0: kept, but up for review (seed 004: 319 %)
  | "unknown_category" // realisasi or target not on the indicator's scale
  | "manual"; // text indicator: capaian typed in by a person

export interface Flagged<F extends string> {
  value: number | null;
  flags: F[];
}
export type CapaianResult = Flagged<CapaianFlag>;

export interface NumericInput {
  kind?: "numeric";
  polarity: Polarity;
  method?: NegativeMethod;
  target: number;
  realisasi: number;
}
export interface CategoricalInput {
  kind: "categorical";
  /** Ordered best first, as reports write it: ["AA", "A", "BB", "B", "CC", "C", "D"]; matched ignoring case. */
  scale: readonly string[];
  target: string;
  realisasi: string;
  /** Below target: "rank_ratio" (default) = rank(R) / rank(T) × 100 with the worst category rank 1; "zero" = 0. */
  belowTarget?: "rank_ratio" | "zero";
}
export interface TextInput {
  kind: "text";
  manual: number | null;
}
export type CapaianInput = NumericInput | CategoricalInput | TextInput;

const OUTLIER_MAX = 150;

export function capaian(input: CapaianInput): CapaianResult {
  switch (input.kind) {
    case "text":
      if (input.manual !== null) assertFinite(input.manual, "manual");
      return withOutlier(input.manual, ["manual"]);
    case "categorical":
      return categorical(input);
    default:
      return numeric(input);
  }
}

function numeric({ polarity, method = "2T-R", target: t, realisasi: r }: NumericInput): CapaianResult {
  assertFinite(t, "target");
  assertFinite(r, "realisasi");
  if (t === 0) return { value: null, flags: ["zero_target"] };
  if (polarity === "positive") return withOutlier((r / t) * 100);
  if (method === "2T-R") return withOutlier(((2 * t - r) / t) * 100);
  if (r === 0) return { value: null, flags: ["division_by_zero"] };
  return withOutlier((t / r) * 100);
}

function categorical({ scale, target, realisasi, belowTarget = "rank_ratio" }: CategoricalInput): CapaianResult {
  // Rank 1 = worst, so a better category always has the higher rank.
  const rank = (category: string) => {
    const index = scale.findIndex((c) => c.trim().toUpperCase() === category.trim().toUpperCase());
    return index < 0 ? null : scale.length - index;
  };
  const rt = rank(target);
  const rr = rank(realisasi);
  if (rt === null || rr === null) return { value: null, flags: ["unknown_category"] };
  if (rr >= rt) return { value: 100, flags: [] };
  return { value: belowTarget === "zero" ? 0 : (rr / rt) * 100, flags: [] };
}

function withOutlier(value: number | null, flags: CapaianFlag[] = []): CapaianResult {
  if (value !== null && (value > OUTLIER_MAX || value < 0)) return { value, flags: [...flags, "outlier"] };
  return { value, flags };
}

function assertFinite(value: number, name: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${value}`);
}

/** Sasaran capaian: mean of its indicators' unrounded capaian; indicators without one are left out. */
export function sasaranCapaian(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
}

/** Change vs the previous year: (R / R_prev − 1) × 100 (seed 002 Tabel 3.11). */
export function yoyChange(previous: number, current: number): Flagged<"zero_previous"> {
  assertFinite(previous, "previous");
  assertFinite(current, "current");
  if (previous === 0) return { value: null, flags: ["zero_previous"] };
  return { value: (current / previous - 1) * 100, flags: [] };
}

/** Progress against the Renstra end target: R / T_end × 100 (seed 002 Tabel 3.12). */
export function vsRenstra(realisasi: number, targetEnd: number): Flagged<"zero_target"> {
  assertFinite(realisasi, "realisasi");
  assertFinite(targetEnd, "targetEnd");
  if (targetEnd === 0) return { value: null, flags: ["zero_target"] };
  return { value: (realisasi / targetEnd) * 100, flags: [] };
}

/** count of `of` as a percentage, e.g. PD with SAKIP ≥ B: 28 of 37 = 75,68 %. Null when `of` is 0. */
export function share(count: number, of: number): number | null {
  if (!Number.isInteger(count) || !Number.isInteger(of) || count < 0 || of < 0 || count > of) {
    throw new RangeError(`share needs whole counts with 0 ≤ count ≤ of, got ${count} of ${of}`);
  }
  return of === 0 ? null : (count / of) * 100;
}

export const capaianBandSchema = z.object({ label: z.string().trim().min(1).max(40), min: z.number() });
export type CapaianBand = z.infer<typeof capaianBandSchema>;

/**
 * Tenant setting: highest band first; a value takes the first band whose `min`
 * it reaches, and the last band takes everything below.
 */
export const capaianBandsSchema = z
  .array(capaianBandSchema)
  .min(1)
  .max(10)
  .refine((bands) => bands.every((b, i) => i === 0 || b.min < (bands[i - 1]?.min ?? Infinity)), {
    message: "Batas bawah predikat harus berurutan dari tertinggi ke terendah",
  });

/**
 * Permendagri 86/2017 scale. The published bands are integer ranges
 * (76–90, 91–…); each band is read as starting at its lower bound, so a value
 * in a gap belongs to the band below: 90,50 is Tinggi (not yet 91), 50,50 is
 * Sangat Rendah (not yet 51).
 */
export const DEFAULT_CAPAIAN_BANDS: readonly CapaianBand[] = [
  { label: "Sangat Tinggi", min: 91 },
  { label: "Tinggi", min: 76 },
  { label: "Sedang", min: 66 },
  { label: "Rendah", min: 51 },
  { label: "Sangat Rendah", min: 0 },
];

/** Classifies the value as displayed (2 dp), so 90,996 → "91,00" is Sangat Tinggi, not Tinggi. */
export function predikatCapaian(value: number, bands: readonly CapaianBand[] = DEFAULT_CAPAIAN_BANDS): string {
  assertFinite(value, "value");
  const shown = roundTo(value, 2);
  const band = bands.find((b) => shown >= b.min) ?? bands.at(-1);
  if (!band) throw new RangeError("bands must not be empty");
  return band.label;
}
