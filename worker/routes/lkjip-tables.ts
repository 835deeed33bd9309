import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { tenantDb } from "../db/client";
import { AppError } from "../errors";
import { errors, jsonBody, ok, tenantParams } from "../openapi";
import { requireRole } from "../middleware/tenant";
import { audit } from "../audit";
import { batchIfChanged } from "../db/guarded-batch";
import { findPd } from "../data/performance";
import { readLkjipTables, writeLkjipTable } from "../data/lkjip-tables";
import { assertReader, assertWriter, READERS, WRITERS } from "./reports";
import { lkjipTablesOut, saranaSaveSchema, saranaTableOut, sdmSaveSchema, sdmTableOut, type LkjipTableData, type LkjipTableKey, type SdmRow } from "../../shared/schemas/lkjip-tables";
import { sdmTotals, sdmWarnings } from "../../shared/formulas/sdm";

/**
 * The data tables of a PD's LKjIP Bab I (seed 002): Tabel 1.1 Sumber Daya Aparatur and Tabel 1.2
 * Sarana dan Prasarana Kerja, per year. Same access as the report's texts (routes/reports.ts): the
 * PD's operators and head and the pemda admin write, evaluators read. Each table is saved whole.
 */
export const lkjipTableRoutes = new OpenAPIHono<AppEnv>();

const TAG = ["laporan"];
const BASE = "/tenants/{code}/perangkat-daerah/{pdId}/lkjip/{year}/tabel";
const params = tenantParams.extend({ pdId: z.string().max(64), year: z.coerce.number().int().min(2000).max(2100) });

type Params = z.infer<typeof params>;

const sdmOut = (t: LkjipTableData<SdmRow>) => ({ ...t, totals: sdmTotals(t.rows), warnings: sdmWarnings(t.rows) });

/** The PD of the path, in this tenant (404 otherwise), and the caller's right to read or write its report. */
async function pdOf(c: Context<AppEnv>, { pdId, year }: Params, access: "read" | "write") {
  const tenant = c.get("tenant");
  const db = tenantDb(c);
  const pd = await findPd(db, tenant.id, pdId);
  (access === "read" ? assertReader : assertWriter)(c, pd.id);
  return { db, tenantId: tenant.id, pdId: pd.id, year };
}

/** One table saved whole, guarded by the version the edit started from, audited in the same batch. */
async function save(c: Context<AppEnv>, p: Params, table: LkjipTableKey, input: { rows: unknown[]; sumber: string; version: number }) {
  const { db, tenantId, pdId, year } = await pdOf(c, p, "write");
  const before = input.version ? (await readLkjipTables(db, tenantId, pdId, year))[table] : undefined;
  const now = Date.now();
  const saved = await batchIfChanged(db, writeLkjipTable(db, tenantId, pdId, year, { table, ...input, userId: c.get("user")?.id ?? null, now }), [
    audit(c, db, {
      action: input.version === 0 ? "create" : "update",
      entity: "lkjip_table",
      entityId: `${pdId}:${year}:${table}`,
      before: before ? { rows: before.rows, sumber: before.sumber, version: before.version } : undefined,
      after: { rows: input.rows, sumber: input.sumber, version: input.version + 1 },
    }),
  ]);
  if (!saved) throw new AppError("conflict", "Tabel ini baru saja diubah di tempat lain; muat ulang untuk melihat versi terbaru");
  return { sumber: input.sumber, version: input.version + 1, updatedAt: now };
}

lkjipTableRoutes.openapi(
  createRoute({
    method: "get",
    path: BASE,
    tags: TAG,
    summary: "LKjIP Bab I tables of a PD for a year: Tabel 1.1 Sumber Daya Aparatur (with computed totals and consistency warnings) and Tabel 1.2 Sarana dan Prasarana",
    middleware: [requireRole(...READERS)] as const,
    request: { params },
    responses: { 200: ok(lkjipTablesOut), ...errors },
  }),
  async (c) => {
    const { db, tenantId, pdId, year } = await pdOf(c, c.req.valid("param"), "read");
    const t = await readLkjipTables(db, tenantId, pdId, year);
    return c.json({ sdm: sdmOut(t.sdm), sarana: t.sarana }, 200);
  },
);

lkjipTableRoutes.openapi(
  createRoute({
    method: "post",
    path: `${BASE}/sdm`,
    tags: TAG,
    summary: "Save Tabel 1.1 Sumber Daya Aparatur whole; `version` is the one the edit started from, a stale save answers 409. Totals are computed, inconsistent rows are saved with warnings",
    middleware: [requireRole(...WRITERS)] as const,
    request: { params, ...jsonBody(sdmSaveSchema) },
    responses: { 200: ok(sdmTableOut), ...errors },
  }),
  async (c) => {
    const input = c.req.valid("json");
    return c.json(sdmOut({ rows: input.rows, ...(await save(c, c.req.valid("param"), "sdm", input)) }), 200);
  },
);

lkjipTableRoutes.openapi(
  createRoute({
    method: "post",
    path: `${BASE}/sarana`,
    tags: TAG,
    summary: "Save Tabel 1.2 Sarana dan Prasarana Kerja whole; `version` is the one the edit started from, a stale save answers 409",
    middleware: [requireRole(...WRITERS)] as const,
    request: { params, ...jsonBody(saranaSaveSchema) },
    responses: { 200: ok(saranaTableOut), ...errors },
  }),
  async (c) => {
    const input = c.req.valid("json");
    return c.json({ rows: input.rows, ...(await save(c, c.req.valid("param"), "sarana", input)) }, 200);
  },
);
