import { integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

// Mirrors migrations/tenant/0003_planning.sql (see its header for how versions work).

export const plans = sqliteTable("plans", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  kind: text("kind", { enum: ["rpjmd", "renstra"] }).notNull(),
  pdId: text("pd_id"),
  rpjmdPlanId: text("rpjmd_plan_id"),
  name: text("name").notNull(),
  yearFrom: integer("year_from").notNull(),
  yearTo: integer("year_to").notNull(),
  status: text("status", { enum: ["draft", "approved"] }).notNull(),
  approvedAt: integer("approved_at"),
  approvedBy: text("approved_by"),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const planNodes = sqliteTable("plan_nodes", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  planId: text("plan_id").notNull(),
  pdId: text("pd_id"),
  level: text("level", { enum: ["visi", "misi", "tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan", "rencana_aksi"] }).notNull(),
  createdAt: integer("created_at").notNull(),
});

/** Columns every version row shares. */
const versioned = {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  planId: text("plan_id").notNull(),
  version: integer("version").notNull(),
  effectiveDate: text("effective_date").notNull(),
  reason: text("reason"),
  removed: integer("removed", { mode: "boolean" }).notNull(),
  createdBy: text("created_by"),
  createdAt: integer("created_at").notNull(),
};

export const planNodeVersions = sqliteTable("plan_node_versions", {
  ...versioned,
  nodeId: text("node_id").notNull(),
  parentId: text("parent_id"),
  supports: text("supports").notNull(),
  code: text("code"),
  name: text("name").notNull(),
  ownerJabatanId: text("owner_jabatan_id"),
  schedule: integer("schedule").notNull(),
  budget: integer("budget"),
  position: integer("position").notNull(),
});

export const indicators = sqliteTable("indicators", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  planId: text("plan_id").notNull(),
  nodeId: text("node_id").notNull(),
  createdAt: integer("created_at").notNull(),
});

export const indicatorVersions = sqliteTable("indicator_versions", {
  ...versioned,
  indicatorId: text("indicator_id").notNull(),
  name: text("name").notNull(),
  satuan: text("satuan").notNull(),
  polarity: text("polarity", { enum: ["positive", "negative"] }).notNull(),
  negativeMethod: text("negative_method", { enum: ["2T-R", "T/R"] }).notNull(),
  kind: text("kind", { enum: ["numeric", "categorical", "text"] }).notNull(),
  scale: text("scale"),
  formulaNumerator: text("formula_numerator"),
  formulaDenominator: text("formula_denominator"),
  formulaNote: text("formula_note"),
  sumberData: text("sumber_data"),
  penanggungJawab: text("penanggung_jawab"),
  aggregation: text("aggregation", { enum: ["cumulative", "sum", "average", "last"] }).notNull(),
  isIku: integer("is_iku", { mode: "boolean" }).notNull(),
  position: integer("position").notNull(),
});

export const indicatorTargets = sqliteTable("indicator_targets", {
  ...versioned,
  indicatorId: text("indicator_id").notNull(),
  year: integer("year").notNull(),
  period: integer("period").notNull(),
  valueText: text("value_text").notNull(),
  valueNum: real("value_num"),
  valueMax: real("value_max"),
  category: text("category"),
  label: text("label"),
  cumulative: integer("cumulative", { mode: "boolean" }).notNull(),
});
