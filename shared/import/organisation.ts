// Import kinds of the Organisation module: the PD register and the unit tree with head jabatan and holders.
import { z } from "../schemas/zod-locale";
import { PD_KIND_LABELS, PD_KINDS } from "../kinds";
import { ESELON, ESELON_LABELS, nipProblem, UNIT_KIND_LABELS, UNIT_KINDS } from "../schemas/organisation";
import { dateCell, enumCell, integerCell, textCell, yesNoCell } from "./cells";
import type { ImportSpec } from "./spec";

const code = (what: string) => textCell(what, 40).regex(/^[0-9A-Za-z.\-]+$/, `${what} hanya angka, huruf, titik dan tanda hubung`);

const ESELON_ALIASES = { "II.a": "II", "II.b": "II", "III.a": "III", "III.b": "III", "IV.a": "IV", "IV.b": "IV", "Eselon II": "II", "Eselon III": "III", "Eselon IV": "IV", "JFT": "fungsional", "JFU": "pelaksana" } as const;

const orgUnitRow = z
  .object({
    kode_pd: code("Kode PD"),
    kode_unit: code("Kode unit"),
    nama_unit: textCell("Nama unit").min(3, "Nama unit minimal 3 huruf"),
    jenis_unit: enumCell("Jenis unit", UNIT_KINDS, UNIT_KIND_LABELS),
    eselon: enumCell("Eselon", ESELON, ESELON_LABELS, ESELON_ALIASES),
    kode_induk: code("Kode induk").optional(),
    aktif: yesNoCell,
    jabatan_kepala: textCell("Jabatan kepala").min(3).optional(),
    nama_pejabat: textCell("Nama pejabat", 160).optional(),
    nip: z
      .string()
      .transform((s) => s.replace(/\s+/g, ""))
      .superRefine((nip, ctx) => {
        const problem = nipProblem(nip);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .optional(),
    tmt: dateCell("TMT").optional(),
  })
  .superRefine((r, ctx) => {
    // A holder needs all three: who, which NIP, since when.
    const holder = [["nama_pejabat", r.nama_pejabat], ["nip", r.nip], ["tmt", r.tmt]] as const;
    if (holder.some(([, v]) => v !== undefined)) {
      for (const [key, v] of holder) if (v === undefined) ctx.addIssue({ code: "custom", path: [key], message: "Wajib diisi bila pejabat diisi" });
    }
    if (r.kode_induk === r.kode_unit) ctx.addIssue({ code: "custom", path: ["kode_induk"], message: "Unit tidak boleh menjadi induk dirinya sendiri" });
  });
export type OrgUnitRow = z.output<typeof orgUnitRow>;

export const orgUnitsSpec: ImportSpec<OrgUnitRow> = {
  kind: "org_units",
  label: "Struktur organisasi (unit, jabatan kepala, pejabat)",
  sheet: "Struktur Organisasi",
  columns: [
    { key: "kode_pd", header: "Kode PD", required: true, example: "1.30", help: "Kode perangkat daerah yang sudah terdaftar" },
    { key: "kode_unit", header: "Kode Unit", required: true, example: "SETDA.3.1", help: "Unik dalam satu PD; dipakai untuk memperbarui bila diimpor ulang" },
    { key: "nama_unit", header: "Nama Unit", required: true, example: "Biro Organisasi", help: "" },
    { key: "jenis_unit", header: "Jenis Unit", required: true, example: "Biro", help: UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k]).join(", ") },
    { key: "eselon", header: "Eselon", required: true, example: "II", help: "II, III, IV, Pelaksana, Fungsional" },
    { key: "kode_induk", header: "Kode Induk", required: false, example: "SETDA.3", help: "Kode unit atasan di PD yang sama; kosong untuk puncak" },
    { key: "aktif", header: "Aktif", required: false, example: "Ya", help: "Ya/Tidak (kosong = Ya)" },
    { key: "jabatan_kepala", header: "Jabatan Kepala", required: false, example: "Kepala Biro Organisasi", help: "" },
    { key: "nama_pejabat", header: "Nama Pejabat", required: false, example: "Nama Lengkap, S.H.", help: "" },
    { key: "nip", header: "NIP", required: false, example: "19710124 199703 1 007", help: "18 angka" },
    { key: "tmt", header: "TMT", required: false, example: "2022-01-03", help: "Mulai menjabat (TTTT-BB-HH atau HH/BB/TTTT)" },
  ],
  row: orgUnitRow,
};

const pdRow = z
  .object({
    kode: code("Kode"),
    nama: textCell("Nama").min(3, "Nama minimal 3 huruf"),
    jenis: enumCell("Jenis", PD_KINDS, PD_KIND_LABELS),
    kepala: textCell("Kepala", 120).optional(),
    tahun_mulai: integerCell("Tahun mulai").optional(),
    tahun_selesai: integerCell("Tahun selesai").optional(),
    aktif: yesNoCell,
  })
  .superRefine((r, ctx) => {
    for (const key of ["tahun_mulai", "tahun_selesai"] as const) {
      const y = r[key];
      if (y !== undefined && (y < 1945 || y > 2100)) ctx.addIssue({ code: "custom", path: [key], message: `Tahun ${y} di luar 1945–2100` });
    }
    if (r.tahun_mulai && r.tahun_selesai && r.tahun_selesai < r.tahun_mulai) {
      ctx.addIssue({ code: "custom", path: ["tahun_selesai"], message: "Tahun selesai sebelum tahun mulai" });
    }
  });
export type PdRow = z.output<typeof pdRow>;

export const perangkatDaerahSpec: ImportSpec<PdRow> = {
  kind: "perangkat_daerah",
  label: "Perangkat daerah",
  sheet: "Perangkat Daerah",
  columns: [
    { key: "kode", header: "Kode", required: true, example: "4.01.07", help: "Kode SIPD; dipakai untuk memperbarui bila diimpor ulang" },
    { key: "nama", header: "Nama", required: true, example: "Biro Organisasi", help: "" },
    { key: "jenis", header: "Jenis", required: true, example: "Biro", help: PD_KINDS.map((k) => PD_KIND_LABELS[k]).join(", ") },
    { key: "kepala", header: "Kepala", required: false, example: "", help: "" },
    { key: "tahun_mulai", header: "Tahun Mulai", required: false, example: "2021", help: "" },
    { key: "tahun_selesai", header: "Tahun Selesai", required: false, example: "", help: "Kosong bila masih berdiri" },
    { key: "aktif", header: "Aktif", required: false, example: "Ya", help: "Ya/Tidak (kosong = Ya)" },
  ],
  row: pdRow,
};
