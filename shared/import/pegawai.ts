// Import kind of issue 12: the employee list pemda export from SIMPEG / e-Kinerja
// (NIP, name, jabatan, unit), matched onto the Organisation module's jabatan and holders.
import { z } from "../schemas/zod-locale";
import { ESELON, ESELON_LABELS, nipProblem } from "../schemas/organisation";
import { dateCell, enumCell, textCell } from "./cells";
import type { ImportSpec } from "./spec";

const code = (what: string) => textCell(what, 40).regex(/^[0-9A-Za-z.\-]+$/, `${what} hanya angka, huruf, titik dan tanda hubung`);
const ESELON_ALIASES = { "II.a": "II", "II.b": "II", "III.a": "III", "III.b": "III", "IV.a": "IV", "IV.b": "IV", "JFT": "fungsional", "JFU": "pelaksana", "Staf": "pelaksana" } as const;

const pegawaiRow = z.object({
  nip: z
    .string({ error: "NIP wajib diisi" })
    .transform((s) => s.replace(/\s+/g, ""))
    .superRefine((nip, ctx) => {
      const problem = nipProblem(nip);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  nama: textCell("Nama", 160).min(2, "Nama minimal 2 huruf"),
  jabatan: textCell("Jabatan").min(3, "Nama jabatan minimal 3 huruf"),
  kode_pd: code("Kode PD"),
  kode_unit: code("Kode unit").optional(),
  eselon: enumCell("Eselon", ESELON, ESELON_LABELS, ESELON_ALIASES).optional(),
  tmt: dateCell("TMT").optional(),
});
export type PegawaiRow = z.output<typeof pegawaiRow>;

export const pegawaiSpec: ImportSpec<PegawaiRow> = {
  kind: "pegawai",
  label: "Daftar pegawai (SIMPEG / e-Kinerja)",
  sheet: "Pegawai",
  columns: [
    { key: "nip", header: "NIP", required: true, example: "19850312 201001 2 015", help: "18 angka; satu baris per pegawai, dipakai untuk mencocokkan bila diimpor ulang" },
    { key: "nama", header: "Nama", required: true, example: "Siti Rahmawati, S.E.", help: "Nama lengkap dengan gelar" },
    { key: "jabatan", header: "Jabatan", required: true, example: "Analis Kebijakan Ahli Muda", help: "Nama jabatan; jabatan yang belum ada di unit itu dibuat" },
    { key: "kode_pd", header: "Kode PD", required: true, example: "1.30", help: "Kode perangkat daerah yang sudah terdaftar" },
    { key: "kode_unit", header: "Kode Unit", required: false, example: "SETDA.3.1", help: "Kode unit dari impor Struktur Organisasi; kosong = langsung di bawah PD" },
    { key: "eselon", header: "Eselon", required: false, example: "Fungsional", help: "II, III, IV, Pelaksana, Fungsional (kosong = Pelaksana)" },
    { key: "tmt", header: "TMT", required: false, example: "2023-01-02", help: "Mulai menjabat (TTTT-BB-HH atau HH/BB/TTTT); kosong = tanggal impor" },
  ],
  row: pegawaiRow,
};
