import { z } from "./zod-locale";
import { parseIdNumber } from "../format/number";

// Perjanjian Kinerja, realisasi, anggaran and triwulan review (DOMAIN.md §3–§5).

export const PK_STATUSES = ["draft", "submitted", "approved"] as const;
export type PkStatus = (typeof PK_STATUSES)[number];
export const PK_STATUS_LABELS: Record<PkStatus, string> = { draft: "Draf", submitted: "Diajukan", approved: "Disetujui (terkunci)" };

export const REALISASI_STATUSES = ["provisional", "final", "pending"] as const;
export type RealisasiStatus = (typeof REALISASI_STATUSES)[number];
export const REALISASI_STATUS_LABELS: Record<RealisasiStatus, string> = {
  provisional: "Sementara",
  final: "Final",
  pending: "Proses penilaian",
};

/** Supervisor dispositions on a triwulan report (seed 004); only "sudah baik" accepts it. */
export const DISPOSITIONS = [
  "LAPORAN KURANG BAIK",
  "LAPORAN SUDAH BAIK",
  "LAPORAN DIPERBAIKI",
  "REALISASI DITELITI ULANG",
  "CAPAIAN DITELITI ULANG",
  "LAIN-LAIN",
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
export const ACCEPTING_DISPOSITION: Disposition = "LAPORAN SUDAH BAIK";

export const REPORT_STATUSES = ["submitted", "returned", "accepted"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus | "draft", string> = {
  draft: "Belum diajukan",
  submitted: "Menunggu penilaian",
  returned: "Perlu diperbaiki",
  accepted: "Diterima",
};

export const BUDGET_JENIS = ["operasi", "modal"] as const;
export const BUDGET_JENIS_LABELS = { operasi: "Belanja Operasi", modal: "Belanja Modal" } as const;

/** Evidence files: what a scan or an office document of a report looks like, and no larger than the API accepts. */
export const EVIDENCE_TYPES: Record<string, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
};
export const EVIDENCE_MAX_BYTES = 1_000_000;

const id = z.string().trim().min(1).max(64);
const year = z.number().int().min(2000).max(2100);
const period = z.number().int().min(1).max(4);
const isoDate = z.iso.date({ error: "Tanggal harus berformat YYYY-MM-DD" });
const money = z.number().int("Rupiah bulat, tanpa sen").min(0).max(1e15);

export const pkCreateSchema = z.object({
  pdId: id,
  year,
  /** The official whose PK this is; absent = the PD head. */
  jabatanId: id.optional().nullable(),
});

export const pkItemInputSchema = z.object({
  kind: z.enum(["indicator", "program"]),
  nodeId: id,
  nodeName: z.string().trim().min(1).max(2000),
  indicatorId: id.optional().nullable(),
  indicatorName: z.string().trim().max(1000).optional().nullable(),
  satuan: z.string().trim().max(40).optional().nullable(),
  target: z.string().trim().max(100).optional().nullable(),
  anggaran: money.optional().nullable(),
});
export const pkItemsSchema = z.object({ items: z.array(pkItemInputSchema).max(200) });

export const pkRevisionSchema = z.object({
  effectiveDate: isoDate,
  reason: z.string().trim().min(5, "Tuliskan alasan perubahan (minimal 5 huruf)").max(500),
});

export const realisasiInputSchema = z.object({
  indicatorId: id,
  year,
  period,
  /** As written: "75,68", "46 %", "62,63 (Kategori B)", "BB"; empty only when pending. */
  value: z.string().trim().max(200).optional().nullable(),
  status: z.enum(REALISASI_STATUSES),
  capaianManual: z.number().min(-1000).max(10000).optional().nullable(),
  explanation: z.string().trim().max(4000).optional().nullable(),
  evidenceUrl: z.url({ protocol: /^https?$/, error: "Tautan harus diawali http:// atau https://" }).max(1000).optional().nullable().or(z.literal("")),
  /** The version the edit started from; 0 for a new cell. */
  version: z.number().int().min(0),
});

export const budgetLineInputSchema = z.object({
  pdId: id,
  year,
  nodeId: id,
  jenis: z.enum(BUDGET_JENIS),
  paguMurni: money,
  paguPerubahan: money.optional().nullable(),
});
export const budgetLinePatchSchema = z.object({
  jenis: z.enum(BUDGET_JENIS).optional(),
  paguMurni: money.optional(),
  paguPerubahan: money.optional().nullable(),
  /** Spent in each triwulan (not cumulative), TW I–IV. */
  realisasi: z.array(money).length(4).optional(),
  /** Cumulative physical progress, percent, TW I–IV. */
  fisik: z.array(z.number().min(0).max(100).nullable()).length(4).optional(),
  version: z.number().int().min(1),
});

export const reportSubmitSchema = z.object({ pdId: id, year, period, note: z.string().trim().max(4000).optional().nullable() });
export const dispositionSchema = z.object({
  disposition: z.enum(DISPOSITIONS, { error: "Pilih salah satu disposisi" }),
  note: z.string().trim().max(4000).optional().nullable(),
  indicatorNotes: z.array(z.object({ indicatorId: id, note: z.string().trim().min(1).max(2000) })).max(100).optional(),
});

export type ParsedRealisasi = { ok: true; valueNum: number | null; category: string | null } | { ok: false; message: string };

/**
 * Reads a realisasi the way the indicator's kind expects. Categorical values may carry the
 * score first, as seed 004 writes them: "62,63 (Kategori B)" → category B.
 */
export function parseRealisasi(value: string, indicator: { kind: "numeric" | "categorical" | "text"; scale: readonly string[] }): ParsedRealisasi {
  const v = value.trim();
  if (indicator.kind === "text") return { ok: true, valueNum: null, category: null };
  if (indicator.kind === "categorical") {
    const candidates = [v, v.match(/\(([^()]*)\)\s*$/)?.[1] ?? ""].map((s) => s.replace(/^kategori\s+/i, "").trim().toUpperCase());
    const hit = indicator.scale.find((c) => candidates.includes(c.toUpperCase()));
    return hit ? { ok: true, valueNum: null, category: hit } : { ok: false, message: `"${v}" tidak ada pada skala ${indicator.scale.join(" > ")}` };
  }
  const p = parseIdNumber(v);
  if (p.kind === "number") return { ok: true, valueNum: p.value, category: null };
  if (p.kind === "error") return { ok: false, message: p.message };
  return { ok: false, message: `Isi satu angka, misalnya 75,68 (bukan "${v}")` };
}
