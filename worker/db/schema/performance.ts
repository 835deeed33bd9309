import { integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

// Mirrors migrations/tenant/0007_performance.sql (see its comments for states and versions).

export const pkDocuments = sqliteTable("pk_documents", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  pdId: text("pd_id").notNull(),
  year: integer("year").notNull(),
  jabatanId: text("jabatan_id"),
  planId: text("plan_id"),
  version: integer("version").notNull(),
  effectiveDate: text("effective_date").notNull(),
  reason: text("reason"),
  status: text("status", { enum: ["draft", "submitted", "approved"] }).notNull(),
  submittedAt: integer("submitted_at"),
  submittedBy: text("submitted_by"),
  approvedAt: integer("approved_at"),
  approvedBy: text("approved_by"),
  createdBy: text("created_by"),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const pkItems = sqliteTable("pk_items", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  pkId: text("pk_id").notNull(),
  kind: text("kind", { enum: ["indicator", "program"] }).notNull(),
  nodeId: text("node_id").notNull(),
  nodeName: text("node_name").notNull(),
  indicatorId: text("indicator_id"),
  indicatorName: text("indicator_name"),
  satuan: text("satuan"),
  targetText: text("target_text"),
  targetNum: real("target_num"),
  anggaran: integer("anggaran"),
  position: integer("position").notNull(),
});

export const realisasi = sqliteTable("realisasi", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  pdId: text("pd_id").notNull(),
  indicatorId: text("indicator_id").notNull(),
  year: integer("year").notNull(),
  period: integer("period").notNull(),
  status: text("status", { enum: ["provisional", "final", "pending"] }).notNull(),
  valueText: text("value_text"),
  valueNum: real("value_num"),
  category: text("category"),
  capaianManual: real("capaian_manual"),
  explanation: text("explanation"),
  evidenceUrl: text("evidence_url"),
  version: integer("version").notNull(),
  updatedBy: text("updated_by"),
  updatedAt: integer("updated_at").notNull(),
});

export const realisasiEvidence = sqliteTable("realisasi_evidence", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  realisasiId: text("realisasi_id").notNull(),
  r2Key: text("r2_key").notNull(),
  filename: text("filename").notNull(),
  contentType: text("content_type").notNull(),
  size: integer("size").notNull(),
  createdBy: text("created_by"),
  createdAt: integer("created_at").notNull(),
});

export const budgetLines = sqliteTable("budget_lines", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  pdId: text("pd_id").notNull(),
  year: integer("year").notNull(),
  nodeId: text("node_id").notNull(),
  level: text("level").notNull(),
  code: text("code"),
  name: text("name").notNull(),
  sasaranId: text("sasaran_id"),
  jenis: text("jenis", { enum: ["operasi", "modal"] }).notNull(),
  paguMurni: integer("pagu_murni").notNull(),
  paguPerubahan: integer("pagu_perubahan"),
  realisasiTw1: integer("realisasi_tw1").notNull(),
  realisasiTw2: integer("realisasi_tw2").notNull(),
  realisasiTw3: integer("realisasi_tw3").notNull(),
  realisasiTw4: integer("realisasi_tw4").notNull(),
  fisikTw1: real("fisik_tw1"),
  fisikTw2: real("fisik_tw2"),
  fisikTw3: real("fisik_tw3"),
  fisikTw4: real("fisik_tw4"),
  version: integer("version").notNull(),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const twReports = sqliteTable("tw_reports", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  pdId: text("pd_id").notNull(),
  year: integer("year").notNull(),
  period: integer("period").notNull(),
  status: text("status", { enum: ["submitted", "returned", "accepted"] }).notNull(),
  round: integer("round").notNull(),
  lastDisposition: text("last_disposition"),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const twReportEvents = sqliteTable("tw_report_events", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  reportId: text("report_id").notNull(),
  kind: text("kind", { enum: ["submit", "disposition", "note"] }).notNull(),
  disposition: text("disposition"),
  indicatorId: text("indicator_id"),
  note: text("note"),
  userId: text("user_id"),
  userName: text("user_name"),
  createdAt: integer("created_at").notNull(),
});
