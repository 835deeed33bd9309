import { z } from "./zod-locale";

// Generated reports (issue 9): the document types, the text sections a PD writes for them
// (LKjIP chapters after seed 002, triwulan report after seed 004) and the API inputs.

export const REPORT_KINDS = ["lkjip", "triwulan", "pk", "iku"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  lkjip: "LKjIP (Laporan Kinerja Instansi Pemerintah)",
  triwulan: "Laporan Kinerja Triwulan",
  pk: "Dokumen Perjanjian Kinerja",
  iku: "Keputusan Indikator Kinerja Utama",
};

export type SectionDef = { key: string; label: string; hint: string };

/** The texts of each report that are written in the app (the tables come from the data). */
export const REPORT_SECTIONS: Record<ReportKind, readonly SectionDef[]> = {
  lkjip: [
    { key: "kata_pengantar", label: "Kata Pengantar", hint: "Pengantar singkat laporan dan penandatangan." },
    { key: "ikhtisar", label: "Ikhtisar Eksekutif", hint: "Ringkasan capaian sasaran, anggaran dan hal yang perlu perbaikan." },
    { key: "dasar_pembentukan", label: "Bab I.A Dasar Pembentukan Organisasi", hint: "Peraturan yang membentuk perangkat daerah." },
    { key: "tugas_fungsi", label: "Bab I.B Tugas dan Fungsi", hint: "Tugas pokok dan fungsi perangkat daerah." },
    { key: "struktur_organisasi", label: "Bab I.C Struktur Organisasi", hint: "Penjelasan singkat susunan organisasi." },
    { key: "sumber_daya", label: "Bab I.D Sumber Daya Aparatur", hint: "Uraian singkat; Tabel 1.1 (jumlah pegawai menurut jabatan, jenis kelamin, golongan dan pendidikan) diisi pada bagian Tabel Bab I." },
    { key: "aspek_strategis", label: "Bab I.E Aspek Strategis Organisasi", hint: "Peran strategis dalam mendukung visi dan misi." },
    { key: "isu_strategis", label: "Bab I.F Permasalahan Utama (Isu Strategis)", hint: "Permasalahan utama dalam meningkatkan kinerja." },
    { key: "sarana_prasarana", label: "Bab I.G Sarana dan Prasarana Kerja", hint: "Pengantar Tabel 1.2: sarana dan prasarana yang menunjang tugas dan fungsi per 31 Desember." },
    { key: "perencanaan", label: "Bab II Pengantar Perencanaan Kinerja", hint: "Sasaran utama tahun ini dan kaitannya dengan visi dan misi." },
    { key: "analisis_capaian", label: "Bab III.C Analisis Capaian Kinerja", hint: "Penyebab keberhasilan/kegagalan dan solusi per sasaran." },
    { key: "analisis_anggaran", label: "Bab III.D Analisis Realisasi Anggaran", hint: "Analisis penyerapan dan efisiensi anggaran." },
    { key: "penutup", label: "Bab IV Penutup", hint: "Simpulan umum dan langkah perbaikan ke depan." },
  ],
  triwulan: [
    { key: "pendahuluan", label: "Bab I Pendahuluan", hint: "Tugas pokok dan fungsi serta maksud laporan triwulan." },
    { key: "analisis", label: "Bab II.C Evaluasi dan Analisis Capaian Kinerja", hint: "Kegiatan yang dilaksanakan, hambatan dan tindak lanjut." },
    { key: "penutup", label: "Bab III Penutup", hint: "Simpulan triwulan ini." },
  ],
  pk: [],
  iku: [{ key: "menimbang", label: "Menimbang dan Mengingat", hint: "Dasar hukum penetapan IKU." }],
};

export const sectionLabel = (kind: ReportKind, key: string) => REPORT_SECTIONS[kind].find((s) => s.key === key)?.label ?? key;

export const SECTION_MAX_CHARS = 20_000;

const year = z.coerce.number().int().min(2000).max(2100);
const pdId = z.string().trim().min(1).max(64);

/** Which report: a PD's (pdId) or, for the LKjIP only, the pemda-wide one (no pdId). */
export const reportTargetSchema = z.object({
  kind: z.enum(REPORT_KINDS),
  pdId: pdId.optional(),
  year,
  period: z.coerce.number().int().min(1).max(4).optional(),
});
export type ReportTarget = z.infer<typeof reportTargetSchema>;

/**
 * Rules across fields (kept out of the schema so it stays a plain object for query strings). A triwulan
 * document names its triwulan; its texts (`withPeriod` false) are shared by the year's four reports.
 */
export function targetIssues(t: { kind: ReportKind; pdId?: string; period?: number }, withPeriod = true): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (!t.pdId && t.kind !== "lkjip") issues.push({ path: "pdId", message: "Pilih perangkat daerah" });
  if (withPeriod && t.kind === "triwulan" && !t.period) issues.push({ path: "period", message: "Pilih triwulan" });
  return issues;
}

export const sectionSaveSchema = reportTargetSchema.omit({ period: true }).extend({
  section: z.string().trim().min(1).max(40),
  body: z.string().max(SECTION_MAX_CHARS),
  /** The version the edit started from (0 = new). */
  version: z.number().int().min(0),
});
export type SectionSave = z.infer<typeof sectionSaveSchema>;
