// Import kind of the Evaluation module: historic SAKIP results per PD per year (seed 002 Tabel 3.13,
// seed 000's 2015–2020 history). Component scores are optional; the sheet of each year decides which apply.
import { z } from "../schemas/zod-locale";
import { parseIdNumber } from "../format/number";
import { integerCell, textCell } from "./cells";
import type { ImportSpec } from "./spec";

/** A decimal as Indonesians write it ("79,15", "79.15"); the unit-less number only. */
const decimalCell = (what: string) =>
  z.string().transform((s, ctx) => {
    const p = parseIdNumber(s);
    if (p.kind !== "number" || p.unit || p.label) {
      ctx.addIssue({ code: "custom", message: p.kind === "error" ? p.message : `${what} harus angka: "${s}"` });
      return z.NEVER;
    }
    return p.value;
  });

const sakipHistoryRow = z.object({
  tahun: integerCell("Tahun").refine((y) => y >= 2010 && y <= 2100, "Tahun di luar 2010–2100"),
  kode_pd: textCell("Kode PD", 40).optional(),
  perangkat_daerah: textCell("Perangkat Daerah"),
  perencanaan: decimalCell("Perencanaan Kinerja").optional(),
  pengukuran: decimalCell("Pengukuran Kinerja").optional(),
  pelaporan: decimalCell("Pelaporan Kinerja").optional(),
  evaluasi: decimalCell("Evaluasi").optional(),
  capaian: decimalCell("Capaian Kinerja").optional(),
  nilai: decimalCell("Nilai").optional(),
  predikat: textCell("Predikat", 60).optional(),
});
export type SakipHistoryRow = z.output<typeof sakipHistoryRow>;
export const SAKIP_COMPONENT_KEYS = ["perencanaan", "pengukuran", "pelaporan", "evaluasi", "capaian"] as const;

export const sakipHistorySpec: ImportSpec<SakipHistoryRow> = {
  kind: "sakip_history",
  label: "Riwayat hasil evaluasi SAKIP",
  sheet: "Nilai SAKIP",
  columns: [
    { key: "tahun", header: "Tahun", required: true, example: "2021", help: "Tahun yang dievaluasi" },
    { key: "kode_pd", header: "Kode PD", required: false, example: "1.01", help: "Kode perangkat daerah; bila kosong dicocokkan dengan nama" },
    { key: "perangkat_daerah", header: "Perangkat Daerah", required: true, example: "Inspektorat", help: "Nama seperti terdaftar" },
    { key: "perencanaan", header: "Perencanaan Kinerja", required: false, example: "", help: "Nilai komponen berbobot (boleh kosong bila hanya nilai akhir)" },
    { key: "pengukuran", header: "Pengukuran Kinerja", required: false, example: "", help: "" },
    { key: "pelaporan", header: "Pelaporan Kinerja", required: false, example: "", help: "" },
    { key: "evaluasi", header: "Evaluasi", required: false, example: "", help: "Evaluasi Akuntabilitas Kinerja Internal (LKE 2021) atau Evaluasi Internal (LKE lama)" },
    { key: "capaian", header: "Capaian Kinerja", required: false, example: "", help: "Hanya LKE lama (sebelum 2021)" },
    { key: "nilai", header: "Nilai", required: false, example: "79,15", help: "Nilai akhir 0–100; bila kosong dijumlahkan dari komponen" },
    { key: "predikat", header: "Predikat", required: false, example: "BB/Sangat Baik", help: "Diperiksa terhadap batas nilai; yang dipakai selalu predikat menurut batas" },
  ],
  row: sakipHistoryRow,
};
