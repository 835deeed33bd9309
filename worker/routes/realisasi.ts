import { contentDisposition } from "../http/content-disposition";
import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { AppEnv } from "../env";
import { tenantDb, type Db } from "../db/client";
import { indicatorVersions, indicators, plans, realisasi, realisasiEvidence, twReports } from "../db/schema";
import { AppError, notFound } from "../errors";
import { errors, jsonBody, ok, okSchema, tenantParams } from "../openapi";
import { canActForPd, requireRole } from "../middleware/tenant";
import { audit } from "../audit";
import { batchIfChanged } from "../db/guarded-batch";
import { kinerja } from "../data/performance";
import { parseScale } from "../../shared/schemas/planning";
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES, parseRealisasi, realisasiInputSchema, REALISASI_STATUSES } from "../../shared/schemas/performance";

/** Realisasi per indicator per triwulan: the grid, per-cell saves with optimistic concurrency, evidence files. */
export const realisasiRoutes = new OpenAPIHono<AppEnv>();

const TAG = ["realisasi"];
const TW = ["", "TW I", "TW II", "TW III", "TW IV"];
type Row = typeof realisasi.$inferSelect;

const cellOut = z.object({
  id: z.string(),
  indicatorId: z.string(),
  year: z.number(),
  period: z.number(),
  value: z.string().nullable(),
  valueNum: z.number().nullable(),
  category: z.string().nullable(),
  status: z.enum(REALISASI_STATUSES),
  capaianManual: z.number().nullable(),
  explanation: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  version: z.number(),
  updatedAt: z.number(),
});
const toOut = (r: Row) => ({
  id: r.id,
  indicatorId: r.indicatorId,
  year: r.year,
  period: r.period,
  value: r.valueText,
  valueNum: r.valueNum,
  category: r.category,
  status: r.status,
  capaianManual: r.capaianManual,
  explanation: r.explanation,
  evidenceUrl: r.evidenceUrl,
  version: r.version,
  updatedAt: r.updatedAt,
});

/** A stale edit: 409 that also carries the cell as it is now, so the editor can show both. */
class StaleEdit extends AppError {
  constructor(readonly current: ReturnType<typeof toOut> | null) {
    super("conflict", "Sel ini baru saja diubah orang lain. Nilai terbaru ditampilkan; periksa lalu simpan lagi bila perlu.");
  }
  override toJSON() {
    return { error: { ...super.toJSON().error, current: this.current } };
  }
}

export function assertRealisasiEditor(c: Context<AppEnv>, pdId: string) {
  if (!canActForPd(c.get("grants"), ["tenant_admin", "agency_admin"], pdId)) throw new AppError("forbidden", "Anda hanya dapat mengisi realisasi perangkat daerah yang Anda kelola");
}

/** Realisasi of a triwulan is frozen while its report waits on the evaluator and once accepted. */
async function assertPeriodOpen(db: Db, tenantId: string, pdId: string, year: number, period: number) {
  const report = await db
    .select({ status: twReports.status })
    .from(twReports)
    .where(and(eq(twReports.tenantId, tenantId), eq(twReports.pdId, pdId), eq(twReports.year, year), eq(twReports.period, period)))
    .get();
  if (report?.status === "accepted") throw new AppError("conflict", `Laporan ${TW[period]} ${year} sudah diterima evaluator dan terkunci; tuliskan koreksi pada penjelasan laporan triwulan berikutnya`);
  if (report?.status === "submitted") throw new AppError("conflict", `Laporan ${TW[period]} ${year} sedang dinilai evaluator; tunggu disposisi sebelum mengubah realisasi`);
}

/** The indicator (latest version) and the PD whose Renstra holds it; another tenant's id is not found. */
async function findIndicator(db: Db, tenantId: string, indicatorId: string) {
  const rows = await db
    .select({ v: indicatorVersions, pdId: plans.pdId })
    .from(indicators)
    .innerJoin(plans, eq(plans.id, indicators.planId))
    .innerJoin(indicatorVersions, eq(indicatorVersions.indicatorId, indicators.id))
    .where(and(eq(indicators.tenantId, tenantId), eq(indicators.id, indicatorId)))
    .all();
  const latest = rows.sort((a, b) => b.v.version - a.v.version)[0];
  if (!latest?.pdId) throw notFound("Indikator");
  return { ...latest.v, pdId: latest.pdId, scaleList: parseScale(latest.v.scale ? (JSON.parse(latest.v.scale) as string[]) : []) };
}

realisasiRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/realisasi",
    tags: TAG,
    summary: "The realisasi grid of a PD and year: PK indicators, targets, four triwulan cells with capaian, yearly comparison",
    request: { params: tenantParams, query: z.object({ pdId: z.string().max(64), year: z.coerce.number().int().min(2000).max(2100) }) },
    responses: { 200: ok(z.looseObject({ year: z.number(), sasaran: z.array(z.looseObject({ nodeId: z.string() })) })), ...errors },
  }),
  async (c) => {
    const { pdId, year } = c.req.valid("query");
    return c.json(await kinerja(tenantDb(c), c.get("tenant").id, pdId, year), 200);
  },
);

realisasiRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/realisasi",
    tags: TAG,
    summary: "Save one cell (indicator, year, triwulan). `version` is the one the edit started from; a stale one answers 409 with the current cell",
    middleware: [requireRole("tenant_admin", "agency_admin")] as const,
    request: { params: tenantParams, ...jsonBody(realisasiInputSchema) },
    responses: { 200: ok(cellOut), 409: ok(z.object({ error: z.looseObject({ code: z.string() }) }), "Nilai sudah diubah orang lain"), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const input = c.req.valid("json");
    const ind = await findIndicator(db, tenant.id, input.indicatorId);
    assertRealisasiEditor(c, ind.pdId);
    await assertPeriodOpen(db, tenant.id, ind.pdId, input.year, input.period);
    const value = input.value?.trim() || null;
    let parsed: { valueNum: number | null; category: string | null } = { valueNum: null, category: null };
    if (value) {
      const p = parseRealisasi(value, { kind: ind.kind, scale: ind.scaleList });
      if (!p.ok) throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", [{ path: "value", message: p.message }]);
      parsed = p;
    } else if (input.status !== "pending") {
      throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", [{ path: "value", message: "Isi realisasi, atau pilih status Proses penilaian" }]);
    }
    const where = and(eq(realisasi.tenantId, tenant.id), eq(realisasi.indicatorId, ind.indicatorId), eq(realisasi.year, input.year), eq(realisasi.period, input.period));
    const current = await db.select().from(realisasi).where(where).get();
    if ((current?.version ?? 0) !== input.version) throw new StaleEdit(current ? toOut(current) : null);
    const now = Date.now();
    const row: Row = {
      id: current?.id ?? crypto.randomUUID(),
      tenantId: tenant.id,
      pdId: ind.pdId,
      indicatorId: ind.indicatorId,
      year: input.year,
      period: input.period,
      status: input.status,
      valueText: value,
      valueNum: parsed.valueNum,
      category: parsed.category,
      capaianManual: ind.kind === "text" ? (input.capaianManual ?? null) : null,
      explanation: input.explanation || null,
      evidenceUrl: input.evidenceUrl || null,
      version: input.version + 1,
      updatedBy: c.get("user")?.id ?? null,
      updatedAt: now,
    };
    // The version guard in the statement itself: of two saves racing from the same version, one changes nothing.
    const write = current
      ? db.update(realisasi).set(row).where(and(where, eq(realisasi.version, input.version)))
      : db.insert(realisasi).values(row).onConflictDoNothing();
    const written = await batchIfChanged(db, write, [
      audit(c, db, { action: current ? "update" : "create", entity: "realisasi", entityId: row.id, before: current ? toOut(current) : undefined, after: toOut(row) }),
    ]);
    if (!written) {
      const now2 = await db.select().from(realisasi).where(where).get();
      throw new StaleEdit(now2 ? toOut(now2) : null);
    }
    return c.json(toOut(row), 200);
  },
);

const evidenceOut = z.object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number() });
const cellParams = tenantParams.extend({ realisasiId: z.string().max(64) });
const evidenceParams = tenantParams.extend({ evidenceId: z.string().max(64) });

async function findCell(db: Db, tenantId: string, id: string) {
  const row = await db.select().from(realisasi).where(and(eq(realisasi.tenantId, tenantId), eq(realisasi.id, id))).get();
  if (!row) throw notFound("Realisasi");
  return row;
}

realisasiRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/realisasi/{realisasiId}/evidence",
    tags: TAG,
    summary: `Upload an evidence file as the raw request body (PDF, JPEG, PNG, XLSX, DOCX; at most ${EVIDENCE_MAX_BYTES / 1_000_000} MB); ?filename= names it`,
    middleware: [requireRole("tenant_admin", "agency_admin")] as const,
    request: {
      params: cellParams,
      query: z.object({ filename: z.string().trim().min(1).max(200) }),
      body: { content: Object.fromEntries(Object.keys(EVIDENCE_TYPES).map((t) => [t, { schema: z.string().meta({ format: "binary" }) }])), required: true },
    },
    responses: { 201: ok(evidenceOut, "Bukti tersimpan"), 413: ok(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), "Berkas terlalu besar"), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const cell = await findCell(db, tenant.id, c.req.valid("param").realisasiId);
    assertRealisasiEditor(c, cell.pdId);
    await assertPeriodOpen(db, tenant.id, cell.pdId, cell.year, cell.period);
    const contentType = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (!EVIDENCE_TYPES[contentType]) {
      throw new AppError("unsupported_media_type", `Jenis berkas tidak diterima; unggah ${Object.values(EVIDENCE_TYPES).join(", ")}`);
    }
    const body = await c.req.arrayBuffer();
    if (body.byteLength > EVIDENCE_MAX_BYTES) throw new AppError("payload_too_large", `Berkas terlalu besar (maks. ${EVIDENCE_MAX_BYTES / 1_000_000} MB)`);
    if (body.byteLength === 0) throw new AppError("bad_request", "Berkas kosong");
    const row = {
      id: crypto.randomUUID(),
      tenantId: tenant.id,
      realisasiId: cell.id,
      r2Key: `${tenant.id}/${cell.id}/${crypto.randomUUID()}`,
      filename: c.req.valid("query").filename,
      contentType,
      size: body.byteLength,
      createdBy: c.get("user")?.id ?? null,
      createdAt: Date.now(),
    };
    await c.env.EVIDENCE.put(row.r2Key, body, { httpMetadata: { contentType } });
    await db.batch([db.insert(realisasiEvidence).values(row), audit(c, db, { action: "create", entity: "realisasi_evidence", entityId: row.id, after: { realisasiId: cell.id, filename: row.filename, size: row.size } })]);
    return c.json({ id: row.id, filename: row.filename, contentType, size: row.size }, 201);
  },
);

async function findEvidence(db: Db, tenantId: string, id: string) {
  const row = await db
    .select({ e: realisasiEvidence, cell: realisasi })
    .from(realisasiEvidence)
    .innerJoin(realisasi, eq(realisasi.id, realisasiEvidence.realisasiId))
    .where(and(eq(realisasiEvidence.tenantId, tenantId), eq(realisasiEvidence.id, id)))
    .get();
  if (!row) throw notFound("Berkas bukti");
  return row;
}

realisasiRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/evidence/{evidenceId}",
    tags: TAG,
    summary: "Download an evidence file",
    request: { params: evidenceParams },
    responses: { 200: { description: "Berkas", content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } } }, ...errors },
  }),
  async (c) => {
    const { e } = await findEvidence(tenantDb(c), c.get("tenant").id, c.req.valid("param").evidenceId);
    const obj = await c.env.EVIDENCE.get(e.r2Key);
    if (!obj) throw notFound("Berkas bukti");
    // Served as a download, never rendered inline on our origin.
    return new Response(obj.body, {
      headers: {
        "content-type": e.contentType,
        "content-disposition": contentDisposition(e.filename),
        "x-content-type-options": "nosniff",
      },
    }) as never;
  },
);

realisasiRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/tenants/{code}/evidence/{evidenceId}",
    tags: TAG,
    summary: "Remove an evidence file",
    middleware: [requireRole("tenant_admin", "agency_admin")] as const,
    request: { params: evidenceParams },
    responses: { 200: ok(okSchema), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const { e, cell } = await findEvidence(db, tenant.id, c.req.valid("param").evidenceId);
    assertRealisasiEditor(c, cell.pdId);
    await assertPeriodOpen(db, tenant.id, cell.pdId, cell.year, cell.period);
    await db.batch([
      db.delete(realisasiEvidence).where(and(eq(realisasiEvidence.tenantId, tenant.id), eq(realisasiEvidence.id, e.id))),
      audit(c, db, { action: "delete", entity: "realisasi_evidence", entityId: e.id, before: { realisasiId: cell.id, filename: e.filename } }),
    ]);
    await c.env.EVIDENCE.delete(e.r2Key);
    return c.json({ ok: true as const }, 200);
  },
);
