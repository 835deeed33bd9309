import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { AppEnv } from "../env";
import { tenantDb, type Db } from "../db/client";
import { documents, perangkatDaerah, reportJobs, reportSections } from "../db/schema";
import { AppError, notFound } from "../errors";
import { errors, jsonBody, ok, tenantParams } from "../openapi";
import { canActForPd, requireRole } from "../middleware/tenant";
import { audit } from "../audit";
import { batchIfChanged } from "../db/guarded-batch";
import { renderHtml } from "../reports/html";
import { advance, dropParts, gatherStep, isRenderStep, newJob, readParts, renderStep, versionOf, type JobRow } from "../reports/jobs";
import { gatherPart, layout, type ReportRequest } from "../reports/registry";
import { requestTenantSettings } from "../data/tenant-settings";
import { REPORT_KINDS, REPORT_SECTIONS, reportTargetSchema, sectionSaveSchema, targetIssues, type ReportTarget } from "../../shared/schemas/reports";
import { documentOut } from "../../shared/schemas/documents";

/**
 * Generated documents (issue 9): LKjIP (per PD and pemda-wide), triwulan report, PK document and
 * IKU decree. Texts are written per section with autosave; a document is previewed as HTML and
 * generated in steps into DOCX + HTML files (documents table, DOCUMENTS bucket); listing for all
 * documents, download and publication are in routes/documents.ts.
 */
export const reportRoutes = new OpenAPIHono<AppEnv>();

const TAG = ["laporan"];

/** The tenant as its documents print it: name, code, kind and where it signs (a setting `tenantAccess` has already read). */
async function reportTenant(c: Context<AppEnv>) {
  const { code, name, kind } = c.get("tenant");
  return { code, name, kind, signingPlace: (await requestTenantSettings(c)).signingPlace };
}

export const READERS = ["tenant_admin", "evaluator", "agency_admin", "agency_head"] as const;
export const WRITERS = ["tenant_admin", "agency_admin", "agency_head"] as const;
const jobParams = tenantParams.extend({ jobId: z.string().max(64) });
/** Report HTML is our own rendering of escaped text; still, it may run nothing. */
const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Reading a PD's report: its own operators and head, the pemda admin, evaluators. Pemda-wide: admin and evaluators. */
export function assertReader(c: Context<AppEnv>, pdId: string | undefined) {
  const grants = c.get("grants");
  const allowed = pdId ? canActForPd(grants, [...READERS], pdId) : grants.some((g) => (g.role === "tenant_admin" || g.role === "evaluator") && g.pdId === null);
  if (!allowed) throw new AppError("forbidden", "Anda hanya dapat membuka laporan perangkat daerah yang Anda kelola");
}

/** Writing texts and generating: the PD's operators and head, the pemda admin; pemda-wide: the admin. */
export function assertWriter(c: Context<AppEnv>, pdId: string | null | undefined) {
  const grants = c.get("grants");
  const allowed = pdId ? canActForPd(grants, [...WRITERS], pdId) : grants.some((g) => g.role === "tenant_admin");
  if (!allowed) throw new AppError("forbidden", pdId ? "Anda hanya dapat menyusun laporan perangkat daerah yang Anda kelola" : "Hanya admin pemda yang dapat menyusun LKjIP pemda");
}

function checkTarget(t: Omit<ReportTarget, "period"> & { period?: number }, withPeriod = true) {
  const issues = targetIssues(t, withPeriod);
  if (issues.length) throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", issues);
}

/** The PD named in a body must be one of this tenant's (else a field error, as for any bad reference). */
async function assertPd(db: Db, tenantId: string, pdId: string | undefined) {
  if (!pdId) return;
  const pd = await db.select({ id: perangkatDaerah.id }).from(perangkatDaerah).where(and(eq(perangkatDaerah.tenantId, tenantId), eq(perangkatDaerah.id, pdId))).get();
  if (!pd) throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", [{ path: "pdId", message: "Perangkat daerah tidak ditemukan" }]);
}

const requestOf = (t: ReportTarget): ReportRequest => ({ kind: t.kind, pdId: t.pdId ?? null, year: t.year, period: t.kind === "triwulan" ? (t.period ?? null) : null });

// ---- section texts ----

const sectionOut = z.object({ key: z.string(), label: z.string(), hint: z.string(), body: z.string(), version: z.number(), updatedAt: z.number().nullable() });

reportRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/laporan/sections",
    tags: TAG,
    summary: "The text sections of a report (LKjIP chapters, triwulan analysis, IKU considerations) with what has been written",
    middleware: [requireRole(...READERS)] as const,
    request: { params: tenantParams, query: reportTargetSchema.omit({ period: true }) },
    responses: { 200: ok(z.object({ items: z.array(sectionOut) })), ...errors },
  }),
  async (c) => {
    const q = c.req.valid("query");
    checkTarget(q, false);
    assertReader(c, q.pdId);
    const tenant = c.get("tenant");
    const rows = await tenantDb(c)
      .select()
      .from(reportSections)
      .where(and(eq(reportSections.tenantId, tenant.id), eq(reportSections.kind, q.kind), eq(reportSections.pdId, q.pdId ?? ""), eq(reportSections.year, q.year)))
      .all();
    const items = REPORT_SECTIONS[q.kind].map((s) => {
      const row = rows.find((r) => r.section === s.key);
      return { ...s, body: row?.body ?? "", version: row?.version ?? 0, updatedAt: row?.updatedAt ?? null };
    });
    return c.json({ items }, 200);
  },
);

reportRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/laporan/sections",
    tags: TAG,
    summary: "Save one text section (autosave); `version` is the one the edit started from, a stale save answers 409",
    middleware: [requireRole(...WRITERS)] as const,
    request: { params: tenantParams, ...jsonBody(sectionSaveSchema) },
    responses: { 200: ok(z.object({ section: z.string(), version: z.number(), updatedAt: z.number() })), ...errors },
  }),
  async (c) => {
    const input = c.req.valid("json");
    checkTarget(input, false);
    if (!REPORT_SECTIONS[input.kind].some((s) => s.key === input.section)) {
      throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", [{ path: "section", message: "Bagian laporan tidak dikenal" }]);
    }
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    await assertPd(db, tenant.id, input.pdId);
    assertWriter(c, input.pdId);
    const now = Date.now();
    const userId = c.get("user")?.id ?? null;
    const key = and(eq(reportSections.tenantId, tenant.id), eq(reportSections.kind, input.kind), eq(reportSections.pdId, input.pdId ?? ""), eq(reportSections.year, input.year), eq(reportSections.section, input.section));
    const before = input.version ? await db.select().from(reportSections).where(key).get() : undefined;
    const version = input.version + 1;
    const guarded =
      input.version === 0
        ? db
            .insert(reportSections)
            .values({ id: crypto.randomUUID(), tenantId: tenant.id, kind: input.kind, pdId: input.pdId ?? "", year: input.year, section: input.section, body: input.body, version, updatedBy: userId, updatedAt: now })
            .onConflictDoNothing()
        : db.update(reportSections).set({ body: input.body, version, updatedBy: userId, updatedAt: now }).where(and(key, eq(reportSections.version, input.version)));
    const saved = await batchIfChanged(db, guarded, [
      audit(c, db, {
        action: input.version === 0 ? "create" : "update",
        entity: "report_section",
        entityId: `${input.kind}:${input.pdId ?? "pemda"}:${input.year}:${input.section}`,
        before: before ? { body: before.body, version: before.version } : undefined,
        after: { body: input.body, version },
      }),
    ]);
    if (!saved) throw new AppError("conflict", "Teks bagian ini baru saja diubah di tempat lain; muat ulang untuk melihat versi terbaru");
    return c.json({ section: input.section, version, updatedAt: now }, 200);
  },
);

// ---- preview ----

reportRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/laporan/preview",
    tags: TAG,
    summary: "Print-ready HTML of a PD's report from the current data (the pemda-wide LKjIP is built in steps: POST /laporan/jobs)",
    middleware: [requireRole(...READERS)] as const,
    request: { params: tenantParams, query: reportTargetSchema },
    responses: { 200: { description: "HTML", content: { "text/html": { schema: z.string() } } }, ...errors },
  }),
  async (c) => {
    const q = c.req.valid("query");
    checkTarget(q);
    if (!q.pdId) throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", [{ path: "pdId", message: "Pratinjau LKjIP pemda dibuat lewat tombol Buat dokumen (bertahap per perangkat daerah)" }]);
    assertReader(c, q.pdId);
    const tenant = c.get("tenant");
    const r = requestOf(q);
    const part = await gatherPart(tenantDb(c), tenant.id, r, q.pdId);
    c.header("content-security-policy", HTML_CSP);
    return c.html(renderHtml(layout(r, await reportTenant(c), [part], {})), 200) as never;
  },
);

// ---- generation jobs ----

const jobOut = z.object({
  id: z.string(),
  purpose: z.enum(["generate", "check"]),
  kind: z.enum(REPORT_KINDS),
  pdId: z.string().nullable(),
  year: z.number(),
  period: z.number().nullable(),
  step: z.number(),
  total: z.number(),
  status: z.enum(["running", "done"]),
  documentIds: z.array(z.string()),
  /** When done: the data version of the generated files, or (check) of the current data. */
  dataVersion: z.string().nullable(),
});
const toJobOut = (j: JobRow) => ({
  id: j.id,
  purpose: j.purpose,
  kind: j.kind,
  pdId: j.pdId,
  year: j.year,
  period: j.period,
  step: j.step,
  total: j.total,
  status: j.status,
  documentIds: j.documentIds ? (JSON.parse(j.documentIds) as string[]) : [],
  dataVersion: j.dataVersion,
});

async function findJob(db: Db, tenantId: string, id: string) {
  const row = await db.select().from(reportJobs).where(and(eq(reportJobs.tenantId, tenantId), eq(reportJobs.id, id))).get();
  if (!row) throw notFound("Proses pembuatan laporan");
  return row;
}

reportRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/laporan/jobs",
    tags: TAG,
    summary: "Start generating a document (or, purpose check, computing its current data version); then call /step until status is done",
    middleware: [requireRole(...WRITERS)] as const,
    request: { params: tenantParams, ...jsonBody(reportTargetSchema.extend({ purpose: z.enum(["generate", "check"]).default("generate") })) },
    responses: { 201: ok(jobOut, "Dimulai"), ...errors },
  }),
  async (c) => {
    const input = c.req.valid("json");
    checkTarget(input);
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    await assertPd(db, tenant.id, input.pdId);
    assertWriter(c, input.pdId);
    const pdIds = input.pdId
      ? [input.pdId]
      : (await db.select({ id: perangkatDaerah.id }).from(perangkatDaerah).where(and(eq(perangkatDaerah.tenantId, tenant.id), eq(perangkatDaerah.active, true))).orderBy(asc(perangkatDaerah.code)).all()).map((p) => p.id);
    if (!pdIds.length) throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", [{ path: "pdId", message: "Pemda ini belum memiliki perangkat daerah aktif" }]);
    const job = newJob(tenant.id, c.get("user")?.id ?? null, requestOf(input), pdIds, input.purpose);
    await db.insert(reportJobs).values(job);
    return c.json(toJobOut(job), 201);
  },
);

reportRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/laporan/jobs/{jobId}",
    tags: TAG,
    summary: "Progress of a generation (step of total)",
    middleware: [requireRole(...WRITERS)] as const,
    request: { params: jobParams },
    responses: { 200: ok(jobOut), ...errors },
  }),
  async (c) => {
    const job = await findJob(tenantDb(c), c.get("tenant").id, c.req.valid("param").jobId);
    assertWriter(c, job.pdId);
    return c.json(toJobOut(job), 200);
  },
);

reportRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/laporan/jobs/{jobId}/step",
    tags: TAG,
    summary: "Run the next step of a generation: gather one PD's data, or (last step) render and store the DOCX and HTML",
    middleware: [requireRole(...WRITERS)] as const,
    request: { params: jobParams },
    responses: { 200: ok(jobOut), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const job = await findJob(db, tenant.id, c.req.valid("param").jobId);
    assertWriter(c, job.pdId);
    if (job.status !== "running") return c.json(toJobOut(job), 200);
    const bucket = c.env.DOCUMENTS;
    if (!isRenderStep(job)) {
      await gatherStep(db, bucket, job);
      if (!(await batchIfChanged(db, advance(db, job, { step: job.step + 1 }), []))) throw new AppError("conflict", "Langkah ini sudah dijalankan; muat ulang progres");
      return c.json(toJobOut({ ...job, step: job.step + 1 }), 200);
    }
    if (job.purpose === "check") {
      const checked = { step: job.step + 1, status: "done" as const, dataVersion: (await readParts(db, bucket, job)).version };
      if (!(await batchIfChanged(db, advance(db, job, checked), []))) throw new AppError("conflict", "Pemeriksaan ini sudah selesai; muat ulang progres");
      await dropParts(bucket, job);
      return c.json(toJobOut({ ...job, ...checked }), 200);
    }
    const userId = c.get("user")?.id ?? null;
    const { rows, inserts, version } = await renderStep(db, bucket, await reportTenant(c), job, userId);
    const documentIds = rows.map((r) => r.id);
    const done = { step: job.step + 1, status: "done" as const, documentIds: JSON.stringify(documentIds), dataVersion: version };
    const stored = await batchIfChanged(db, advance(db, job, done), [
      ...inserts,
      audit(c, db, { action: "create", entity: "document", entityId: documentIds[0], after: { kind: job.kind, pdId: job.pdId, year: job.year, period: job.period, dataVersion: version, files: rows.map((r) => r.filename) } }),
    ]);
    if (!stored) throw new AppError("conflict", "Dokumen ini baru saja dibuat oleh proses lain; muat ulang daftar dokumen");
    await dropParts(bucket, job);
    return c.json(toJobOut({ ...job, ...done }), 200);
  },
);

// ---- generated documents ----

const generatedDocumentOut = documentOut
  .pick({ id: true, kind: true, pdId: true, year: true, period: true, title: true, format: true, filename: true, sizeBytes: true, dataVersion: true, createdAt: true, publishedAt: true })
  .extend({
    /** True when the data changed since generation; null when not checked here (the pemda-wide LKjIP: run a check job). */
    stale: z.boolean().nullable(),
  });

reportRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/laporan/documents",
    tags: TAG,
    summary: "Generated files of one report (newest first), each marked stale when the data changed since it was generated",
    middleware: [requireRole(...READERS)] as const,
    request: { params: tenantParams, query: reportTargetSchema },
    responses: { 200: ok(z.object({ currentVersion: z.string().nullable(), items: z.array(generatedDocumentOut) })), ...errors },
  }),
  async (c) => {
    const q = c.req.valid("query");
    checkTarget(q);
    assertReader(c, q.pdId);
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const r = requestOf(q);
    const rows = await db
      .select()
      .from(documents)
      .where(
        and(
          eq(documents.tenantId, tenant.id),
          eq(documents.kind, r.kind),
          eq(documents.year, r.year),
          eq(documents.source, "generated"),
          r.pdId ? eq(documents.pdId, r.pdId) : isNull(documents.pdId),
          r.period ? eq(documents.period, `TW${r.period}`) : undefined,
        ),
      )
      .orderBy(desc(documents.createdAt))
      .limit(50)
      .all();
    // A PD's current data version costs one gathering; the pemda-wide one would cost one per PD.
    const currentVersion = r.pdId && rows.length ? await versionOf(r, [await gatherPart(db, tenant.id, r, r.pdId)], {}) : null;
    const items = rows.map((d) => ({
      id: d.id,
      kind: d.kind,
      pdId: d.pdId,
      year: d.year,
      period: d.period,
      title: d.title,
      format: d.format,
      filename: d.filename,
      sizeBytes: d.sizeBytes,
      dataVersion: d.dataVersion,
      createdAt: d.createdAt,
      publishedAt: d.publishedAt,
      stale: currentVersion ? d.dataVersion !== currentVersion : null,
    }));
    return c.json({ currentVersion, items }, 200);
  },
);
