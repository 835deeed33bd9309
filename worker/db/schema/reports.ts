import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { REPORT_KINDS } from "../../../shared/schemas/reports";

// Mirrors migrations/tenant/0009_reports.sql: report section texts and step-by-step generation jobs.

export const reportSections = sqliteTable("report_sections", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  kind: text("kind", { enum: REPORT_KINDS }).notNull(),
  /** "" = the pemda-wide report. */
  pdId: text("pd_id").notNull(),
  year: integer("year").notNull(),
  section: text("section").notNull(),
  body: text("body").notNull(),
  version: integer("version").notNull(),
  updatedBy: text("updated_by"),
  updatedAt: integer("updated_at").notNull(),
});

export const reportJobs = sqliteTable("report_jobs", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  purpose: text("purpose", { enum: ["generate", "check"] }).notNull(),
  kind: text("kind", { enum: REPORT_KINDS }).notNull(),
  pdId: text("pd_id"),
  year: integer("year").notNull(),
  period: integer("period"),
  pdIds: text("pd_ids").notNull(),
  step: integer("step").notNull(),
  total: integer("total").notNull(),
  status: text("status", { enum: ["running", "done"] }).notNull(),
  documentIds: text("document_ids"),
  dataVersion: text("data_version"),
  createdBy: text("created_by"),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});
