import { formatNumber, formatRupiah } from "../../shared/format/number";
import type { Cell } from "./blocks";

// Table cells in the Indonesian format of the seed documents ("99,79", "285.385.368.352"); a
// missing figure prints as a dash rather than a zero.

export const DASH = "–";
export const fmt = (v: number | null | undefined, dp = 2) => (v === null || v === undefined ? DASH : formatNumber(v, dp));
export const num = (v: number | null | undefined, dp = 2): Cell => ({ text: fmt(v, dp), align: "right" });
/** Integer rupiah without the "Rp" (the column header says Rp). */
export const money = (v: number | null | undefined): Cell => num(v, 0);
export const rupiah = (v: number) => formatRupiah(v);
export const txt = (v: string | null | undefined): Cell => v?.trim() || DASH;
export const no = (i: number) => ({ text: `${i}.`, align: "center" as const });
export const bold = (text: string, extra: Partial<Exclude<Cell, string>> = {}): Cell => ({ text, bold: true, ...extra });
export const TW_LABELS = ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"] as const;
