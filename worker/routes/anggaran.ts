import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { AppEnv } from "../env";
import { tenantDb, type Db } from "../db/client";
import { budgetLines } from "../db/schema";
import { AppError, notFound } from "../errors";
import { errors, jsonBody, ok, okSchema, tenantParams } from "../openapi";
import { canActForPd, requireRole } from "../middleware/tenant";
import { audit } from "../audit";
import { batchIfChanged } from "../db/guarded-batch";
import { anggaran, findPd, renstraFor } from "../data/performance";
import { planContent } from "../data/planning";
import { budgetLineInputSchema, budgetLinePatchSchema } from "../../shared/schemas/performance";
import type { Context } from "hono";

/** Pagu (APBD murni / perubahan), realisasi keuangan per triwulan and fisik per program/kegiatan/sub kegiatan. */
export const anggaranRoutes = new OpenAPIHono<AppEnv>();

const TAG = ["anggaran"];
type Line = typeof budgetLines.$inferSelect;
const lineParams = tenantParams.extend({ lineId: z.string().max(64) });
const lineOut = z.looseObject({ id: z.string(), name: z.string(), version: z.number() });
const BUDGET_LEVELS = ["program", "kegiatan", "sub_kegiatan"];

function assertEditor(c: Context<AppEnv>, pdId: string) {
  if (!canActForPd(c.get("grants"), ["tenant_admin", "agency_admin"], pdId)) throw new AppError("forbidden", "Anda hanya dapat mengisi anggaran perangkat daerah yang Anda kelola");
}

async function findLine(db: Db, tenantId: string, id: string) {
  const row = await db.select().from(budgetLines).where(and(eq(budgetLines.tenantId, tenantId), eq(budgetLines.id, id))).get();
  if (!row) throw notFound("Baris anggaran");
  return row;
}

/** 409 with the line as it is now, like a stale realisasi cell. */
class StaleLine extends AppError {
  constructor(readonly current: Line) {
    super("conflict", "Baris anggaran ini baru saja diubah orang lain. Nilai terbaru ditampilkan; periksa lalu simpan lagi.");
  }
  override toJSON() {
    return { error: { ...super.toJSON().error, current: this.current } };
  }
}

anggaranRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/anggaran",
    tags: TAG,
    summary: "Budget table of a PD and year: pagu, realisasi, penyerapan, sisa per line, per jenis belanja and in total, efisiensi per sasaran",
    request: { params: tenantParams, query: z.object({ pdId: z.string().max(64), year: z.coerce.number().int().min(2000).max(2100) }) },
    responses: { 200: ok(z.looseObject({ year: z.number(), lines: z.array(lineOut) })), ...errors },
  }),
  async (c) => {
    const { pdId, year } = c.req.valid("query");
    return c.json(await anggaran(tenantDb(c), c.get("tenant").id, pdId, year), 200);
  },
);

anggaranRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/anggaran",
    tags: TAG,
    summary: "Add a budget line for a program/kegiatan/sub kegiatan of the PD's Renstra",
    middleware: [requireRole("tenant_admin", "agency_admin")] as const,
    request: { params: tenantParams, ...jsonBody(budgetLineInputSchema) },
    responses: { 201: ok(lineOut, "Baris anggaran dibuat"), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const input = c.req.valid("json");
    await findPd(db, tenant.id, input.pdId).catch(() => {
      throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", [{ path: "pdId", message: "Perangkat daerah tidak ditemukan" }]);
    });
    assertEditor(c, input.pdId);
    const plan = await renstraFor(db, tenant.id, input.pdId, input.year);
    const content = plan ? await planContent(db, tenant.id, plan.id, null) : null;
    const node = content?.nodes.get(input.nodeId);
    if (!node || !BUDGET_LEVELS.includes(node.level)) {
      throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", [{ path: "nodeId", message: `Pilih program/kegiatan/sub kegiatan dari Renstra ${input.year} perangkat daerah ini` }]);
    }
    // Walk up to the sasaran the line serves, for efisiensi per sasaran.
    let up: typeof node | undefined = node;
    while (up && up.level !== "sasaran") up = up.parentId ? content!.nodes.get(up.parentId) : undefined;
    const now = Date.now();
    const row: Line = {
      id: crypto.randomUUID(),
      tenantId: tenant.id,
      pdId: input.pdId,
      year: input.year,
      nodeId: node.nodeId,
      level: node.level,
      code: node.code,
      name: node.name,
      sasaranId: up?.nodeId ?? null,
      jenis: input.jenis,
      paguMurni: input.paguMurni,
      paguPerubahan: input.paguPerubahan ?? null,
      realisasiTw1: 0,
      realisasiTw2: 0,
      realisasiTw3: 0,
      realisasiTw4: 0,
      fisikTw1: null,
      fisikTw2: null,
      fisikTw3: null,
      fisikTw4: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const created = await batchIfChanged(db, db.insert(budgetLines).values(row).onConflictDoNothing(), [audit(c, db, { action: "create", entity: "anggaran", entityId: row.id, after: row })]);
    if (!created) throw new AppError("conflict", "Baris anggaran untuk program/kegiatan dan jenis belanja ini sudah ada; ubah baris itu");
    return c.json(row, 201);
  },
);

anggaranRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/tenants/{code}/anggaran/{lineId}",
    tags: TAG,
    summary: "Change pagu, realisasi keuangan per triwulan or fisik; `version` guards against overwriting someone else's edit",
    middleware: [requireRole("tenant_admin", "agency_admin")] as const,
    request: { params: lineParams, ...jsonBody(budgetLinePatchSchema) },
    responses: { 200: ok(lineOut), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const before = await findLine(db, tenant.id, c.req.valid("param").lineId);
    assertEditor(c, before.pdId);
    const { version, realisasi, fisik, ...patch } = c.req.valid("json");
    if (before.version !== version) throw new StaleLine(before);
    const after: Line = {
      ...before,
      ...patch,
      ...(realisasi ? { realisasiTw1: realisasi[0]!, realisasiTw2: realisasi[1]!, realisasiTw3: realisasi[2]!, realisasiTw4: realisasi[3]! } : {}),
      ...(fisik ? { fisikTw1: fisik[0]!, fisikTw2: fisik[1]!, fisikTw3: fisik[2]!, fisikTw4: fisik[3]! } : {}),
      version: version + 1,
      updatedAt: Date.now(),
    };
    const { id: _id, tenantId: _t, ...set } = after;
    const updated = await batchIfChanged(
      db,
      db.update(budgetLines).set(set).where(and(eq(budgetLines.tenantId, tenant.id), eq(budgetLines.id, before.id), eq(budgetLines.version, version))),
      [audit(c, db, { action: "update", entity: "anggaran", entityId: before.id, before, after })],
    );
    if (!updated) throw new StaleLine(await findLine(db, tenant.id, before.id));
    return c.json(after, 200);
  },
);

anggaranRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/tenants/{code}/anggaran/{lineId}",
    tags: TAG,
    summary: "Remove a budget line",
    middleware: [requireRole("tenant_admin", "agency_admin")] as const,
    request: { params: lineParams },
    responses: { 200: ok(okSchema), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const before = await findLine(db, tenant.id, c.req.valid("param").lineId);
    assertEditor(c, before.pdId);
    await db.batch([
      db.delete(budgetLines).where(and(eq(budgetLines.tenantId, tenant.id), eq(budgetLines.id, before.id))),
      audit(c, db, { action: "delete", entity: "anggaran", entityId: before.id, before }),
    ]);
    return c.json({ ok: true as const }, 200);
  },
);
