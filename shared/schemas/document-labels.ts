// Enumerations and Indonesian labels of documents and their publication (issue 9), free of zod so the
// public portal and the publication pages do not carry zod in the browser.

export const DOCUMENT_KINDS = ["lkjip", "triwulan", "pk", "iku", "renstra", "rencana_aksi", "lainnya"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  lkjip: "LKjIP",
  triwulan: "Laporan Triwulan",
  pk: "Perjanjian Kinerja",
  iku: "Indikator Kinerja Utama",
  renstra: "Renstra",
  rencana_aksi: "Rencana Aksi",
  lainnya: "Lainnya",
};

/** What may be uploaded (the content type the browser sends → the stored format). */
export const UPLOAD_FORMATS = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
} as const;
export type UploadFormat = (typeof UPLOAD_FORMATS)[keyof typeof UPLOAD_FORMATS];
/** Scanned LKjIP with appendices run to several MB; the rest of the API stays at 1 MB. */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

/** Publication against the tenant's deadline: LKjIP by end of February of the next year, PK by end of January. */
export const TIMELINESS = ["tepat_waktu", "terlambat", "menunggu"] as const;
export type Timeliness = (typeof TIMELINESS)[number];
export const TIMELINESS_LABELS: Record<Timeliness, string> = { tepat_waktu: "Tepat waktu", terlambat: "Terlambat", menunggu: "Belum jatuh tempo" };

/** A triwulan document's period, as the report generator stores it ("TW1" … "TW4"). */
export const DOCUMENT_PERIODS = ["TW1", "TW2", "TW3", "TW4"] as const;
export const DOCUMENT_PERIOD_LABELS: Record<string, string> = { TW1: "Triwulan I", TW2: "Triwulan II", TW3: "Triwulan III", TW4: "Triwulan IV" };
