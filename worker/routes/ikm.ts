import { contentDisposition } from "../http/content-disposition";
import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { and, asc, count, desc, eq, gt, inArray, isNotNull, type SQL } from "drizzle-orm";
import ExcelJS from "exceljs";
import { z } from "zod";
import type { AppEnv } from "../env";
import { readCache } from "../cache/read-cache";
import { tenantDb, type Db } from "../db/client";
import { ikmPeriods, ikmResponses, ikmSurveyVersions, unitLayanan } from "../db/schema";
import { AppError, notFound } from "../errors";
import { errors, jsonBody, ok, tenantParams } from "../openapi";
import { canActForPd, requireRole } from "../middleware/tenant";
import { audit } from "../audit";
import { requestTenantSettings } from "../data/tenant-settings";
import {
  addInto,
  currentSurvey,
  emptyTallies,
  periodOut,
  recount,
  resolveScope,
  resultsData,
  summarize,
  tenantPeriods,
  unitsWithPd,
  unitTallies,
  type IkmSummary,
  type PeriodRow,
} from "../data/ikm";
import { forgetPublicSurvey } from "../intake/public-unit";
import { IKM_UNSUR, sampleSizeKrejcieMorgan, sampleSizeSlovin, type IkmWeightMode } from "../../shared/formulas/ikm";
import { ikmPeriodDates, ikmPeriodInputSchema, ikmPeriodLabel, ikmPeriodPatchSchema, ikmSurveyDefinitionSchema, IKM_PERIOD_KINDS } from "../../shared/schemas/ikm";

export const ikmRoutes = new OpenAPIHono<AppEnv>();

// ---------------- Survey definition (versions) ----------------

const definitionOut = z.object({
  unsur: z.array(z.object({ question: z.string(), labels: z.array(z.string()) })),
  extraQuestions: z.array(z.object({ id: z.string(), question: z.string(), options: z.array(z.string()) })),
});
const surveyOut = z.object({
  version: z.number(),
  definition: definitionOut,
  versions: z.array(z.object({ version: z.number(), createdAt: z.string() })),
});

async function surveyState(db: Db, tenantId: string) {
  const [current, versions] = await Promise.all([
    currentSurvey(db, tenantId),
    db.select({ version: ikmSurveyVersions.version, createdAt: ikmSurveyVersions.createdAt }).from(ikmSurveyVersions).where(eq(ikmSurveyVersions.tenantId, tenantId)).orderBy(desc(ikmSurveyVersions.version)).all(),
  ]);
  return { ...current, versions: versions.map((v) => ({ version: v.version, createdAt: new Date(v.createdAt).toISOString() })) };
}

ikmRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/ikm/survey",
    tags: ["ikm"],
    summary: "The survey form in force (version 0 = PermenPANRB default) and earlier versions",
    request: { params: tenantParams },
    responses: { 200: ok(surveyOut), ...errors },
  }),
  async (c) => c.json(await surveyState(tenantDb(c), c.get("tenant").id), 200),
);

ikmRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/ikm/survey",
    tags: ["ikm"],
    summary: "Save a new version of the survey wording (earlier responses keep their version)",
    middleware: [requireRole("tenant_admin")] as const,
    request: { params: tenantParams, ...jsonBody(ikmSurveyDefinitionSchema) },
    responses: { 201: ok(surveyOut, "Versi baru disimpan"), ...errors },
  }),
  async (c) => {
    const tenantId = c.get("tenant").id;
    const db = tenantDb(c);
    const definition = c.req.valid("json");
    const { version } = await currentSurvey(db, tenantId);
    const row = { id: crypto.randomUUID(), tenantId, version: version + 1, definition: JSON.stringify(definition), createdBy: c.get("user")?.id ?? null, createdAt: Date.now() };
    try {
      await db.batch([db.insert(ikmSurveyVersions).values(row), audit(c, db, { action: "create", entity: "ikm_survey_version", entityId: row.id, after: { version: row.version } })]);
    } catch {
      throw new AppError("conflict", "Kuesioner baru saja diubah orang lain. Muat ulang lalu simpan kembali.");
    }
    forgetPublicSurvey(tenantId);
    return c.json(await surveyState(db, tenantId), 201);
  },
);

// ---------------- Periods ----------------

const periodSchema = z.object({
  id: z.string(),
  kind: z.enum(IKM_PERIOD_KINDS),
  year: z.number(),
  number: z.number(),
  label: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(["open", "closed"]),
});
const toPeriod = (p: PeriodRow) => {
  const { tenantId: _t, createdAt: _c, updatedAt: _u, ...rest } = periodOut(p);
  return rest;
};

ikmRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/ikm/periods",
    tags: ["ikm"],
    summary: "Survey periods of this tenant, oldest first",
    request: { params: tenantParams },
    responses: { 200: ok(z.object({ items: z.array(periodSchema) })), ...errors },
  }),
  async (c) => c.json({ items: (await tenantPeriods(tenantDb(c), c.get("tenant").id)).map(toPeriod) }, 200),
);

ikmRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/ikm/periods",
    tags: ["ikm"],
    summary: "Open a survey period (triwulan, semester or year); periods may not overlap",
    middleware: [requireRole("tenant_admin")] as const,
    request: { params: tenantParams, ...jsonBody(ikmPeriodInputSchema) },
    responses: { 201: ok(periodSchema, "Periode dibuka"), ...errors },
  }),
  async (c) => {
    const tenantId = c.get("tenant").id;
    const db = tenantDb(c);
    const input = c.req.valid("json");
    const dates = ikmPeriodDates(input.kind, input.year, input.number);
    const clash = (await tenantPeriods(db, tenantId)).find((p) => p.startsOn <= dates.endsOn && p.endsOn >= dates.startsOn);
    if (clash) throw new AppError("conflict", `Bertumpang tindih dengan ${ikmPeriodLabel(clash)}: setiap tanggal hanya milik satu periode`);
    const now = Date.now();
    const row: PeriodRow = { id: crypto.randomUUID(), tenantId, ...input, ...dates, status: "open", createdAt: now, updatedAt: now };
    await db.batch([db.insert(ikmPeriods).values(row), audit(c, db, { action: "create", entity: "ikm_period", entityId: row.id, after: toPeriod(row) })]);
    return c.json(toPeriod(row), 201);
  },
);

ikmRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/tenants/{code}/ikm/periods/{id}",
    tags: ["ikm"],
    summary: "Close or reopen a survey period",
    middleware: [requireRole("tenant_admin")] as const,
    request: { params: tenantParams.extend({ id: z.string().max(64) }), ...jsonBody(ikmPeriodPatchSchema) },
    responses: { 200: ok(periodSchema), ...errors },
  }),
  async (c) => {
    const tenantId = c.get("tenant").id;
    const db = tenantDb(c);
    const before = await findPeriod(db, tenantId, c.req.valid("param").id);
    const after = { ...before, ...c.req.valid("json"), updatedAt: Date.now() };
    await db.batch([
      db.update(ikmPeriods).set({ status: after.status, updatedAt: after.updatedAt }).where(and(eq(ikmPeriods.tenantId, tenantId), eq(ikmPeriods.id, before.id))),
      audit(c, db, { action: "update", entity: "ikm_period", entityId: before.id, before: toPeriod(before), after: toPeriod(after) }),
    ]);
    return c.json(toPeriod(after), 200);
  },
);

async function findPeriod(db: Db, tenantId: string, id: string) {
  const row = await db.select().from(ikmPeriods).where(and(eq(ikmPeriods.tenantId, tenantId), eq(ikmPeriods.id, id))).get();
  if (!row) throw notFound("Periode survei");
  return row;
}

// ---------------- Results ----------------

const scopeQuery = z.object({
  periodId: z.string().max(64).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
type Scope = { periods: PeriodRow[]; all: PeriodRow[]; label: string; year: number | null };

/** One period, or every period of a year (default: the latest year that has periods). */
async function readScope(db: Db, tenantId: string, q: z.infer<typeof scopeQuery>): Promise<Scope> {
  return resolveScope(await tenantPeriods(db, tenantId), q);
}

const mutuSchema = z.object({ code: z.string(), label: z.string() }).nullable();
const summarySchema = z.object({ responses: z.number(), nrr: z.array(z.number().nullable()), ikm: z.number().nullable(), mutu: mutuSchema, weakest: z.string().nullable() });
const sampleSchema = z.object({ population: z.number(), krejcieMorgan: z.number(), slovin: z.number(), adequate: z.boolean() }).nullable();

function sample(populations: string, year: number | null, responses: number) {
  const population = year === null ? undefined : (JSON.parse(populations) as Record<string, number>)[String(year)];
  if (!population) return null;
  const krejcieMorgan = sampleSizeKrejcieMorgan(population);
  // PermenPANRB 14/2017 reads the Krejcie–Morgan table; Slovin (e = 5 %) is shown beside it.
  return { population, krejcieMorgan, slovin: sampleSizeSlovin(population, 0.05), adequate: responses >= krejcieMorgan };
}

const countList = z.array(z.object({ value: z.string(), n: z.number() }));
const respondentsSchema = z.object({ gender: countList, ageBand: countList, education: countList, occupation: countList, service: countList });
const trendSchema = z.array(z.object({ periodId: z.string(), label: z.string(), responses: z.number(), ikm: z.number().nullable(), mutu: z.object({ code: z.string(), label: z.string() }).nullable() }));
function trend(periods: PeriodRow[], byPeriod: Map<string, ReturnType<typeof emptyTallies>>, mode: IkmWeightMode) {
  return periods
    .filter((p) => byPeriod.has(p.id))
    .map((p) => {
      const s: IkmSummary = summarize(byPeriod.get(p.id)!, mode);
      return { periodId: p.id, label: ikmPeriodLabel(p), responses: s.responses, ikm: s.ikm, mutu: s.mutu };
    });
}

const weightMode = async (c: Context<AppEnv>): Promise<IkmWeightMode> => (await requestTenantSettings(c)).ikmWeightMode;

ikmRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/ikm/results",
    tags: ["ikm"],
    summary: "IKM per unit layanan, per perangkat daerah and for the tenant, for one period or a year (from tallies)",
    request: { params: tenantParams, query: scopeQuery },
    middleware: [readCache] as const,
    responses: {
      200: ok(
        z.object({
          scope: z.object({ label: z.string(), year: z.number().nullable(), periodIds: z.array(z.string()) }),
          weightMode: z.string(),
          unsur: z.array(z.object({ code: z.string(), name: z.string() })),
          tenant: summarySchema,
          trend: trendSchema,
          respondents: respondentsSchema,
          pds: z.array(z.object({ pdId: z.string(), pdName: z.string(), units: z.number(), summary: summarySchema })),
          units: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string(), pdId: z.string(), pdName: z.string(), active: z.boolean(), summary: summarySchema, sample: sampleSchema })),
        }),
      ),
      ...errors,
    },
  }),
  async (c) => {
    const tenantId = c.get("tenant").id;
    const db = tenantDb(c);
    const [{ all, byUnit, units, byPeriod, respondents }, mode] = await Promise.all([resultsData(db, tenantId, c.req.valid("query")), weightMode(c)]);
    const scope = resolveScope(all, c.req.valid("query"));
    const tenantTotal = emptyTallies();
    const pdTotals = new Map<string, { pdName: string; units: number; tallies: ReturnType<typeof emptyTallies> }>();
    const unitRows = units.map(({ unit, pdName }) => {
      const t = byUnit.get(unit.id) ?? emptyTallies();
      addInto(tenantTotal, t);
      const pd = pdTotals.get(unit.pdId) ?? { pdName, units: 0, tallies: emptyTallies() };
      pd.units += 1;
      addInto(pd.tallies, t);
      pdTotals.set(unit.pdId, pd);
      const summary = summarize(t, mode);
      return { id: unit.id, slug: unit.slug, name: unit.name, pdId: unit.pdId, pdName, active: unit.active, summary, sample: sample(unit.populations, scope.year, summary.responses) };
    });
    return c.json(
      {
        scope: { label: scope.label, year: scope.year, periodIds: scope.periods.map((p) => p.id) },
        weightMode: mode,
        unsur: IKM_UNSUR.map((u) => ({ ...u })),
        tenant: summarize(tenantTotal, mode),
        trend: trend(scope.all, byPeriod, mode),
        respondents,
        pds: [...pdTotals].map(([pdId, pd]) => ({ pdId, pdName: pd.pdName, units: pd.units, summary: summarize(pd.tallies, mode) })),
        units: unitRows,
      },
      200,
    );
  },
);


ikmRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/ikm/results/units/{id}",
    tags: ["ikm"],
    summary: "One unit's NRR per unsur, IKM, mutu, respondents, sample adequacy and trend across periods",
    request: { params: tenantParams.extend({ id: z.string().max(64) }), query: scopeQuery },
    middleware: [readCache] as const,
    responses: {
      200: ok(
        z.object({
          unit: z.object({ id: z.string(), name: z.string(), slug: z.string(), pdId: z.string() }),
          scope: z.object({ label: z.string(), year: z.number().nullable() }),
          weightMode: z.string(),
          summary: summarySchema,
          unsur: z.array(z.object({ code: z.string(), name: z.string(), counts: z.array(z.number()), nrr: z.number().nullable() })),
          respondents: respondentsSchema,
          sample: sampleSchema,
          trend: trendSchema,
        }),
      ),
      ...errors,
    },
  }),
  async (c) => {
    const tenantId = c.get("tenant").id;
    const db = tenantDb(c);
    const [{ all, unit, byUnit, byPeriod, respondents }, mode] = await Promise.all([resultsData(db, tenantId, c.req.valid("query"), c.req.valid("param").id), weightMode(c)]);
    if (!unit) throw notFound("Unit layanan");
    const scope = resolveScope(all, c.req.valid("query"));
    const t = byUnit.get(unit.id) ?? emptyTallies();
    const summary = summarize(t, mode);
    return c.json(
      {
        unit: { id: unit.id, name: unit.name, slug: unit.slug, pdId: unit.pdId },
        scope: { label: scope.label, year: scope.year },
        weightMode: mode,
        summary,
        unsur: IKM_UNSUR.map((u, i) => ({ ...u, counts: [...t[i]!], nrr: summary.nrr[i] ?? null })),
        respondents,
        sample: sample(unit.populations, scope.year, summary.responses),
        trend: trend(scope.all, byPeriod, mode),
      },
      200,
    );
  },
);

// ---------------- Saran (free text) and moderation ----------------

ikmRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/ikm/saran",
    tags: ["ikm"],
    summary: "Citizens' saran, newest first (hidden ones included for moderators, flagged)",
    request: {
      params: tenantParams,
      query: z.object({
        unitId: z.string().max(64).optional(),
        periodId: z.string().max(64).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
    },
    responses: {
      200: ok(z.object({ items: z.array(z.object({ id: z.string(), unitId: z.string(), unitName: z.string(), saran: z.string(), hidden: z.boolean(), submittedOn: z.string() })), total: z.number() })),
      ...errors,
    },
  }),
  async (c) => {
    const tenantId = c.get("tenant").id;
    const { unitId, periodId, limit, offset } = c.req.valid("query");
    const filters: SQL[] = [eq(ikmResponses.tenantId, tenantId), isNotNull(ikmResponses.saran)];
    if (unitId) filters.push(eq(ikmResponses.unitId, unitId));
    if (periodId) filters.push(eq(ikmResponses.periodId, periodId));
    const db = tenantDb(c);
    const [rows, total] = await db.batch([
      db
        .select({ r: ikmResponses, unitName: unitLayanan.name })
        .from(ikmResponses)
        .innerJoin(unitLayanan, eq(unitLayanan.id, ikmResponses.unitId))
        .where(and(...filters))
        .orderBy(desc(ikmResponses.submittedAt))
        .limit(limit)
        .offset(offset),
      db.select({ n: count() }).from(ikmResponses).where(and(...filters)),
    ]);
    return c.json(
      { items: rows.map(({ r, unitName }) => ({ id: r.id, unitId: r.unitId, unitName, saran: r.saran!, hidden: r.saranHidden, submittedOn: r.submittedOn })), total: total[0]?.n ?? 0 },
      200,
    );
  },
);

ikmRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/tenants/{code}/ikm/saran/{id}",
    tags: ["ikm"],
    summary: "Hide (or show again) an abusive saran; the answers still count",
    request: { params: tenantParams.extend({ id: z.string().max(64) }), ...jsonBody(z.object({ hidden: z.boolean() })) },
    responses: { 200: ok(z.object({ id: z.string(), hidden: z.boolean() })), ...errors },
  }),
  async (c) => {
    const tenantId = c.get("tenant").id;
    const db = tenantDb(c);
    const id = c.req.valid("param").id;
    const row = await db
      .select({ id: ikmResponses.id, hidden: ikmResponses.saranHidden, pdId: unitLayanan.pdId })
      .from(ikmResponses)
      .innerJoin(unitLayanan, eq(unitLayanan.id, ikmResponses.unitId))
      .where(and(eq(ikmResponses.tenantId, tenantId), eq(ikmResponses.id, id), isNotNull(ikmResponses.saran)))
      .get();
    if (!row) throw notFound("Saran");
    if (!canActForPd(c.get("grants"), ["tenant_admin", "agency_admin"], row.pdId)) throw new AppError("forbidden", "Peran Anda tidak mengizinkan memoderasi saran unit ini");
    const { hidden } = c.req.valid("json");
    await db.batch([
      db.update(ikmResponses).set({ saranHidden: hidden }).where(and(eq(ikmResponses.tenantId, tenantId), eq(ikmResponses.id, id))),
      audit(c, db, { action: "update", entity: "ikm_saran", entityId: id, before: { hidden: row.hidden }, after: { hidden } }),
    ]);
    return c.json({ id, hidden }, 200);
  },
);

// ---------------- Recount tallies from raw responses ----------------

ikmRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/ikm/periods/{id}/recount",
    tags: ["ikm"],
    summary: "Recount a period's tallies from the raw responses; reports and repairs any difference",
    middleware: [requireRole("tenant_admin")] as const,
    request: { params: tenantParams.extend({ id: z.string().max(64) }) },
    responses: {
      200: ok(
        z.object({
          responses: z.number(),
          differences: z.array(z.object({ unitId: z.string(), unsur: z.string(), stored: z.array(z.number()), counted: z.array(z.number()) })),
          respondentsDiffered: z.boolean(),
          repaired: z.boolean(),
        }),
      ),
      ...errors,
    },
  }),
  async (c) => {
    const tenantId = c.get("tenant").id;
    const db = tenantDb(c);
    const period = await findPeriod(db, tenantId, c.req.valid("param").id);
    const result = await recount(db, tenantId, period.id);
    const repaired = result.diffs.length > 0 || result.respondentsDiffer;
    if (repaired) {
      await db.batch([
        audit(c, db, { action: "update", entity: "ikm_tallies", entityId: period.id, after: { differences: result.diffs.length, respondentsDiffered: result.respondentsDiffer } }),
        ...result.rewrite,
      ]);
    }
    return c.json(
      {
        responses: result.responses,
        differences: result.diffs.map((d) => ({ unitId: d.unitId, unsur: `U${d.unsur}`, stored: d.stored, counted: d.counted })),
        respondentsDiffered: result.respondentsDiffer,
        repaired,
      },
      200,
    );
  },
);

// ---------------- Exports ----------------

const exportQuery = scopeQuery.extend({ unitId: z.string().max(64).optional(), format: z.enum(["csv", "xlsx"]).default("csv") });
const fileResponse = { description: "Berkas CSV atau XLSX", content: { "text/csv": { schema: z.string() }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string() } } };
const XLSX_MAX_ROWS = 50_000;
const RESPONSE_HEADER = ["Tanggal", "Perangkat daerah", "Unit layanan", "Periode", "Versi kuesioner", ...IKM_UNSUR.map((u) => u.code), "Jenis kelamin", "Usia", "Pendidikan", "Pekerjaan", "Jenis layanan", "Saran", "Saran disembunyikan"];

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  // Leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const csvLine = (cells: unknown[]) => cells.map(csvCell).join(",") + "\r\n";
const fileName = (base: string, scope: Scope, ext: string) => `${base}-${scope.label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.${ext}`;

ikmRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/ikm/export/responses",
    tags: ["ikm"],
    summary: "Raw responses of a period or year (optionally one unit) as CSV (streamed) or XLSX",
    request: { params: tenantParams, query: exportQuery },
    responses: { 200: fileResponse, ...errors },
  }),
  async (c) => {
    const tenantId = c.get("tenant").id;
    const db = tenantDb(c);
    const q = c.req.valid("query");
    const scope = await readScope(db, tenantId, q);
    const units = new Map((await unitsWithPd(db, tenantId)).map((u) => [u.unit.id, u]));
    if (q.unitId && !units.has(q.unitId)) throw notFound("Unit layanan");
    const labels = new Map(scope.periods.map((p) => [p.id, ikmPeriodLabel(p)]));
    const base = [eq(ikmResponses.tenantId, tenantId), inArray(ikmResponses.periodId, [...labels.keys(), ""]), ...(q.unitId ? [eq(ikmResponses.unitId, q.unitId)] : [])];
    const toCells = (r: typeof ikmResponses.$inferSelect) => {
      const u = units.get(r.unitId);
      return [r.submittedOn, u?.pdName, u?.unit.name, labels.get(r.periodId), r.surveyVersion, ...[...r.answers].map(Number), r.gender, r.age, r.education, r.occupation, r.service, r.saran, r.saranHidden ? "ya" : ""];
    };
    // Keyset pages by id, so a large period never sits in memory at once.
    async function* pages() {
      let after = "";
      for (;;) {
        const rows = await db.select().from(ikmResponses).where(and(...base, gt(ikmResponses.id, after))).orderBy(asc(ikmResponses.id)).limit(2000).all();
        if (!rows.length) return;
        yield rows;
        after = rows.at(-1)!.id;
      }
    }
    if (q.format === "xlsx") {
      const n = (await db.select({ n: count() }).from(ikmResponses).where(and(...base)).get())?.n ?? 0;
      if (n > XLSX_MAX_ROWS) throw new AppError("payload_too_large", `Terlalu banyak baris untuk XLSX (${n}). Pilih satu unit atau unduh CSV.`);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Responden");
      ws.addRow(RESPONSE_HEADER).font = { bold: true };
      for await (const rows of pages()) for (const r of rows) ws.addRow(toCells(r));
      const buf = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
      return c.body(buf, 200, {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": contentDisposition(fileName("responden-ikm", scope, "xlsx")),
      });
    }
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(encoder.encode("\uFEFF" + csvLine(RESPONSE_HEADER)));
        for await (const rows of pages()) controller.enqueue(encoder.encode(rows.map((r) => csvLine(toCells(r))).join("")));
        controller.close();
      },
    });
    return c.body(stream, 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": contentDisposition(fileName("responden-ikm", scope, "csv")) });
  },
);

ikmRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/ikm/export/report",
    tags: ["ikm"],
    summary: "The official IKM table (NRR per unsur, NRR tertimbang, IKM, mutu) per unit layanan, CSV or XLSX",
    request: { params: tenantParams, query: exportQuery },
    responses: { 200: fileResponse, ...errors },
  }),
  async (c) => {
    const tenantId = c.get("tenant").id;
    const db = tenantDb(c);
    const q = c.req.valid("query");
    const scope = await readScope(db, tenantId, q);
    const [byUnit, units, mode] = await Promise.all([unitTallies(db, tenantId, scope.periods.map((p) => p.id)), unitsWithPd(db, tenantId), weightMode(c)]);
    const chosen = units.filter((u) => !q.unitId || u.unit.id === q.unitId);
    if (q.unitId && !chosen.length) throw notFound("Unit layanan");
    const weight = mode === "exact" ? 1 / 9 : 0.111;
    const header = ["No", "Perangkat daerah", "Unit layanan", "Jumlah responden", ...IKM_UNSUR.map((u) => `NRR ${u.code}`), "Σ NRR tertimbang", "IKM", "Mutu", "Kinerja unit"];
    const rows = chosen.map(({ unit, pdName }, i) => {
      const s = summarize(byUnit.get(unit.id) ?? emptyTallies(), mode);
      const weighted = s.nrr.every((v) => v !== null) ? s.nrr.reduce((a, v) => a + v! * weight, 0) : null;
      const r3 = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);
      return [i + 1, pdName, unit.name, s.responses, ...s.nrr.map(r3), r3(weighted), s.ikm === null ? null : Math.round(s.ikm * 100) / 100, s.mutu?.code ?? null, s.mutu?.label ?? null];
    });
    const title = `Indeks Kepuasan Masyarakat ${c.get("tenant").name} — ${scope.label} (bobot ${mode === "exact" ? "1/9" : "0,111"})`;
    if (q.format === "xlsx") {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Rekap IKM");
      ws.addRow([title]).font = { bold: true, size: 13 };
      ws.addRow(header).font = { bold: true };
      for (const r of rows) ws.addRow(r);
      ws.columns.forEach((col, i) => (col.width = i === 1 || i === 2 ? 40 : 12));
      const buf = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
      return c.body(buf, 200, {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": contentDisposition(fileName("laporan-ikm", scope, "xlsx")),
      });
    }
    const text = "\uFEFF" + csvLine([title]) + csvLine(header) + rows.map(csvLine).join("");
    return c.body(text, 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": contentDisposition(fileName("laporan-ikm", scope, "csv")) });
  },
);

