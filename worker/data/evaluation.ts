import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { lkeAnswers, lkeEvaluations, lkeTemplates, perangkatDaerah } from "../db/schema";
import { notFound } from "../errors";
import type { FigureProvider } from "./figures";
import { lkeScore, type LkeScore } from "../../shared/formulas/sakip";
import { LKE_2021_FIRST_YEAR, TEMPLATE_KIND_LABELS, defaultTemplate, templateDefinitionSchema, type TemplateDefinition, type TemplateKind } from "../../shared/schemas/evaluation";

export type TemplateRow = typeof lkeTemplates.$inferSelect;
export type EvaluationRow = typeof lkeEvaluations.$inferSelect;
export type AnswerRow = typeof lkeAnswers.$inferSelect;

/** Final SAKIP nilai per PD for the ranking (worker/data/figures.ts). Evaluations still in progress are absent. */
export const sakipFigure: FigureProvider = async (db, tenantId, year) => {
  const rows = await db
    .select({ pdId: lkeEvaluations.pdId, total: lkeEvaluations.total })
    .from(lkeEvaluations)
    .where(and(eq(lkeEvaluations.tenantId, tenantId), eq(lkeEvaluations.year, year), eq(lkeEvaluations.status, "final"), isNotNull(lkeEvaluations.total)))
    .all();
  return new Map(rows.map((r) => [r.pdId, r.total!]));
};

export const parseDefinition = (row: TemplateRow): TemplateDefinition => templateDefinitionSchema.parse(JSON.parse(row.definition));

/** The built-in sheet of a year: 88/2021 from 2021 on, the five-component sheet before. */
export const defaultKindForYear = (year: number): TemplateKind => (year >= LKE_2021_FIRST_YEAR ? "lke2021" : "legacy");

export function newTemplateRow(tenantId: string, year: number, kind: TemplateKind, lockedAt: number | null = null): TemplateRow {
  const now = Date.now();
  return {
    id: crypto.randomUUID(),
    tenantId,
    year,
    kind,
    name: `${TEMPLATE_KIND_LABELS[kind]} · ${year}`,
    definition: JSON.stringify(defaultTemplate(kind)),
    lockedAt,
    createdAt: now,
    updatedAt: now,
  };
}

export async function findTemplate(db: Db, tenantId: string, id: string): Promise<TemplateRow> {
  const row = await db.select().from(lkeTemplates).where(and(eq(lkeTemplates.tenantId, tenantId), eq(lkeTemplates.id, id))).get();
  if (!row) throw notFound("Template LKE");
  return row;
}

export const templateForYear = (db: Db, tenantId: string, year: number) =>
  db.select().from(lkeTemplates).where(and(eq(lkeTemplates.tenantId, tenantId), eq(lkeTemplates.year, year))).get();

export async function findEvaluation(db: Db, tenantId: string, id: string) {
  const row = await db
    .select({ e: lkeEvaluations, pd: { id: perangkatDaerah.id, code: perangkatDaerah.code, name: perangkatDaerah.name, kind: perangkatDaerah.kind } })
    .from(lkeEvaluations)
    .innerJoin(perangkatDaerah, and(eq(perangkatDaerah.id, lkeEvaluations.pdId), eq(perangkatDaerah.tenantId, tenantId)))
    .where(and(eq(lkeEvaluations.tenantId, tenantId), eq(lkeEvaluations.id, id)))
    .get();
  if (!row) throw notFound("Evaluasi");
  return row;
}

export const answersOf = (db: Db, tenantId: string, evaluationId: string) =>
  db.select().from(lkeAnswers).where(and(eq(lkeAnswers.tenantId, tenantId), eq(lkeAnswers.evaluationId, evaluationId))).all();

/** Scores one side of the sheet; a criterion not yet answered leaves its sub-component (and the total) null. */
export function scoreSide(definition: TemplateDefinition, answers: readonly AnswerRow[], side: "self" | "evaluator"): LkeScore {
  const map: Record<string, string> = {};
  for (const a of answers) {
    const value = side === "self" ? a.selfAnswer : a.evaluatorAnswer;
    if (value) map[a.criterionId] = value;
  }
  return lkeScore(definition, map);
}

/** Criterion id → its answer type, for validating submitted answers against the year's sheet. */
export function criteriaIndex(definition: TemplateDefinition): Map<string, "YT" | "AE"> {
  const index = new Map<string, "YT" | "AE">();
  for (const c of definition.components) for (const list of Object.values(c.criteria)) for (const cr of list) index.set(cr.id, cr.answerType);
  return index;
}
