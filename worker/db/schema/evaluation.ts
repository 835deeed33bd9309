import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

// Mirrors migrations/tenant/0005_evaluation.sql.

export const lkeTemplates = sqliteTable("lke_templates", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  year: integer("year").notNull(),
  kind: text("kind", { enum: ["lke2021", "legacy"] }).notNull(),
  name: text("name").notNull(),
  definition: text("definition").notNull(),
  lockedAt: integer("locked_at"),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const lkeEvaluations = sqliteTable("lke_evaluations", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  pdId: text("pd_id").notNull(),
  year: integer("year").notNull(),
  templateId: text("template_id").notNull(),
  source: text("source", { enum: ["lke", "import"] }).notNull(),
  status: text("status", { enum: ["self_assessment", "evaluator_review", "final"] }).notNull(),
  componentScores: text("component_scores"),
  total: real("total"),
  predikat: text("predikat"),
  flags: text("flags").notNull(),
  finalisedAt: integer("finalised_at"),
  finalisedBy: text("finalised_by"),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const lkeAnswers = sqliteTable("lke_answers", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  evaluationId: text("evaluation_id").notNull(),
  criterionId: text("criterion_id").notNull(),
  selfAnswer: text("self_answer"),
  selfNote: text("self_note"),
  evidenceUrl: text("evidence_url"),
  evaluatorAnswer: text("evaluator_answer"),
  evaluatorNote: text("evaluator_note"),
  updatedAt: integer("updated_at").notNull(),
});

export const lkeRecommendations = sqliteTable("lke_recommendations", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  evaluationId: text("evaluation_id").notNull(),
  componentCode: text("component_code").notNull(),
  text: text("text").notNull(),
  status: text("status", { enum: ["open", "in_progress", "done"] }).notNull(),
  followUp: text("follow_up"),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const publishedFigures = sqliteTable(
  "published_figures",
  {
    tenantId: text("tenant_id").notNull(),
    year: integer("year").notNull(),
    figure: text("figure").notNull(),
    value: real("value").notNull(),
    pdCount: integer("pd_count").notNull(),
    publishedAt: integer("published_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.year, t.figure] }), index("published_figures_year").on(t.year, t.figure)],
);
