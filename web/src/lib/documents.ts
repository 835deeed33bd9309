import { formatDate, formatNumber } from "$shared/format/number";
import type { z } from "zod";
import { DOCUMENT_PERIOD_LABELS, TIMELINESS_LABELS } from "$shared/schemas/document-labels";
import type { documentOut, lkjipStatusOut, portalOut } from "$shared/schemas/documents";

// What the signed-in "Dokumen & Publikasi" screen and the public portal both show of a document.

export type DocumentItem = z.output<typeof documentOut>;
export type Portal = z.output<typeof portalOut>;
export type LkjipStatus = z.output<typeof lkjipStatusOut>;
export type Due = DocumentItem["timeliness"];

/** "1,2 MB", "845 KB". */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${formatNumber(bytes / 1024 / 1024, 1)} MB` : `${formatNumber(Math.max(1, Math.round(bytes / 1024)), 0)} KB`;
}

/** "Triwulan III" for a triwulan document's period; other periods as written. */
export const periodLabel = (period: string | null) => (period ? (DOCUMENT_PERIOD_LABELS[period] ?? period) : "");

export const publishedOn = (ms: number) => formatDate(new Date(ms));

/** Badge class and text of a document's timeliness against its deadline, e.g. "Tepat waktu (batas 28 Februari 2022)". */
export function dueBadge(due: Due): { cls: string; text: string; title: string } | null {
  if (!due) return null;
  const cls = due.status === "tepat_waktu" ? "badge-success" : due.status === "terlambat" ? "badge-warning" : "badge-muted";
  return { cls, text: TIMELINESS_LABELS[due.status], title: `Batas waktu ${formatDate(due.dueDate)}` };
}
