import { contentDisposition } from "../http/content-disposition";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { deadlines, documents, perangkatDaerah } from "../db/schema";
import { AppError, notFound } from "../errors";
import { sha256Hex } from "../auth/crypto";
import { defaultDeadlines } from "./deadlines";
import type { Timeliness } from "../../shared/schemas/documents";
import { wibDay } from "../../shared/format/wib";

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentFormat = DocumentRow["format"];

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export type NewDocument = Pick<DocumentRow, "pdId" | "year" | "kind" | "period" | "title" | "source" | "format" | "filename" | "dataVersion">;

/**
 * Puts the bytes in R2 and returns the row plus its insert, for the caller to batch with its audit
 * entry. The object is written first: if the batch then fails, an unreferenced object remains
 * (harmless, never listed) rather than a row pointing at nothing.
 */
export async function storeDocument(bucket: R2Bucket, db: Db, tenantId: string, userId: string | null, doc: NewDocument, bytes: Uint8Array) {
  const id = crypto.randomUUID();
  const row: DocumentRow = {
    ...doc,
    id,
    tenantId,
    contentType: CONTENT_TYPES[doc.format],
    r2Key: `${tenantId}/${id}/${doc.filename}`,
    sizeBytes: bytes.byteLength,
    sha256: await sha256Hex(bytes),
    createdBy: userId,
    createdAt: Date.now(),
    publishedAt: null,
    publishedBy: null,
  };
  await bucket.put(row.r2Key, bytes, { httpMetadata: { contentType: row.contentType } });
  return { row, insert: db.insert(documents).values(row) };
}

export async function findDocument(db: Db, tenantId: string, id: string): Promise<DocumentRow> {
  const [row] = await db.select().from(documents).where(and(eq(documents.tenantId, tenantId), eq(documents.id, id)));
  if (!row) throw notFound("Dokumen");
  return row;
}

// ---- listing, timeliness, download (routes/documents.ts and routes/portal.ts) ----

/** The deadline a kind of document is published against: LKjIP of year Y by end of February Y+1, PK of Y by end of January Y. */
const DEADLINE_OF: Partial<Record<DocumentRow["kind"], { key: string; yearOffset: number }>> = {
  lkjip: { key: "lkjip", yearOffset: 1 },
  pk: { key: "pk", yearOffset: 0 },
};

export type Due = { dueDate: string; status: Timeliness };

const DEADLINE_KEYS = [...new Set(Object.values(DEADLINE_OF).map((d) => d!.key))];
const deadlineColumns = { key: deadlines.key, year: deadlines.year, dueDate: deadlines.dueDate };

/** The tenant's own LKjIP/PK deadlines (a handful of rows per year; the tenant's database), for `dueDateMap`. */
export function deadlineRows(db: Db, tenantId: string) {
  return db.select(deadlineColumns).from(deadlines).where(and(eq(deadlines.tenantId, tenantId), inArray(deadlines.key, DEADLINE_KEYS)));
}

/** Due date per "key:year" the documents are measured against: the tenant's calendar, else the default one. */
export function dueDateMap(stored: { key: string; year: number; dueDate: string }[], rows: Pick<DocumentRow, "kind" | "year">[]) {
  const out = new Map<string, string>();
  for (const r of rows) {
    const d = DEADLINE_OF[r.kind];
    if (!d) continue;
    const year = r.year + d.yearOffset;
    const custom = stored.find((s) => s.key === d.key && s.year === year);
    out.set(`${d.key}:${year}`, custom?.dueDate ?? defaultDeadlines(year).find((x) => x.key === d.key)!.dueDate);
  }
  return out;
}

export async function dueDatesFor(db: Db, tenantId: string, rows: Pick<DocumentRow, "kind" | "year">[]) {
  return dueDateMap(rows.some((r) => DEADLINE_OF[r.kind]) ? await deadlineRows(db, tenantId).all() : [], rows);
}

/** Published on or before the due date (WIB calendar day) is on time; unpublished past it is late. */
export function timelinessOf(row: Pick<DocumentRow, "kind" | "year" | "publishedAt">, dueDates: Map<string, string>, now = Date.now()): Due | null {
  const d = DEADLINE_OF[row.kind];
  const dueDate = d && dueDates.get(`${d.key}:${row.year + d.yearOffset}`);
  if (!dueDate) return null;
  const day = wibDay(row.publishedAt ?? now);
  const status: Timeliness = day <= dueDate ? (row.publishedAt ? "tepat_waktu" : "menunggu") : "terlambat";
  return { dueDate, status };
}

/**
 * Streams a document's bytes as a download. The bytes of a row never change (its key names its id),
 * so its sha256 is a strong ETag: a matching If-None-Match answers 304 without reading R2.
 */
export async function downloadResponse(bucket: R2Bucket, row: DocumentRow, ifNoneMatch: string | undefined, cacheControl: string): Promise<Response> {
  const etag = `"${row.sha256}"`;
  const headers: Record<string, string> = { etag, "cache-control": cacheControl, "x-content-type-options": "nosniff" };
  if (ifNoneMatch?.split(",").some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) return new Response(null, { status: 304, headers });
  const obj = await bucket.get(row.r2Key);
  if (!obj) throw new AppError("not_found", "Berkas dokumen tidak tersedia di penyimpanan; unggah atau buat ulang dokumen ini");
  return new Response(obj.body, {
    headers: { ...headers, "content-type": row.contentType, "content-length": String(row.sizeBytes), "content-disposition": contentDisposition(row.filename) },
  });
}

/** Every active PD's LKjIP of `year`: the first one published (if any) measured against the tenant's deadline. */
export async function lkjipStatus(db: Db, tenantId: string, year: number, now = Date.now()) {
  const [pds, docs] = await db.batch([
    db
      .select({ id: perangkatDaerah.id, code: perangkatDaerah.code, name: perangkatDaerah.name })
      .from(perangkatDaerah)
      .where(and(eq(perangkatDaerah.tenantId, tenantId), eq(perangkatDaerah.active, true))),
    db
      .select({ pdId: documents.pdId, id: documents.id, publishedAt: documents.publishedAt })
      .from(documents)
      .where(and(eq(documents.tenantId, tenantId), eq(documents.kind, "lkjip"), eq(documents.year, year), isNotNull(documents.pdId))),
  ]);
  const dueDates = await dueDatesFor(db, tenantId, [{ kind: "lkjip", year }]);
  const counts = { tepat_waktu: 0, terlambat: 0, menunggu: 0 };
  const items = pds
    .sort((a, b) => a.code.localeCompare(b.code, "id", { numeric: true }))
    .map((pd) => {
      const own = docs.filter((d) => d.pdId === pd.id);
      const first = own.filter((d) => d.publishedAt !== null).sort((a, b) => a.publishedAt! - b.publishedAt!)[0];
      const status = timelinessOf({ kind: "lkjip", year, publishedAt: first?.publishedAt ?? null }, dueDates, now)!.status;
      counts[status]++;
      return { pdId: pd.id, pdCode: pd.code, pdName: pd.name, documentId: first?.id ?? null, publishedAt: first?.publishedAt ?? null, hasDraft: !first && own.length > 0, status };
    });
  return { year, dueDate: dueDates.get(`lkjip:${year + 1}`)!, counts, items };
}
