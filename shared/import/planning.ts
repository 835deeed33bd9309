// Import kind of the Planning module: a Renstra with its IKU and yearly targets, one row per
// indicator (a node without indicators takes one row; a node with several repeats its columns).
import { z } from "../schemas/zod-locale";
import { NODE_LEVEL_LABELS, POLARITIES, type NodeLevel } from "../schemas/planning";
import { enumCell, integerCell, textCell } from "./cells";
import type { ColumnSpec, ImportSpec } from "./spec";

export const RENSTRA_LEVELS = ["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan", "rencana_aksi"] as const satisfies readonly NodeLevel[];
/** Yearly target columns: a Renstra runs at most six calendar years (e.g. 2019–2024). */
export const TARGET_YEARS = 6;
const targetKeys = Array.from({ length: TARGET_YEARS }, (_, i) => `target_${i + 1}` as const);

const optionalText = (what: string, max = 1000) => textCell(what, max).optional();
const yesNo = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (s === undefined) return false;
    if (["ya", "y", "iku", "1"].includes(s.toLowerCase())) return true;
    if (["tidak", "t", "0", "-"].includes(s.toLowerCase())) return false;
    ctx.addIssue({ code: "custom", message: `Isi "Ya" atau "Tidak", bukan "${s}"` });
    return z.NEVER;
  });

const renstraRow = z
  .object({
    kode_pd: textCell("Kode PD", 40),
    tahun_awal: integerCell("Tahun awal"),
    tingkat: enumCell("Tingkat", RENSTRA_LEVELS, NODE_LEVEL_LABELS, { "sub kegiatan": "sub_kegiatan", subkegiatan: "sub_kegiatan", "rencana aksi": "rencana_aksi", "sasaran strategis": "sasaran" }),
    kode: textCell("Kode", 60).regex(/^[0-9A-Za-z.\-]+$/, "Kode hanya angka, huruf, titik dan tanda hubung").optional(),
    uraian: textCell("Uraian", 2000).min(3, "Uraian minimal 3 huruf"),
    induk: textCell("Induk", 2000).optional(),
    indikator: optionalText("Indikator"),
    satuan: textCell("Satuan", 40).optional(),
    polaritas: enumCell("Polaritas", POLARITIES, { positive: "Positif", negative: "Negatif" }).optional(),
    iku: yesNo,
    formulasi_pembilang: optionalText("Formulasi pembilang"),
    formulasi_penyebut: optionalText("Formulasi penyebut"),
    sumber_data: optionalText("Sumber data", 500),
    penanggung_jawab: optionalText("Penanggung jawab", 300),
    ...Object.fromEntries(targetKeys.map((k) => [k, textCell("Target", 100).optional()])),
  })
  .superRefine((r, ctx) => {
    // An indicator needs satuan and polarity (DOMAIN.md §2).
    if (r.indikator) {
      if (!r.satuan) ctx.addIssue({ code: "custom", path: ["satuan"], message: "Satuan wajib diisi bila indikator diisi" });
      if (!r.polaritas) ctx.addIssue({ code: "custom", path: ["polaritas"], message: "Polaritas wajib diisi bila indikator diisi (Positif/Negatif)" });
    }
    if (r.tingkat === "tujuan" && r.induk) ctx.addIssue({ code: "custom", path: ["induk"], message: "Tujuan tidak punya induk di Renstra" });
    if (r.tingkat !== "tujuan" && !r.induk) ctx.addIssue({ code: "custom", path: ["induk"], message: "Tulis kode atau uraian induknya" });
  });
export type RenstraRow = z.output<typeof renstraRow> & Partial<Record<(typeof targetKeys)[number], string>>;

const columns: ColumnSpec[] = [
  { key: "kode_pd", header: "Kode PD", required: true, example: "4.01.07", help: "Kode perangkat daerah pemilik Renstra" },
  { key: "tahun_awal", header: "Tahun Awal", required: true, example: "2019", help: "Tahun awal periode Renstra yang sudah dibuat (draf)" },
  { key: "tingkat", header: "Tingkat", required: true, example: "Sasaran", help: "Tujuan, Sasaran, Program, Kegiatan, Sub Kegiatan atau Rencana Aksi" },
  { key: "kode", header: "Kode", required: false, example: "4.01.05", help: "Kode SIPD; dipakai untuk memperbarui bila diimpor ulang" },
  { key: "uraian", header: "Uraian", required: true, example: "Meningkatnya kualitas kebijakan pelayanan publik", help: "" },
  { key: "induk", header: "Induk", required: false, example: "Terwujudnya birokrasi yang efektif dan efisien", help: "Kode atau uraian induk (tingkat di atasnya), ditulis di baris sebelumnya atau sudah ada" },
  { key: "indikator", header: "Indikator", required: false, example: "Persentase Perangkat Daerah yang memperoleh nilai SAKIP minimal (B)", help: "Satu indikator per baris; ulangi tingkat dan uraian untuk indikator berikutnya" },
  { key: "satuan", header: "Satuan", required: false, example: "%", help: "" },
  { key: "polaritas", header: "Polaritas", required: false, example: "Positif", help: "Positif (makin tinggi makin baik) atau Negatif" },
  { key: "iku", header: "IKU", required: false, example: "Ya", help: "Ya bila Indikator Kinerja Utama" },
  { key: "formulasi_pembilang", header: "Formulasi Pembilang", required: false, example: "", help: "" },
  { key: "formulasi_penyebut", header: "Formulasi Penyebut", required: false, example: "", help: "" },
  { key: "sumber_data", header: "Sumber Data", required: false, example: "", help: "" },
  { key: "penanggung_jawab", header: "Penanggung Jawab", required: false, example: "Biro Organisasi", help: "" },
  ...targetKeys.map((key, i) => ({ key, header: `Target Tahun ${i + 1}`, required: false, example: ["70", "75", "77", "79", "81", ""][i]!, help: i === 0 ? "Target tahun pertama periode; tulis seperti di dokumen (70, 81,64, 70 (cukup))" : "" })),
];

export const renstraSpec: ImportSpec<RenstraRow> = { kind: "renstra", label: "Renstra, IKU dan target", sheet: "Renstra", columns, row: renstraRow as z.ZodType<RenstraRow> };
