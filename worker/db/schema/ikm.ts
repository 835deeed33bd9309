import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

// Mirrors migrations/tenant/0004_ikm.sql and migrations/control/0004_ikm.sql (ikm_slugs).

export const unitLayanan = sqliteTable("unit_layanan", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  pdId: text("pd_id").notNull(),
  name: text("name").notNull(),
  slug: text("slug").notNull(),
  services: text("services").notNull(),
  populations: text("populations").notNull(),
  published: integer("published", { mode: "boolean" }).notNull(),
  onePerDevice: integer("one_per_device", { mode: "boolean" }).notNull(),
  active: integer("active", { mode: "boolean" }).notNull(),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const ikmSurveyVersions = sqliteTable("ikm_survey_versions", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  version: integer("version").notNull(),
  definition: text("definition").notNull(),
  createdBy: text("created_by"),
  createdAt: integer("created_at").notNull(),
});

export const ikmPeriods = sqliteTable("ikm_periods", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  kind: text("kind", { enum: ["triwulan", "semester", "tahun"] }).notNull(),
  year: integer("year").notNull(),
  number: integer("number").notNull(),
  startsOn: text("starts_on").notNull(),
  endsOn: text("ends_on").notNull(),
  status: text("status", { enum: ["open", "closed"] }).notNull(),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const ikmResponses = sqliteTable("ikm_responses", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  unitId: text("unit_id").notNull(),
  periodId: text("period_id").notNull(),
  surveyVersion: integer("survey_version").notNull(),
  idempotencyKey: text("idempotency_key").notNull(),
  answers: text("answers").notNull(),
  extraAnswers: text("extra_answers").notNull(),
  gender: text("gender").notNull(),
  age: integer("age").notNull(),
  education: text("education").notNull(),
  occupation: text("occupation").notNull(),
  service: text("service").notNull(),
  saran: text("saran"),
  saranHidden: integer("saran_hidden", { mode: "boolean" }).notNull(),
  deviceDay: text("device_day"),
  submittedOn: text("submitted_on").notNull(),
  submittedAt: integer("submitted_at").notNull(),
});

export const ikmTallies = sqliteTable("ikm_tallies", {
  tenantId: text("tenant_id").notNull(),
  unitId: text("unit_id").notNull(),
  periodId: text("period_id").notNull(),
  unsur: integer("unsur").notNull(),
  n1: integer("n1").notNull(),
  n2: integer("n2").notNull(),
  n3: integer("n3").notNull(),
  n4: integer("n4").notNull(),
});

export const ikmRespondentTallies = sqliteTable("ikm_respondent_tallies", {
  tenantId: text("tenant_id").notNull(),
  unitId: text("unit_id").notNull(),
  periodId: text("period_id").notNull(),
  field: text("field").notNull(),
  value: text("value").notNull(),
  n: integer("n").notNull(),
});

/** Control plane: public slug → tenant, so the citizen survey finds the tenant database to read. */
export const ikmSlugs = sqliteTable("ikm_slugs", {
  slug: text("slug").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  unitId: text("unit_id").notNull(),
  createdAt: integer("created_at").notNull(),
});
