/**
 * Anggaran (budget) figures — DOMAIN.md §5. Money is an integer count of one
 * unit (rupiah, or sen where a source gives sen), never a float; both amounts
 * of one call are in the same unit.
 */

export type PenyerapanFlag =
  | "zero_pagu" // nothing budgeted: no percentage
  | "over_pagu"; // realisasi above pagu: a seed inconsistency to review, not to drop

export interface Penyerapan {
  /** realisasi / pagu × 100, unrounded; null when pagu is 0. */
  percent: number | null;
  /** pagu − realisasi, exact, in the unit of the inputs; negative when over pagu. */
  sisa: number;
  flags: PenyerapanFlag[];
}

export function penyerapan({ pagu, realisasi }: { pagu: number; realisasi: number }): Penyerapan {
  assertMoney(pagu, "pagu");
  assertMoney(realisasi, "realisasi");
  // Both are safe non-negative integers, so the difference is exact.
  const sisa = pagu - realisasi;
  const flags: PenyerapanFlag[] = [];
  if (pagu === 0) flags.push("zero_pagu");
  if (realisasi > pagu) flags.push("over_pagu");
  return { percent: pagu === 0 ? null : (realisasi / pagu) * 100, sisa, flags };
}

/** Rupiah to sen, to set a rupiah pagu against a realisasi given in sen (seed 002: 232.980.102.655,50). */
export function rupiahToSen(rupiah: number): number {
  assertMoney(rupiah, "rupiah");
  const sen = rupiah * 100;
  if (!Number.isSafeInteger(sen)) throw new RangeError(`${rupiah} rupiah is too large to count in sen exactly`);
  return sen;
}

function assertMoney(amount: number, name: string): void {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer, got ${amount}`);
  }
}

/**
 * "difference": capaian kinerja − capaian anggaran, may be negative (seed 002).
 * "clamped": negatives shown as 0 (seed 000). Chosen per tenant.
 */
export type EfisiensiMode = "difference" | "clamped";

export function efisiensi(capaianKinerja: number, capaianAnggaran: number, mode: EfisiensiMode = "difference"): number {
  const difference = capaianKinerja - capaianAnggaran;
  return mode === "clamped" ? Math.max(0, difference) : difference;
}

export interface EfisiensiRow {
  capaianKinerja: number;
  capaianAnggaran: number;
}

export interface EfisiensiTable<R extends EfisiensiRow> {
  rows: (R & { efisiensi: number })[];
  summary: { meanCapaianKinerja: number; capaianAnggaranTotal: number; efisiensi: number } | null;
}

/**
 * The "Capaian Kinerja dan Efisiensi Anggaran" table (seed 000). The summary
 * row is the mean capaian kinerja minus the capaian of the whole budget (from
 * rupiah totals, passed in) — not the mean of the rows' efisiensi — and it
 * follows the same mode as the rows. Null summary for an empty table.
 */
export function efisiensiTable<R extends EfisiensiRow>(
  rows: readonly R[],
  capaianAnggaranTotal: number,
  mode: EfisiensiMode = "difference",
): EfisiensiTable<R> {
  const withEfisiensi = rows.map((row) => ({
    ...row,
    efisiensi: efisiensi(row.capaianKinerja, row.capaianAnggaran, mode),
  }));
  if (rows.length === 0) return { rows: withEfisiensi, summary: null };
  const meanCapaianKinerja = rows.reduce((sum, row) => sum + row.capaianKinerja, 0) / rows.length;
  return {
    rows: withEfisiensi,
    summary: {
      meanCapaianKinerja,
      capaianAnggaranTotal,
      efisiensi: efisiensi(meanCapaianKinerja, capaianAnggaranTotal, mode),
    },
  };
}
