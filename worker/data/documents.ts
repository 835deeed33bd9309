import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { documents } from "../db/schema";
import { notFound } from "../errors";

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentFormat = DocumentRow["format"];

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export type NewDocument = Pick<DocumentRow, "pdId" | "year" | "kind" | "period" | "title" | "source" | "format" | "filename" | "dataVersion">;

async function sha256Of(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

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
    sha256: await sha256Of(bytes),
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
