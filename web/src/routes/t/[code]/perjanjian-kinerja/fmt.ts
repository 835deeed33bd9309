import { formatNumber } from "$shared/format/number";
import type { Flagged } from "./types";

// Display helpers of the module: values stay unrounded until here.

export const TW = ["", "TW I", "TW II", "TW III", "TW IV"] as const;

export const FLAG_LABELS: Record<string, string> = {
  outlier: "di luar 0–150 %, perlu diperiksa",
  zero_target: "target 0",
  division_by_zero: "realisasi 0 (T/R)",
  unknown_category: "kategori tidak dikenal",
  manual: "capaian diisi manual",
  pending: "proses penilaian",
  no_target: "tanpa target",
  zero_previous: "realisasi tahun lalu 0",
  over_pagu: "realisasi melebihi pagu",
  zero_pagu: "pagu 0",
};

/** "104,35" or "—" for a missing value. */
export const pct = (v: number | null | undefined) => (v === null || v === undefined ? "—" : formatNumber(v, 2));
export const isOutlier = (f: Flagged | null | undefined) => !!f?.flags.includes("outlier");
export const flagText = (f: Flagged | null | undefined) => (f?.flags ?? []).map((x) => FLAG_LABELS[x] ?? x).join("; ");
export const rupiah = (v: number | null | undefined) => (v === null || v === undefined ? "—" : formatNumber(v, 0));
