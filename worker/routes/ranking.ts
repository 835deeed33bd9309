import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { AppEnv } from "../env";
import { readCache } from "../cache/read-cache";
import { controlDb, tenantDb, type Db } from "../db/client";
import { chunk } from "../db/chunked-insert";
import { publishedFigures, tenants } from "../db/schema";
import { notFound } from "../errors";
import { errors, jsonBody, ok, tenantParams } from "../openapi";
import { requireRole } from "../middleware/tenant";
import { requirePlatformOperator } from "../middleware/session";
import { requestTenantSettings } from "../data/tenant-settings";
import { compositeScore, distribution, latestFinalYear, pdRanking, PUBLISHED_FIGURES, type PublishedFigure } from "../data/ranking";
import { publish } from "./evaluations";
import { latePds } from "../data/monitoring";
import { rankWithTies } from "../../shared/formulas/ranking";
import { predikatSakip, SAKIP_PREDIKAT } from "../../shared/formulas/sakip";
import { roundTo } from "../../shared/format/round";
import { DEFAULT_TENANT_SETTINGS, TENANT_KINDS } from "../../shared/schemas/tenant";
import { publishSchema, RANKING_FIGURES, type RankingWeights } from "../../shared/schemas/evaluation";

export const rankingRoutes = new OpenAPIHono<AppEnv>();
const TAG = ["peringkat"];

const currentYear = () => new Date().getUTCFullYear();
const yearQuery = z.object({ year: z.coerce.number().int().min(2010).max(2100).optional() });
const lateQuery = z.enum(["true", "false"]).optional().openapi({ description: "true: only PD that are late on something due this year (late-updaters board)" });
const figureRecord = z.object({ sakip: z.number().nullable(), ikm: z.number().nullable(), capaian: z.number().nullable(), penyerapan: z.number().nullable() });
const rankRecord = figureRecord.extend({ composite: z.number().nullable() });
const distributionOut = z.object({
  counts: z.record(z.string(), z.number()),
  evaluated: z.number(),
  atLeastB: z.number(),
  shareAtLeastB: z.number().nullable(),
  average: z.number().nullable(),
  averagePredikat: z.enum(SAKIP_PREDIKAT).nullable(),
});
const weightsOut = z.object({ sakip: z.number(), ikm: z.number(), capaian: z.number(), penyerapan: z.number() });

const pdRankingOut = z.object({
  year: z.number(),
  years: z.array(z.number()),
  weights: weightsOut,
  available: z.array(z.enum(RANKING_FIGURES)),
  rows: z.array(
    z.object({
      pd: z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string() }),
      values: figureRecord,
      previous: figureRecord,
      composite: z.object({ value: z.number().nullable(), partial: z.boolean() }),
      compositePrevious: z.number().nullable(),
      ranks: rankRecord,
      evaluation: z.object({ id: z.string(), status: z.string() }).nullable(),
      /** With `?late=true`: the PD's worst lateness in days (0 = due today or submitted late on the day). */
      daysLate: z.number().int().optional(),
    }),
  ),
  summary: distributionOut,
  trend: z.array(distributionOut.extend({ year: z.number() })),
});

rankingRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/ranking",
    tags: TAG,
    summary: "Every PD side by side for a year: SAKIP, IKM, capaian, penyerapan, composite; ranks with ties; previous year",
    request: { params: tenantParams, query: yearQuery.extend({ late: lateQuery }) },
    middleware: [readCache] as const,
    responses: { 200: ok(pdRankingOut.extend({ lateOnly: z.boolean() })), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const settings = await requestTenantSettings(c);
    const db = tenantDb(c);
    const requested = c.req.valid("query").year;
    const first = await pdRanking(db, tenant.id, requested ?? currentYear(), settings);
    // Without a year asked for, show the latest year with final results (else the latest with any evaluation).
    const year = requested ?? first.trend.at(-1)?.year ?? first.years[0] ?? currentYear();
    const table = year === (requested ?? currentYear()) ? first : await pdRanking(db, tenant.id, year, settings);
    const lateOnly = c.req.valid("query").late === "true";
    return c.json({ year, weights: settings.rankingWeights, ...table, ...(lateOnly ? await onlyLate(c, year, table.rows) : {}), lateOnly }, 200);
  },
);

/** `?late=true`: "hanya PD terlambat", the PD on the late-updaters board for the year (ranks stay those among all PD). */
async function onlyLate<R extends { pd: { id: string } }>(c: Context<AppEnv>, year: number, rows: R[]) {
  const late = await latePds(tenantDb(c), c.get("tenant").id, year);
  return { rows: rows.filter((r) => late.has(r.pd.id)).map((r) => ({ ...r, daysLate: late.get(r.pd.id)! })) };
}

rankingRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/ranking/publish",
    tags: TAG,
    summary: "Publish this tenant's aggregate figures of a year (read by the provinsi / national tables when opted in)",
    middleware: [requireRole("tenant_admin")] as const,
    request: { params: tenantParams, ...jsonBody(publishSchema) },
    responses: { 200: ok(z.object({ year: z.number(), figures: z.array(z.object({ figure: z.string(), value: z.number(), pdCount: z.number() })) })), ...errors },
  }),
  async (c) => {
    const { year } = c.req.valid("json");
    return c.json({ year, figures: await publish(c, year) }, 200);
  },
);

// ---------- across pemda: published snapshots only ----------

type Snapshot = typeof publishedFigures.$inferSelect;
type TenantRow = { id: string; code: string; name: string; kind: (typeof TENANT_KINDS)[number] };

const pemdaRankingOut = z.object({
  year: z.number(),
  years: z.array(z.number()),
  weights: weightsOut,
  rows: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.enum(TENANT_KINDS),
      values: figureRecord.extend({ sakipShareB: z.number().nullable() }),
      previous: figureRecord,
      pdCount: z.number().nullable(),
      predikat: z.enum(SAKIP_PREDIKAT).nullable(),
      composite: z.object({ value: z.number().nullable(), partial: z.boolean() }),
      ranks: rankRecord,
      publishedAt: z.string().nullable(),
    }),
  ),
  summary: distributionOut,
});

const optedIn = (settings: string, key: "shareWithProvinsi" | "shareNationally") => {
  try {
    return (JSON.parse(settings) as Record<string, unknown>)[key] === true;
  } catch {
    return false;
  }
};

async function snapshotsOf(db: Db, tenantIds: string[]): Promise<Snapshot[]> {
  if (!tenantIds.length) return [];
  const out: Snapshot[] = [];
  // ≤ 100 bound parameters per statement.
  for (const part of chunk(tenantIds, 90)) {
    out.push(...(await db.select().from(publishedFigures).where(inArray(publishedFigures.tenantId, part)).all()));
  }
  return out;
}

/** The cross-pemda table built from published snapshots of the given (already opted-in) tenants. */
async function pemdaTable(db: Db, list: TenantRow[], requestedYear: number | undefined, weights: RankingWeights, fallbackYear?: number) {
  const snaps = await snapshotsOf(db, list.map((t) => t.id));
  const years = [...new Set(snaps.map((s) => s.year))].sort((a, b) => b - a);
  const year = requestedYear ?? years[0] ?? fallbackYear ?? currentYear();
  const get = (tenantId: string, y: number, f: PublishedFigure) => snaps.find((s) => s.tenantId === tenantId && s.year === y && s.figure === f);
  const rows = list.map((t) => {
    const values = Object.fromEntries(RANKING_FIGURES.map((f) => [f, get(t.id, year, f)?.value ?? null])) as Record<(typeof RANKING_FIGURES)[number], number | null>;
    const previous = Object.fromEntries(RANKING_FIGURES.map((f) => [f, get(t.id, year - 1, f)?.value ?? null])) as typeof values;
    const stamps = PUBLISHED_FIGURES.map((f) => get(t.id, year, f)?.publishedAt).filter((v): v is number => v !== undefined);
    return {
      code: t.code,
      name: t.name,
      kind: t.kind,
      values: { ...values, sakipShareB: get(t.id, year, "sakip_share_b")?.value ?? null },
      previous,
      pdCount: get(t.id, year, "sakip")?.pdCount ?? null,
      predikat: values.sakip === null ? null : predikatSakip(values.sakip),
      composite: compositeScore(values, weights, RANKING_FIGURES),
      publishedAt: stamps.length ? new Date(Math.max(...stamps)).toISOString() : null,
    };
  });
  const shown = (v: number | null) => (v === null ? null : roundTo(v, 2));
  const rankOf = Object.fromEntries(
    [...RANKING_FIGURES, "composite" as const].map((f) => [f, rankWithTies(rows, (r) => shown(f === "composite" ? r.composite.value : r.values[f])).map((x) => x.rank)]),
  );
  return {
    year,
    years,
    weights,
    rows: rows.map((r, i) => ({ ...r, ranks: Object.fromEntries(Object.entries(rankOf).map(([f, l]) => [f, l[i] ?? null])) as z.infer<typeof rankRecord> })),
    summary: distribution(rows.map((r) => r.values.sakip)),
  };
}

/** Kabupaten/kota of this provinsi that opted in to share with it. A provinsi's view only; others get 404. */
async function sharingChildren(c: Context<AppEnv>): Promise<TenantRow[]> {
  const tenant = c.get("tenant");
  if (tenant.kind !== "provinsi") throw notFound("Peringkat kabupaten/kota");
  const children = await controlDb(c)
    .select({ id: tenants.id, code: tenants.code, name: tenants.name, kind: tenants.kind, settings: tenants.settings })
    .from(tenants)
    .where(and(eq(tenants.parentId, tenant.id), eq(tenants.status, "active")))
    .all();
  return children.filter((t) => optedIn(t.settings, "shareWithProvinsi")).map(({ settings: _s, ...t }) => t);
}

rankingRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/ranking/kabupaten-kota",
    tags: TAG,
    summary: "A provinsi's ranking of its kabupaten/kota that opted in (published aggregates only)",
    request: { params: tenantParams, query: yearQuery },
    responses: { 200: ok(pemdaRankingOut), ...errors },
  }),
  async (c) => {
    const list = await sharingChildren(c);
    const settings = await requestTenantSettings(c);
    // With nothing published yet, default to the provinsi's own latest evaluated year.
    const fallback = await latestFinalYear(tenantDb(c), c.get("tenant").id);
    return c.json(await pemdaTable(controlDb(c), list, c.req.valid("query").year, settings.rankingWeights, fallback), 200);
  },
);

const historyOut = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(TENANT_KINDS),
  years: z.array(z.object({ year: z.number(), figures: z.record(z.string(), z.number()), pdCount: z.number().nullable(), predikat: z.enum(SAKIP_PREDIKAT).nullable() })),
});

rankingRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/ranking/kabupaten-kota/{child}",
    tags: TAG,
    summary: "Published history of one kabupaten/kota (404 unless it is this provinsi's and opted in)",
    request: { params: tenantParams.extend({ child: z.string().max(20) }) },
    responses: { 200: ok(historyOut), ...errors },
  }),
  async (c) => {
    const child = (await sharingChildren(c)).find((t) => t.code === c.req.valid("param").child);
    if (!child) throw notFound("Kabupaten/kota");
    const snaps = await snapshotsOf(controlDb(c), [child.id]);
    const years = [...new Set(snaps.map((s) => s.year))].sort((a, b) => a - b);
    return c.json(
      {
        code: child.code,
        name: child.name,
        kind: child.kind,
        years: years.map((year) => {
          const ofYear = snaps.filter((s) => s.year === year);
          const sakip = ofYear.find((s) => s.figure === "sakip");
          return { year, figures: Object.fromEntries(ofYear.map((s) => [s.figure, s.value])), pdCount: sakip?.pdCount ?? null, predikat: sakip ? predikatSakip(sakip.value) : null };
        }),
      },
      200,
    );
  },
);

rankingRoutes.openapi(
  createRoute({
    method: "get",
    path: "/platform/ranking",
    tags: ["platform"],
    summary: "National table of every pemda that opted in to public comparison (platform operators)",
    middleware: [requirePlatformOperator] as const,
    request: { query: yearQuery },
    responses: { 200: ok(pemdaRankingOut), ...errors },
  }),
  async (c) => {
    const db = controlDb(c);
    const all = await db
      .select({ id: tenants.id, code: tenants.code, name: tenants.name, kind: tenants.kind, settings: tenants.settings })
      .from(tenants)
      .where(eq(tenants.status, "active"))
      .all();
    const list = all.filter((t) => optedIn(t.settings, "shareNationally")).map(({ settings: _s, ...t }) => t);
    return c.json(await pemdaTable(db, list, c.req.valid("query").year, DEFAULT_TENANT_SETTINGS.rankingWeights), 200);
  },
);
