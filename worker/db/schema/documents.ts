import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { DOCUMENT_KINDS } from "../../../shared/schemas/documents";

export { DOCUMENT_KINDS };

// Mirrors migrations/tenant/0008_documents.sql: generated and uploaded documents, bytes in R2 (DOCUMENTS).

export const DOCUMENT_FORMATS = ["docx", "html", "pdf", "xlsx"] as const;

export const documents = sqliteTable("documents", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  pdId: text("pd_id"),
  year: integer("year").notNull(),
  kind: text("kind", { enum: DOCUMENT_KINDS }).notNull(),
  period: text("period"),
  title: text("title").notNull(),
  source: text("source", { enum: ["generated", "uploaded"] }).notNull(),
  format: text("format", { enum: DOCUMENT_FORMATS }).notNull(),
  contentType: text("content_type").notNull(),
  filename: text("filename").notNull(),
  r2Key: text("r2_key").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  sha256: text("sha256").notNull(),
  dataVersion: text("data_version"),
  createdBy: text("created_by"),
  createdAt: integer("created_at").notNull(),
  publishedAt: integer("published_at"),
  publishedBy: text("published_by"),
});
