// Import kind of issue 12: a SIPD-style export of program / kegiatan / sub kegiatan with their codes, pagu and
// realisasi per triwulan. The level is read from the code (Kepmendagri 050-5889 nomenclature): program
// "4.01.01" (3 parts), kegiatan "4.01.01.2.01" (5 parts), sub kegiatan "4.01.01.2.01.0001" (6 parts).
import { z } from "../schemas/zod-locale";
import { BUDGET_JENIS, BUDGET_JENIS_LABELS } from "../schemas/performance";
import { enumCell, integerCell, rupiahCell, textCell } from "./cells";
import type { ImportSpec } from "./spec";

export const SIPD_LEVELS = { 3: "program", 5: "kegiatan", 6: "sub_kegiatan" } as const;
export type SipdLevel = (typeof SIPD_LEVELS)[keyof typeof SIPD_LEVELS];

/** The Renstra level a SIPD code names, or null when its number of parts fits none. */
export const sipdLevel = (code: string): SipdLevel | null => SIPD_LEVELS[code.split(".").length as keyof typeof SIPD_LEVELS] ?? null;

/** Code of the program (of a kegiatan) or kegiatan (of a sub kegiatan) the code belongs to; null for a program. */
export const sipdParentCode = (code: string): string | null => {
  const parts = code.split(".");
  return parts.length === 5 ? parts.slice(0, 3).join(".") : parts.length === 6 ? parts.slice(0, 5).join(".") : null;
};

const sipdRow = z.object({
  tahun: integerCell("Tahun").refine((y) => y >= 2000 && y <= 2100, "Tahun di luar 2000–2100"),
  kode_pd: textCell("Kode SKPD", 40),
  kode: textCell("Kode", 60)
    .regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$/, "Kode hanya angka/huruf dipisah titik")
    .refine((c) => sipdLevel(c) !== null, "Kode harus kode program (3 bagian, mis. 4.01.01), kegiatan (5 bagian, 4.01.01.2.01) atau sub kegiatan (6 bagian, 4.01.01.2.01.0001)"),
  nama: textCell("Nama", 2000).min(3, "Nama minimal 3 huruf"),
  sasaran: textCell("Sasaran", 2000).optional(),
  jenis: enumCell("Jenis Belanja", BUDGET_JENIS, BUDGET_JENIS_LABELS, { "belanja operasi": "operasi", "belanja modal": "modal", bo: "operasi", bm: "modal" }).optional(),
  pagu_murni: rupiahCell("Pagu Murni").optional(),
  pagu_perubahan: rupiahCell("Pagu Perubahan").optional(),
  realisasi_tw1: rupiahCell("Realisasi TW I").optional(),
  realisasi_tw2: rupiahCell("Realisasi TW II").optional(),
  realisasi_tw3: rupiahCell("Realisasi TW III").optional(),
  realisasi_tw4: rupiahCell("Realisasi TW IV").optional(),
});
export type SipdRow = z.output<typeof sipdRow>;

export const sipdSpec: ImportSpec<SipdRow> = {
  kind: "sipd",
  label: "Program, kegiatan dan sub kegiatan dengan pagu dan realisasi (ekspor SIPD)",
  sheet: "SIPD",
  columns: [
    { key: "tahun", header: "Tahun", required: true, example: "2022", help: "Tahun anggaran; Renstra PD yang mencakup tahun ini harus sudah ada" },
    { key: "kode_pd", header: "Kode SKPD", required: true, example: "4.01.07", help: "Kode perangkat daerah seperti terdaftar di Akuntabel" },
    { key: "kode", header: "Kode", required: true, example: "4.01.01.2.01.0001", help: "Kode SIPD: program 3 bagian, kegiatan 5 bagian, sub kegiatan 6 bagian; tingkat dan induk dibaca dari kode" },
    { key: "nama", header: "Nama", required: true, example: "Penyusunan Dokumen Perencanaan Perangkat Daerah", help: "Nomenklatur program/kegiatan/sub kegiatan" },
    { key: "sasaran", header: "Sasaran", required: false, example: "", help: "Hanya untuk program yang belum ada di Renstra: kode atau uraian sasaran Renstra yang didukungnya" },
    { key: "jenis", header: "Jenis Belanja", required: false, example: "Belanja Operasi", help: "Belanja Operasi (bawaan) atau Belanja Modal" },
    { key: "pagu_murni", header: "Pagu Murni", required: false, example: "250.000.000", help: "Rupiah bulat; wajib pada baris tanpa rincian di bawahnya. Pagu program/kegiatan yang dirinci hanya dicocokkan dengan jumlah rinciannya" },
    { key: "pagu_perubahan", header: "Pagu Perubahan", required: false, example: "", help: "APBD perubahan, bila ada" },
    { key: "realisasi_tw1", header: "Realisasi TW I", required: false, example: "45.000.000", help: "Realisasi keuangan dalam triwulan itu (bukan kumulatif)" },
    { key: "realisasi_tw2", header: "Realisasi TW II", required: false, example: "", help: "" },
    { key: "realisasi_tw3", header: "Realisasi TW III", required: false, example: "", help: "" },
    { key: "realisasi_tw4", header: "Realisasi TW IV", required: false, example: "", help: "" },
  ],
  row: sipdRow,
};
