import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { AppEnv } from "../env";
import { controlDb, tenantDb, type Db } from "../db/client";
import { lkeAnswers, lkeEvaluations, lkeRecommendations, lkeTemplates, perangkatDaerah } from "../db/schema";
import { AppError, notFound } from "../errors";
import { errors, jsonBody, ok, tenantParams } from "../openapi";
import { canActForPd, requireRole } from "../middleware/tenant";
import { audit } from "../audit";
import { notifyAfterChange, pdMembers } from "../data/notifications";
import { formatNumber } from "../../shared/format/number";
import {
  answersOf,
  criteriaIndex,
  defaultKindForYear,
  findEvaluation,
  findTemplate,
  newTemplateRow,
  parseDefinition,
  scoreSide,
  templateForYear,
  type EvaluationRow,
  type TemplateRow,
} from "../data/evaluation";
import { publishStatements, tenantAggregates } from "../data/ranking";
import { predikatSakip, SAKIP_PREDIKAT } from "../../shared/formulas/sakip";
import {
  ANSWER_OPTIONS,
  createEvaluationSchema,
  createRecommendationSchema,
  createTemplateSchema,
  EVALUATION_STATUSES,
  patchRecommendationSchema,
  patchTemplateSchema,
  RECOMMENDATION_STATUSES,
  saveAnswersSchema,
  TEMPLATE_KINDS,
  templateDefinitionSchema,
  transitionSchema,
} from "../../shared/schemas/evaluation";

export const evaluationRoutes = new OpenAPIHono<AppEnv>();

const PD_ROLES = ["agency_admin", "agency_head"] as const;
const TAG = ["evaluasi"];

// ---------- templates ----------

const templateOut = z.object({
  id: z.string(),
  year: z.number(),
  kind: z.enum(TEMPLATE_KINDS),
  name: z.string(),
  locked: z.boolean(),
  definition: templateDefinitionSchema,
});
const templateToOut = (t: TemplateRow) => ({ id: t.id, year: t.year, kind: t.kind, name: t.name, locked: t.lockedAt !== null, definition: parseDefinition(t) });
const idParams = tenantParams.extend({ id: z.string().max(64) });

evaluationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/lke-templates",
    tags: TAG,
    summary: "LKE templates of this tenant, one per year",
    request: { params: tenantParams },
    responses: { 200: ok(z.object({ items: z.array(templateOut) })), ...errors },
  }),
  async (c) => {
    const rows = await tenantDb(c).select().from(lkeTemplates).where(eq(lkeTemplates.tenantId, c.get("tenant").id)).orderBy(asc(lkeTemplates.year)).all();
    return c.json({ items: rows.map(templateToOut) }, 200);
  },
);

evaluationRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/lke-templates",
    tags: TAG,
    summary: "Clone a built-in LKE (88/2021 or the five-component sheet) for a year",
    middleware: [requireRole("tenant_admin", "evaluator")] as const,
    request: { params: tenantParams, ...jsonBody(createTemplateSchema) },
    responses: { 201: ok(templateOut, "Template dibuat"), ...errors },
  }),
  async (c) => {
    const { year, kind } = c.req.valid("json");
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    if (await templateForYear(db, tenant.id, year)) {
      throw new AppError("conflict", `Template LKE ${year} sudah ada`, [{ path: "year", message: "Tahun ini sudah punya template" }]);
    }
    const row = newTemplateRow(tenant.id, year, kind);
    await db.batch([db.insert(lkeTemplates).values(row), audit(c, db, { action: "create", entity: "lke_template", entityId: row.id, after: { year, kind } })]);
    return c.json(templateToOut(row), 201);
  },
);

evaluationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/lke-templates/{id}",
    tags: TAG,
    summary: "One LKE template with its criteria",
    request: { params: idParams },
    responses: { 200: ok(templateOut), ...errors },
  }),
  async (c) => c.json(templateToOut(await findTemplate(tenantDb(c), c.get("tenant").id, c.req.valid("param").id)), 200),
);

evaluationRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/tenants/{code}/lke-templates/{id}",
    tags: TAG,
    summary: "Adjust a template before evaluation opens (409 once locked)",
    middleware: [requireRole("tenant_admin", "evaluator")] as const,
    request: { params: idParams, ...jsonBody(patchTemplateSchema) },
    responses: { 200: ok(templateOut), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const before = await findTemplate(db, tenant.id, c.req.valid("param").id);
    if (before.lockedAt !== null) throw new AppError("conflict", "Template terkunci: evaluasi tahun ini sudah dibuka");
    const patch = c.req.valid("json");
    const after: TemplateRow = {
      ...before,
      name: patch.name ?? before.name,
      definition: patch.definition ? JSON.stringify(patch.definition) : before.definition,
      updatedAt: Date.now(),
    };
    await db.batch([
      db
        .update(lkeTemplates)
        .set({ name: after.name, definition: after.definition, updatedAt: after.updatedAt })
        .where(and(eq(lkeTemplates.tenantId, tenant.id), eq(lkeTemplates.id, before.id))),
      audit(c, db, { action: "update", entity: "lke_template", entityId: before.id, before: { name: before.name }, after: { name: after.name, definitionChanged: !!patch.definition } }),
    ]);
    return c.json(templateToOut(after), 200);
  },
);

// ---------- evaluations ----------

const scoreOut = z.object({
  components: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      weight: z.number(),
      score: z.number().nullable(),
      subComponents: z.array(z.object({ subComponent: z.string(), weight: z.number(), score: z.number().nullable(), answered: z.number(), criteria: z.number() })),
    }),
  ),
  total: z.number().nullable(),
  predikat: z.enum(SAKIP_PREDIKAT).nullable(),
  missing: z.array(z.string()),
});
const summaryOut = z.object({
  id: z.string(),
  pd: z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string() }),
  year: z.number(),
  status: z.enum(EVALUATION_STATUSES),
  source: z.enum(["lke", "import"]),
  total: z.number().nullable(),
  predikat: z.enum(SAKIP_PREDIKAT).nullable(),
  flagCount: z.number(),
});
const recommendationOut = z.object({
  id: z.string(),
  componentCode: z.string(),
  text: z.string(),
  status: z.enum(RECOMMENDATION_STATUSES),
  followUp: z.string().nullable(),
  updatedAt: z.string(),
});
const detailOut = summaryOut.extend({
  template: templateOut,
  componentScores: z.array(z.object({ code: z.string(), score: z.number() })).nullable(),
  flags: z.array(z.string()),
  answers: z.array(
    z.object({
      criterionId: z.string(),
      selfAnswer: z.string().nullable(),
      selfNote: z.string().nullable(),
      evidenceUrl: z.string().nullable(),
      evaluatorAnswer: z.string().nullable(),
      evaluatorNote: z.string().nullable(),
    }),
  ),
  selfScore: scoreOut.nullable(),
  evaluatorScore: scoreOut.nullable(),
  recommendations: z.array(recommendationOut),
  /** What the caller may do now, so the UI offers only those actions (the server checks again). */
  can: z.object({ selfAssess: z.boolean(), score: z.boolean(), submit: z.boolean(), return: z.boolean(), finalise: z.boolean(), recommend: z.boolean(), followUp: z.boolean() }),
});

type Pd = { id: string; code: string; name: string; kind: string };
const summaryToOut = (e: EvaluationRow, pd: Pd) => ({
  id: e.id,
  pd,
  year: e.year,
  status: e.status,
  source: e.source,
  total: e.total,
  predikat: e.predikat as (typeof SAKIP_PREDIKAT)[number] | null,
  flagCount: (JSON.parse(e.flags) as string[]).length,
});
const recommendationToOut = (r: typeof lkeRecommendations.$inferSelect) => ({
  id: r.id,
  componentCode: r.componentCode,
  text: r.text,
  status: r.status,
  followUp: r.followUp,
  updatedAt: new Date(r.updatedAt).toISOString(),
});

function permissions(c: Context<AppEnv>, e: EvaluationRow) {
  const grants = c.get("grants");
  const pdSide = canActForPd(grants, [...PD_ROLES], e.pdId);
  const evaluator = grants.some((g) => g.role === "evaluator");
  const lke = e.source === "lke";
  return {
    selfAssess: lke && e.status === "self_assessment" && pdSide,
    score: lke && e.status === "evaluator_review" && evaluator,
    submit: lke && e.status === "self_assessment" && pdSide,
    return: lke && e.status === "evaluator_review" && evaluator,
    finalise: lke && e.status === "evaluator_review" && evaluator,
    recommend: e.status !== "self_assessment" && evaluator,
    followUp: pdSide || evaluator,
  };
}

async function detail(c: Context<AppEnv>, db: Db, id: string) {
  const tenant = c.get("tenant");
  const { e, pd } = await findEvaluation(db, tenant.id, id);
  const [template, answers, recs] = await Promise.all([
    findTemplate(db, tenant.id, e.templateId),
    answersOf(db, tenant.id, e.id),
    db
      .select()
      .from(lkeRecommendations)
      .where(and(eq(lkeRecommendations.tenantId, tenant.id), eq(lkeRecommendations.evaluationId, e.id)))
      .orderBy(asc(lkeRecommendations.createdAt))
      .all(),
  ]);
  const definition = parseDefinition(template);
  return {
    ...summaryToOut(e, pd),
    template: templateToOut(template),
    componentScores: e.componentScores ? (JSON.parse(e.componentScores) as { code: string; score: number }[]) : null,
    flags: JSON.parse(e.flags) as string[],
    answers: answers.map((a) => ({
      criterionId: a.criterionId,
      selfAnswer: a.selfAnswer,
      selfNote: a.selfNote,
      evidenceUrl: a.evidenceUrl,
      evaluatorAnswer: a.evaluatorAnswer,
      evaluatorNote: a.evaluatorNote,
    })),
    selfScore: e.source === "lke" ? scoreSide(definition, answers, "self") : null,
    evaluatorScore: e.source === "lke" ? scoreSide(definition, answers, "evaluator") : null,
    recommendations: recs.map(recommendationToOut),
    can: permissions(c, e),
  };
}

evaluationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/evaluations",
    tags: TAG,
    summary: "Evaluations of one year (all PD), with status and final nilai",
    request: { params: tenantParams, query: z.object({ year: z.coerce.number().int().min(2010).max(2100) }) },
    responses: { 200: ok(z.object({ items: z.array(summaryOut), template: templateOut.nullable() })), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const { year } = c.req.valid("query");
    const db = tenantDb(c);
    const [rows, template] = await Promise.all([
      db
        .select({ e: lkeEvaluations, pd: { id: perangkatDaerah.id, code: perangkatDaerah.code, name: perangkatDaerah.name, kind: perangkatDaerah.kind } })
        .from(lkeEvaluations)
        .innerJoin(perangkatDaerah, and(eq(perangkatDaerah.id, lkeEvaluations.pdId), eq(perangkatDaerah.tenantId, tenant.id)))
        .where(and(eq(lkeEvaluations.tenantId, tenant.id), eq(lkeEvaluations.year, year)))
        .orderBy(asc(perangkatDaerah.code))
        .all(),
      templateForYear(db, tenant.id, year),
    ]);
    return c.json({ items: rows.map((r) => summaryToOut(r.e, r.pd)), template: template ? templateToOut(template) : null }, 200);
  },
);

evaluationRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/evaluations",
    tags: TAG,
    summary: "Open the LKE of a PD for a year (locks the year's template)",
    middleware: [requireRole("tenant_admin", "evaluator")] as const,
    request: { params: tenantParams, ...jsonBody(createEvaluationSchema) },
    responses: { 201: ok(detailOut, "Evaluasi dibuka"), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const { pdId, year } = c.req.valid("json");
    const db = tenantDb(c);
    const pd = await db.select({ id: perangkatDaerah.id }).from(perangkatDaerah).where(and(eq(perangkatDaerah.tenantId, tenant.id), eq(perangkatDaerah.id, pdId))).get();
    if (!pd) throw notFound("Perangkat daerah");
    const existing = await db.select({ id: lkeEvaluations.id }).from(lkeEvaluations).where(and(eq(lkeEvaluations.tenantId, tenant.id), eq(lkeEvaluations.pdId, pdId), eq(lkeEvaluations.year, year))).get();
    if (existing) throw new AppError("conflict", `Evaluasi ${year} perangkat daerah ini sudah ada`, [{ path: "pdId", message: "Sudah dievaluasi tahun ini" }]);
    let template = await templateForYear(db, tenant.id, year);
    const now = Date.now();
    const statements = [];
    if (!template) {
      template = newTemplateRow(tenant.id, year, defaultKindForYear(year), now);
      statements.push(db.insert(lkeTemplates).values(template));
    } else if (template.lockedAt === null) {
      statements.push(db.update(lkeTemplates).set({ lockedAt: now }).where(and(eq(lkeTemplates.tenantId, tenant.id), eq(lkeTemplates.id, template.id))));
    }
    if (template.kind !== "lke2021") {
      throw new AppError("conflict", `LKE ${year} memakai lembar lama 5 komponen: hasilnya hanya dapat diimpor`, [{ path: "year", message: "Gunakan impor hasil" }]);
    }
    const row: EvaluationRow = {
      id: crypto.randomUUID(),
      tenantId: tenant.id,
      pdId,
      year,
      templateId: template.id,
      source: "lke",
      status: "self_assessment",
      componentScores: null,
      total: null,
      predikat: null,
      flags: "[]",
      finalisedAt: null,
      finalisedBy: null,
      createdAt: now,
      updatedAt: now,
    };
    // The year's template (new or newly locked) is written before the evaluation that refers to it.
    await db.batch([
      audit(c, db, { action: "create", entity: "lke_evaluation", entityId: row.id, after: { pdId, year, templateId: template.id } }),
      ...statements,
      db.insert(lkeEvaluations).values(row),
    ]);
    return c.json(await detail(c, db, row.id), 201);
  },
);

evaluationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/evaluations/{id}",
    tags: TAG,
    summary: "One evaluation: criteria, both sides' answers, scores, recommendations",
    request: { params: idParams },
    responses: { 200: ok(detailOut), ...errors },
  }),
  async (c) => c.json(await detail(c, tenantDb(c), c.req.valid("param").id), 200),
);

evaluationRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/tenants/{code}/evaluations/{id}/answers",
    tags: TAG,
    summary: "Save answers: the PD's self-assessment (with evidence links) or, in review, the evaluator's scores (with notes)",
    request: { params: idParams, ...jsonBody(saveAnswersSchema) },
    responses: { 200: ok(detailOut), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const { e } = await findEvaluation(db, tenant.id, c.req.valid("param").id);
    if (e.source !== "lke" || e.status === "final") throw new AppError("conflict", "Evaluasi sudah final dan tidak dapat diubah");
    const can = permissions(c, e);
    const side = e.status === "self_assessment" ? "self" : "evaluator";
    if (side === "self" ? !can.selfAssess : !can.score) {
      throw new AppError(
        "forbidden",
        side === "self" ? "Tahap ini penilaian mandiri: hanya operator/kepala perangkat daerah ini yang mengisi" : "Tahap ini reviu: hanya evaluator yang memberi nilai",
      );
    }
    const index = criteriaIndex(parseDefinition(await findTemplate(db, tenant.id, e.templateId)));
    const { answers } = c.req.valid("json");
    const issues = answers.flatMap((a, i) => {
      const type = index.get(a.criterionId);
      if (!type) return [{ path: `answers.${i}.criterionId`, message: "Kriteria tidak ada di LKE tahun ini" }];
      if (a.answer !== null && !(ANSWER_OPTIONS[type] as readonly string[]).includes(a.answer)) {
        return [{ path: `answers.${i}.answer`, message: `Jawaban harus ${ANSWER_OPTIONS[type].join("/")}` }];
      }
      return [];
    });
    if (issues.length) throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", issues);
    const now = Date.now();
    const writes = answers.map((a) => {
      const fields =
        side === "self"
          ? { selfAnswer: a.answer, selfNote: a.note ?? null, evidenceUrl: a.evidenceUrl || null }
          : { evaluatorAnswer: a.answer, evaluatorNote: a.note ?? null };
      return db
        .insert(lkeAnswers)
        .values({ id: crypto.randomUUID(), tenantId: tenant.id, evaluationId: e.id, criterionId: a.criterionId, ...fields, updatedAt: now })
        .onConflictDoUpdate({ target: [lkeAnswers.tenantId, lkeAnswers.evaluationId, lkeAnswers.criterionId], set: { ...fields, updatedAt: now } });
    });
    await db.batch([
      writes[0]!,
      ...writes.slice(1),
      db.update(lkeEvaluations).set({ updatedAt: now }).where(and(eq(lkeEvaluations.tenantId, tenant.id), eq(lkeEvaluations.id, e.id))),
      audit(c, db, { action: "update", entity: "lke_answers", entityId: e.id, after: { side, answers } }),
    ]);
    return c.json(await detail(c, db, e.id), 200);
  },
);

evaluationRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/evaluations/{id}/transition",
    tags: TAG,
    summary: "submit (PD → evaluator), return (evaluator → PD), finalise (evaluator; computes nilai and publishes)",
    request: { params: idParams, ...jsonBody(transitionSchema) },
    responses: { 200: ok(detailOut), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const { e } = await findEvaluation(db, tenant.id, c.req.valid("param").id);
    const { action, note } = c.req.valid("json");
    const can = permissions(c, e);
    const from = { submit: "self_assessment", return: "evaluator_review", finalise: "evaluator_review" } as const;
    if (e.source !== "lke" || e.status !== from[action]) throw new AppError("conflict", "Tindakan ini tidak berlaku pada tahap evaluasi sekarang");
    if (!can[action]) throw new AppError("forbidden", action === "submit" ? "Hanya perangkat daerah ini yang mengirim penilaian mandiri" : "Hanya evaluator yang dapat melakukan ini");
    const definition = parseDefinition(await findTemplate(db, tenant.id, e.templateId));
    const answers = await answersOf(db, tenant.id, e.id);
    const now = Date.now();
    let set: Partial<EvaluationRow>;
    if (action === "submit") {
      const score = scoreSide(definition, answers, "self");
      if (score.missing.length) throw missingError(score.missing);
      set = { status: "evaluator_review" };
    } else if (action === "return") {
      set = { status: "self_assessment" };
    } else {
      const score = scoreSide(definition, answers, "evaluator");
      if (score.missing.length || score.total === null) throw missingError(score.missing);
      set = {
        status: "final",
        componentScores: JSON.stringify(score.components.map((k) => ({ code: k.code, score: k.score! }))),
        total: score.total,
        predikat: predikatSakip(score.total),
        finalisedAt: now,
        finalisedBy: c.get("user")!.id,
      };
    }
    await db.batch([
      db.update(lkeEvaluations).set({ ...set, updatedAt: now }).where(and(eq(lkeEvaluations.tenantId, tenant.id), eq(lkeEvaluations.id, e.id))),
      audit(c, db, { action: "update", entity: "lke_evaluation", entityId: e.id, before: { status: e.status }, after: { ...set, action, note } }),
    ]);
    // The PD's people learn the result in their inbox (control plane), once the result has landed.
    if (action === "finalise") {
      const control = controlDb(c);
      await notifyAfterChange(control, await pdMembers(control, tenant.id, e.pdId, ["agency_admin", "agency_head", "viewer"]), {
        tenantId: tenant.id,
        kind: "evaluation",
        title: `Hasil evaluasi SAKIP ${e.year}: ${set.predikat} (${formatNumber(set.total ?? 0, 2)})`,
        body: `Evaluator telah menetapkan nilai akhir evaluasi SAKIP ${e.year} perangkat daerah Anda.${note ? ` Catatan: ${note}` : ""}`,
        link: `/t/${tenant.code}/evaluasi/${e.id}`,
      });
    }
    if (action === "finalise") await publish(c, e.year);
    return c.json(await detail(c, db, e.id), 200);
  },
);

const missingError = (missing: string[]) =>
  new AppError(
    "conflict",
    `Masih ada ${missing.length} kriteria yang belum dijawab`,
    missing.map((id) => ({ path: `answers.${id}`, message: "Belum dijawab" })),
  );

/** Refreshes the tenant's published aggregates of a year (control plane) after its results changed. */
export async function publish(c: Context<AppEnv>, year: number) {
  const tenant = c.get("tenant");
  const aggregates = await tenantAggregates(tenantDb(c), tenant.id, year);
  const control = controlDb(c);
  const [first, ...rest] = publishStatements(control, tenant.id, year, aggregates);
  await control.batch([first, ...rest, audit(c, control, { action: "update", entity: "published_figures", entityId: String(year), after: aggregates })]);
  return aggregates;
}

// ---------- recommendations ----------

const recParams = idParams.extend({ recId: z.string().max(64) });

evaluationRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/evaluations/{id}/recommendations",
    tags: TAG,
    summary: "Evaluator adds a recommendation for a component, which the PD must follow up",
    middleware: [requireRole("evaluator")] as const,
    request: { params: idParams, ...jsonBody(createRecommendationSchema) },
    responses: { 201: ok(recommendationOut, "Rekomendasi dibuat"), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const { e } = await findEvaluation(db, tenant.id, c.req.valid("param").id);
    if (e.status === "self_assessment") throw new AppError("conflict", "Rekomendasi diberikan setelah penilaian mandiri dikirim");
    const input = c.req.valid("json");
    const definition = parseDefinition(await findTemplate(db, tenant.id, e.templateId));
    if (!definition.components.some((k) => k.code === input.componentCode)) {
      throw new AppError("validation_failed", "Komponen tidak ada di LKE tahun ini", [{ path: "componentCode", message: "Komponen tidak dikenal" }]);
    }
    const now = Date.now();
    const row = { id: crypto.randomUUID(), tenantId: tenant.id, evaluationId: e.id, ...input, status: "open" as const, followUp: null, createdAt: now, updatedAt: now };
    await db.batch([db.insert(lkeRecommendations).values(row), audit(c, db, { action: "create", entity: "lke_recommendation", entityId: row.id, after: input })]);
    return c.json(recommendationToOut(row), 201);
  },
);

evaluationRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/tenants/{code}/evaluations/{id}/recommendations/{recId}",
    tags: TAG,
    summary: "Follow up a recommendation (PD: status and tindak lanjut; evaluator: also the text)",
    request: { params: recParams, ...jsonBody(patchRecommendationSchema) },
    responses: { 200: ok(recommendationOut), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const { id, recId } = c.req.valid("param");
    const { e } = await findEvaluation(db, tenant.id, id);
    const before = await db
      .select()
      .from(lkeRecommendations)
      .where(and(eq(lkeRecommendations.tenantId, tenant.id), eq(lkeRecommendations.evaluationId, e.id), eq(lkeRecommendations.id, recId)))
      .get();
    if (!before) throw notFound("Rekomendasi");
    const patch = c.req.valid("json");
    const evaluator = c.get("grants").some((g) => g.role === "evaluator");
    if (!permissions(c, e).followUp || (patch.text !== undefined && !evaluator)) {
      throw new AppError("forbidden", "Hanya perangkat daerah ini (tindak lanjut) atau evaluator yang dapat mengubah rekomendasi");
    }
    const after = { ...before, ...patch, updatedAt: Date.now() };
    await db.batch([
      db
        .update(lkeRecommendations)
        .set({ ...patch, updatedAt: after.updatedAt })
        .where(and(eq(lkeRecommendations.tenantId, tenant.id), eq(lkeRecommendations.id, before.id))),
      audit(c, db, { action: "update", entity: "lke_recommendation", entityId: before.id, before: recommendationToOut(before), after: recommendationToOut(after) }),
    ]);
    return c.json(recommendationToOut(after), 200);
  },
);
