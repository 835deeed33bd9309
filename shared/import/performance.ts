// Import kind of the Performance module: pagu and realisasi keuangan per program/kegiatan/sub kegiatan,
// in the columns of a SIPD-like budget export (seed 001 "Realisasi Anggaran", seed 002 Tabel 2.6).
import { z } from "../schemas/zod-locale";
import { BUDGET_JENIS, BUDGET_JENIS_LABELS, REALISASI_STATUSES, REALISASI_STATUS_LABELS } from "../schemas/performance";
import { enumCell, integerCell, rupiahCell, textCell } from "./cells";
import type { ImportSpec } from "./spec";

const budgetRow = z.object({
  tahun: integerCell("Tahun").refine((y) => y >= 2000 && y <= 2100, "Tahun di luar 2000–2100"),
  kode_pd: textCell("Kode PD", 40),
  kode: textCell("Kode Rekening", 60),
  uraian: textCell("Uraian", 2000).optional(),
  jenis: enumCell("Jenis Belanja", BUDGET_JENIS, BUDGET_JENIS_LABELS, { "belanja operasi": "operasi", "belanja modal": "modal", bo: "operasi", bm: "modal" }),
  pagu_murni: rupiahCell("Pagu Murni"),
  pagu_perubahan: rupiahCell("Pagu Perubahan").optional(),
  realisasi_tw1: rupiahCell("Realisasi TW I").optional(),
  realisasi_tw2: rupiahCell("Realisasi TW II").optional(),
  realisasi_tw3: rupiahCell("Realisasi TW III").optional(),
  realisasi_tw4: rupiahCell("Realisasi TW IV").optional(),
});
export type BudgetImportRow = z.output<typeof budgetRow>;

export const budgetSpec: ImportSpec<BudgetImportRow> = {
  kind: "anggaran",
  label: "Pagu dan realisasi anggaran (ekspor SIPD)",
  sheet: "Anggaran",
  columns: [
    { key: "tahun", header: "Tahun", required: true, example: "2022", help: "Tahun anggaran" },
    { key: "kode_pd", header: "Kode PD", required: true, example: "1.01", help: "Kode perangkat daerah" },
    { key: "kode", header: "Kode Rekening", required: true, example: "4.01.01", help: "Kode program/kegiatan/sub kegiatan seperti di Renstra" },
    { key: "uraian", header: "Uraian", required: false, example: "Pelaksanaan Protokol dan Komunikasi Pimpinan", help: "Nama, hanya untuk dibaca" },
    { key: "jenis", header: "Jenis Belanja", required: true, example: "Belanja Operasi", help: "Belanja Operasi atau Belanja Modal" },
    { key: "pagu_murni", header: "Pagu Murni", required: true, example: "1.600.000.000", help: "APBD murni, rupiah bulat" },
    { key: "pagu_perubahan", header: "Pagu Perubahan", required: false, example: "1.789.275.000", help: "APBD perubahan, bila ada" },
    { key: "realisasi_tw1", header: "Realisasi TW I", required: false, example: "219.680.000", help: "Belanja dalam triwulan itu (bukan kumulatif)" },
    { key: "realisasi_tw2", header: "Realisasi TW II", required: false, example: "", help: "" },
    { key: "realisasi_tw3", header: "Realisasi TW III", required: false, example: "", help: "" },
    { key: "realisasi_tw4", header: "Realisasi TW IV", required: false, example: "", help: "" },
  ],
  row: budgetRow,
};

const TW_ALIASES: Record<string, "1" | "2" | "3" | "4"> = { i: "1", ii: "2", iii: "3", iv: "4", twi: "1", twii: "2", twiii: "3", twiv: "4", triwulani: "1", triwulanii: "2", triwulaniii: "3", triwulaniv: "4" };
const TW_LABELS = { "1": "TW I", "2": "TW II", "3": "TW III", "4": "TW IV" } as const;

const realisasiRow = z.object({
  tahun: integerCell("Tahun").refine((y) => y >= 2000 && y <= 2100, "Tahun di luar 2000–2100"),
  kode_pd: textCell("Kode PD", 40),
  triwulan: enumCell("Triwulan", ["1", "2", "3", "4"] as const, TW_LABELS, TW_ALIASES).transform(Number),
  indikator: textCell("Indikator", 1000),
  realisasi: textCell("Realisasi", 200).optional(),
  status: enumCell("Status", REALISASI_STATUSES, REALISASI_STATUS_LABELS, { sementara: "provisional", proses: "pending", final: "final" }).optional(),
  penjelasan: textCell("Penjelasan", 4000).optional(),
});
export type RealisasiImportRow = z.output<typeof realisasiRow>;

export const realisasiSpec: ImportSpec<RealisasiImportRow> = {
  kind: "realisasi",
  label: "Realisasi indikator per triwulan",
  sheet: "Realisasi",
  columns: [
    { key: "tahun", header: "Tahun", required: true, example: "2022", help: "Tahun PK" },
    { key: "kode_pd", header: "Kode PD", required: true, example: "1.01", help: "Kode perangkat daerah" },
    { key: "triwulan", header: "Triwulan", required: true, example: "TW I", help: "TW I–TW IV atau 1–4" },
    { key: "indikator", header: "Indikator", required: true, example: "Persentase Layanan Kegiatan Pimpinan Daerah", help: "Nama indikator seperti di PK" },
    { key: "realisasi", header: "Realisasi", required: false, example: "46 %", help: "Angka cara Indonesia, kategori (BB) atau teks; kosong = proses penilaian" },
    { key: "status", header: "Status", required: false, example: "Final", help: "Final, Sementara atau Proses penilaian (bawaan Final)" },
    { key: "penjelasan", header: "Penjelasan", required: false, example: "", help: "" },
  ],
  row: realisasiRow,
};
