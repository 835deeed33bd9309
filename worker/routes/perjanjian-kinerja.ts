import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { AppEnv } from "../env";
import { tenantDb, type Db } from "../db/client";
import { indicators, jabatan, perangkatDaerah, pkDocuments, pkItems, planNodes } from "../db/schema";
import { AppError, type Issue } from "../errors";
import { errors, jsonBody, ok, okSchema, tenantParams } from "../openapi";
import { canActForPd, requireRole } from "../middleware/tenant";
import { audit } from "../audit";
import { chunkedInserts } from "../db/chunked-insert";
import { batchIfChanged } from "../db/guarded-batch";
import { findPd, findPk, itemsFromRenstra, pkItemsOf, pkSignatory, pkVersions, renstraFor, type PkDocument, type PkItem } from "../data/performance";
import { planContent } from "../data/planning";
import { formatRupiah, parseIdNumber } from "../../shared/format/number";
import { pkCreateSchema, pkItemsSchema, pkRevisionSchema, PK_STATUSES } from "../../shared/schemas/performance";

/** Perjanjian Kinerja: drafted from the Renstra, submitted, approved by the PD head, revised as new versions. */
export const perjanjianKinerjaRoutes = new OpenAPIHono<AppEnv>();

const TAG = ["perjanjian-kinerja"];
const pkParams = tenantParams.extend({ pkId: z.string().max(64) });
const LOCKED = "Perjanjian kinerja sudah disetujui dan terkunci; buat PK perubahan (versi baru dengan tanggal berlaku dan alasan) untuk mengubahnya";

const itemOut = z.object({
  id: z.string(),
  kind: z.enum(["indicator", "program"]),
  nodeId: z.string(),
  nodeName: z.string(),
  indicatorId: z.string().nullable(),
  indicatorName: z.string().nullable(),
  satuan: z.string().nullable(),
  target: z.string().nullable(),
  targetNum: z.number().nullable(),
  anggaran: z.number().nullable(),
});
const pkOut = z.object({
  id: z.string(),
  pdId: z.string(),
  pdName: z.string(),
  year: z.number(),
  jabatanId: z.string().nullable(),
  jabatanName: z.string().nullable(),
  planId: z.string().nullable(),
  version: z.number(),
  effectiveDate: z.string(),
  reason: z.string().nullable(),
  status: z.enum(PK_STATUSES),
  submittedAt: z.number().nullable(),
  approvedAt: z.number().nullable(),
});
const pkDetailOut = pkOut.extend({
  items: z.array(itemOut),
  signatory: z.object({ jabatanName: z.string().nullable(), holderName: z.string().nullable(), holderNip: z.string().nullable() }),
  versions: z.array(z.object({ id: z.string(), version: z.number(), status: z.enum(PK_STATUSES), effectiveDate: z.string(), reason: z.string().nullable() })),
  canEdit: z.boolean(),
  canApprove: z.boolean(),
});

const toOut = (pk: PkDocument, pdName: string, jabatanName: string | null) => ({
  id: pk.id,
  pdId: pk.pdId,
  pdName,
  year: pk.year,
  jabatanId: pk.jabatanId,
  jabatanName,
  planId: pk.planId,
  version: pk.version,
  effectiveDate: pk.effectiveDate,
  reason: pk.reason,
  status: pk.status,
  submittedAt: pk.submittedAt,
  approvedAt: pk.approvedAt,
});
const itemToOut = (i: PkItem) => ({
  id: i.id,
  kind: i.kind,
  nodeId: i.nodeId,
  nodeName: i.nodeName,
  indicatorId: i.indicatorId,
  indicatorName: i.indicatorName,
  satuan: i.satuan,
  target: i.targetText,
  targetNum: i.targetNum,
  anggaran: i.anggaran,
});

const userId = (c: Context<AppEnv>) => c.get("user")?.id ?? null;
const canEdit = (c: Context<AppEnv>, pdId: string) => canActForPd(c.get("grants"), ["tenant_admin", "agency_admin"], pdId);
const canApprove = (c: Context<AppEnv>, pdId: string) => canActForPd(c.get("grants"), ["agency_head"], pdId);
function assertEditor(c: Context<AppEnv>, pdId: string) {
  if (!canEdit(c, pdId)) throw new AppError("forbidden", "Anda hanya dapat menyusun perjanjian kinerja perangkat daerah yang Anda kelola");
}
function assertHead(c: Context<AppEnv>, pdId: string) {
  if (!canApprove(c, pdId)) throw new AppError("forbidden", "Hanya kepala perangkat daerah ini yang dapat menyetujui perjanjian kinerjanya");
}

async function names(db: Db, tenantId: string, pk: PkDocument) {
  const pd = await findPd(db, tenantId, pk.pdId);
  const j = pk.jabatanId ? await db.select({ name: jabatan.name }).from(jabatan).where(and(eq(jabatan.tenantId, tenantId), eq(jabatan.id, pk.jabatanId))).get() : undefined;
  return { pdName: pd.name, jabatanName: j?.name ?? null };
}

async function detail(c: Context<AppEnv>, db: Db, pk: PkDocument) {
  const tenantId = c.get("tenant").id;
  const [n, items, signatory, versions] = await Promise.all([names(db, tenantId, pk), pkItemsOf(db, tenantId, pk.id), pkSignatory(db, tenantId, pk), pkVersions(db, tenantId, pk)]);
  return {
    ...toOut(pk, n.pdName, n.jabatanName),
    items: items.map(itemToOut),
    signatory,
    versions: versions.map((v) => ({ id: v.id, version: v.version, status: v.status, effectiveDate: v.effectiveDate, reason: v.reason })),
    canEdit: pk.status === "draft" && canEdit(c, pk.pdId),
    canApprove: pk.status === "submitted" && canApprove(c, pk.pdId),
  };
}

perjanjianKinerjaRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/perjanjian-kinerja",
    tags: TAG,
    summary: "PK versions of this tenant, by year and perangkat daerah",
    request: { params: tenantParams, query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), pdId: z.string().max(64).optional() }) },
    responses: { 200: ok(z.object({ items: z.array(pkOut) })), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const { year, pdId } = c.req.valid("query");
    const db = tenantDb(c);
    const where = [eq(pkDocuments.tenantId, tenant.id)];
    if (year) where.push(eq(pkDocuments.year, year));
    if (pdId) where.push(eq(pkDocuments.pdId, pdId));
    const rows = await db
      .select({ pk: pkDocuments, pdName: perangkatDaerah.name, jabatanName: jabatan.name })
      .from(pkDocuments)
      .innerJoin(perangkatDaerah, and(eq(perangkatDaerah.id, pkDocuments.pdId), eq(perangkatDaerah.tenantId, tenant.id)))
      .leftJoin(jabatan, and(eq(jabatan.id, pkDocuments.jabatanId), eq(jabatan.tenantId, tenant.id)))
      .where(and(...where))
      .orderBy(asc(pkDocuments.year), asc(perangkatDaerah.name), asc(pkDocuments.version))
      .all();
    return c.json({ items: rows.map((r) => toOut(r.pk, r.pdName, r.jabatanName)) }, 200);
  },
);

perjanjianKinerjaRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/perjanjian-kinerja",
    tags: TAG,
    summary: "Draft a PK for a PD, year and official, with sasaran, indicators, targets and programs taken from the Renstra",
    middleware: [requireRole("tenant_admin", "agency_admin")] as const,
    request: { params: tenantParams, ...jsonBody(pkCreateSchema) },
    responses: { 201: ok(pkDetailOut, "PK dibuat"), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const input = c.req.valid("json");
    const db = tenantDb(c);
    const pd = await db.select().from(perangkatDaerah).where(and(eq(perangkatDaerah.tenantId, tenant.id), eq(perangkatDaerah.id, input.pdId))).get();
    if (!pd) throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", [{ path: "pdId", message: "Perangkat daerah tidak ditemukan" }]);
    assertEditor(c, pd.id);
    const jabatanId = input.jabatanId ?? null;
    if (jabatanId) {
      const j = await db.select().from(jabatan).where(and(eq(jabatan.tenantId, tenant.id), eq(jabatan.id, jabatanId), eq(jabatan.pdId, pd.id))).get();
      if (!j) throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", [{ path: "jabatanId", message: "Jabatan tidak ditemukan di perangkat daerah ini" }]);
    }
    const existing = await pkVersions(db, tenant.id, { pdId: pd.id, year: input.year, jabatanId });
    if (existing.length) throw new AppError("conflict", `Sudah ada perjanjian kinerja ${input.year} untuk pejabat ini; ubah drafnya atau buat PK perubahan`);
    const plan = await renstraFor(db, tenant.id, pd.id, input.year);
    const effectiveDate = `${input.year}-01-01`;
    const content = plan ? await planContent(db, tenant.id, plan.id, effectiveDate) : null;
    const now = Date.now();
    const pk: PkDocument = {
      id: crypto.randomUUID(),
      tenantId: tenant.id,
      pdId: pd.id,
      year: input.year,
      jabatanId,
      planId: plan?.id ?? null,
      version: 1,
      effectiveDate,
      reason: null,
      status: "draft",
      submittedAt: null,
      submittedBy: null,
      approvedAt: null,
      approvedBy: null,
      createdBy: userId(c),
      createdAt: now,
      updatedAt: now,
    };
    const items = (content ? itemsFromRenstra(content, input.year, jabatanId) : []).map((i) => ({ ...i, id: crypto.randomUUID(), tenantId: tenant.id, pkId: pk.id }));
    await db.batch([
      db.insert(pkDocuments).values(pk),
      ...chunkedInserts(db, pkItems, items),
      audit(c, db, { action: "create", entity: "perjanjian_kinerja", entityId: pk.id, after: { ...pk, items: items.length } }),
    ]);
    return c.json(await detail(c, db, pk), 201);
  },
);

perjanjianKinerjaRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/perjanjian-kinerja/{pkId}",
    tags: TAG,
    summary: "One PK version with its rows, signatory and the other versions",
    request: { params: pkParams },
    responses: { 200: ok(pkDetailOut), ...errors },
  }),
  async (c) => {
    const db = tenantDb(c);
    const pk = await findPk(db, c.get("tenant").id, c.req.valid("param").pkId);
    return c.json(await detail(c, db, pk), 200);
  },
);

perjanjianKinerjaRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/perjanjian-kinerja/{pkId}/items",
    tags: TAG,
    summary: "Replace the rows of a draft PK (indicators with targets, programs with anggaran)",
    middleware: [requireRole("tenant_admin", "agency_admin")] as const,
    request: { params: pkParams, ...jsonBody(pkItemsSchema) },
    responses: { 200: ok(pkDetailOut), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const pk = await findPk(db, tenant.id, c.req.valid("param").pkId);
    assertEditor(c, pk.pdId);
    assertDraft(pk);
    const { items } = c.req.valid("json");
    // Nodes and indicators must be this tenant's planning rows; another tenant's id reads as unknown.
    const nodeIds = [...new Set(items.map((i) => i.nodeId))];
    const indicatorIds = [...new Set(items.flatMap((i) => (i.indicatorId ? [i.indicatorId] : [])))];
    const [knownNodes, knownIndicators] = await Promise.all([
      nodeIds.length ? db.select({ id: planNodes.id }).from(planNodes).where(and(eq(planNodes.tenantId, tenant.id), inArray(planNodes.id, nodeIds))).all() : [],
      indicatorIds.length ? db.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.tenantId, tenant.id), inArray(indicators.id, indicatorIds))).all() : [],
    ]);
    const issues: Issue[] = [];
    const rows = items.map((item, i) => {
      if (!knownNodes.some((n) => n.id === item.nodeId)) issues.push({ path: `items.${i}.nodeId`, message: "Sasaran/program tidak ditemukan di Renstra" });
      if (item.kind === "indicator") {
        if (!item.indicatorId || !knownIndicators.some((n) => n.id === item.indicatorId)) issues.push({ path: `items.${i}.indicatorId`, message: "Indikator tidak ditemukan di Renstra" });
        if (!item.target) issues.push({ path: `items.${i}.target`, message: "Target wajib diisi" });
      }
      const parsed = item.target ? parseIdNumber(item.target) : null;
      return {
        id: crypto.randomUUID(),
        tenantId: tenant.id,
        pkId: pk.id,
        kind: item.kind,
        nodeId: item.nodeId,
        nodeName: item.nodeName,
        indicatorId: item.kind === "indicator" ? (item.indicatorId ?? null) : null,
        indicatorName: item.kind === "indicator" ? (item.indicatorName ?? null) : null,
        satuan: item.satuan ?? null,
        targetText: item.kind === "indicator" ? (item.target ?? null) : null,
        targetNum: parsed?.kind === "number" ? parsed.value : parsed?.kind === "range" ? parsed.min : null,
        anggaran: item.kind === "program" ? (item.anggaran ?? null) : null,
        position: i,
      };
    });
    if (issues.length) throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", issues);
    const before = await pkItemsOf(db, tenant.id, pk.id);
    await db.batch([
      db.delete(pkItems).where(and(eq(pkItems.tenantId, tenant.id), eq(pkItems.pkId, pk.id))),
      ...chunkedInserts(db, pkItems, rows),
      db.update(pkDocuments).set({ updatedAt: Date.now() }).where(and(eq(pkDocuments.tenantId, tenant.id), eq(pkDocuments.id, pk.id))),
      audit(c, db, { action: "update", entity: "perjanjian_kinerja", entityId: pk.id, before: before.map(itemToOut), after: rows.map(itemToOut) }),
    ]);
    return c.json(await detail(c, db, pk), 200);
  },
);

function assertDraft(pk: PkDocument) {
  if (pk.status === "approved") throw new AppError("conflict", LOCKED);
  if (pk.status === "submitted") throw new AppError("conflict", "Perjanjian kinerja sedang diajukan ke kepala perangkat daerah; minta dikembalikan dulu untuk diubah");
}

/** One state change with its audit row; `from` names the state the PK must be in. */
async function transition(c: Context<AppEnv>, pk: PkDocument, from: PkDocument["status"], set: Partial<PkDocument>, message: string) {
  if (pk.status !== from) throw new AppError("conflict", message);
  const db = tenantDb(c);
  const after = { ...pk, ...set, updatedAt: Date.now() };
  const changed = await batchIfChanged(
    db,
    db
      .update(pkDocuments)
      .set({ ...set, updatedAt: after.updatedAt })
      .where(and(eq(pkDocuments.tenantId, pk.tenantId), eq(pkDocuments.id, pk.id), eq(pkDocuments.status, from))),
    [audit(c, db, { action: "update", entity: "perjanjian_kinerja", entityId: pk.id, before: { status: pk.status }, after: { status: after.status } })],
  );
  if (!changed) throw new AppError("conflict", "Perjanjian kinerja baru saja diubah orang lain; muat ulang halaman");
  return c.json(await detail(c, db, after), 200);
}

perjanjianKinerjaRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/perjanjian-kinerja/{pkId}/submit",
    tags: TAG,
    summary: "Submit a draft PK to the PD head for approval",
    middleware: [requireRole("tenant_admin", "agency_admin")] as const,
    request: { params: pkParams },
    responses: { 200: ok(pkDetailOut), ...errors },
  }),
  async (c) => {
    const db = tenantDb(c);
    const pk = await findPk(db, c.get("tenant").id, c.req.valid("param").pkId);
    assertEditor(c, pk.pdId);
    if (pk.status === "draft" && !(await pkItemsOf(db, pk.tenantId, pk.id)).some((i) => i.kind === "indicator")) {
      throw new AppError("validation_failed", "Perjanjian kinerja belum berisi indikator", [{ path: "items", message: "Tambahkan minimal satu indikator dengan target" }]);
    }
    return transition(c, pk, "draft", { status: "submitted", submittedAt: Date.now(), submittedBy: userId(c) }, pk.status === "approved" ? LOCKED : "Perjanjian kinerja ini sudah diajukan");
  },
);

perjanjianKinerjaRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/perjanjian-kinerja/{pkId}/approve",
    tags: TAG,
    summary: "The PD head approves a submitted PK; it is locked from then on",
    middleware: [requireRole("agency_head")] as const,
    request: { params: pkParams },
    responses: { 200: ok(pkDetailOut), ...errors },
  }),
  async (c) => {
    const pk = await findPk(tenantDb(c), c.get("tenant").id, c.req.valid("param").pkId);
    assertHead(c, pk.pdId);
    const message = pk.status === "draft" ? "Perjanjian kinerja harus diajukan oleh operator sebelum disetujui" : "Perjanjian kinerja ini sudah disetujui";
    return transition(c, pk, "submitted", { status: "approved", approvedAt: Date.now(), approvedBy: userId(c) }, message);
  },
);

perjanjianKinerjaRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/perjanjian-kinerja/{pkId}/return",
    tags: TAG,
    summary: "The PD head sends a submitted PK back to draft",
    middleware: [requireRole("agency_head")] as const,
    request: { params: pkParams },
    responses: { 200: ok(pkDetailOut), ...errors },
  }),
  async (c) => {
    const pk = await findPk(tenantDb(c), c.get("tenant").id, c.req.valid("param").pkId);
    assertHead(c, pk.pdId);
    return transition(c, pk, "submitted", { status: "draft", submittedAt: null, submittedBy: null }, pk.status === "approved" ? LOCKED : "Hanya PK yang sedang diajukan yang dapat dikembalikan");
  },
);

perjanjianKinerjaRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/perjanjian-kinerja/{pkId}/revisions",
    tags: TAG,
    summary: "Start a PK perubahan: a new draft version of an approved PK, with effective date and reason",
    middleware: [requireRole("tenant_admin", "agency_admin")] as const,
    request: { params: pkParams, ...jsonBody(pkRevisionSchema) },
    responses: { 201: ok(pkDetailOut, "PK perubahan dibuat"), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const pk = await findPk(db, tenant.id, c.req.valid("param").pkId);
    assertEditor(c, pk.pdId);
    const input = c.req.valid("json");
    if (pk.status !== "approved") throw new AppError("conflict", "PK perubahan dibuat dari PK yang sudah disetujui; PK ini masih dapat diubah langsung");
    const versions = await pkVersions(db, tenant.id, pk);
    if (versions.at(-1)!.id !== pk.id) throw new AppError("conflict", `Sudah ada versi ${versions.at(-1)!.version}; lanjutkan dari versi terbaru`);
    const issues: Issue[] = [];
    if (input.effectiveDate <= pk.effectiveDate) issues.push({ path: "effectiveDate", message: `Tanggal berlaku harus setelah ${pk.effectiveDate}` });
    if (!input.effectiveDate.startsWith(`${pk.year}-`)) issues.push({ path: "effectiveDate", message: `Tanggal berlaku harus di tahun ${pk.year}` });
    if (issues.length) throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", issues);
    const now = Date.now();
    const next: PkDocument = { ...pk, id: crypto.randomUUID(), version: pk.version + 1, effectiveDate: input.effectiveDate, reason: input.reason, status: "draft", submittedAt: null, submittedBy: null, approvedAt: null, approvedBy: null, createdBy: userId(c), createdAt: now, updatedAt: now };
    const items = (await pkItemsOf(db, tenant.id, pk.id)).map((i) => ({ ...i, id: crypto.randomUUID(), pkId: next.id }));
    await db.batch([
      db.insert(pkDocuments).values(next),
      ...chunkedInserts(db, pkItems, items),
      audit(c, db, { action: "create", entity: "perjanjian_kinerja", entityId: next.id, after: { version: next.version, effectiveDate: next.effectiveDate, reason: next.reason, from: pk.id } }),
    ]);
    return c.json(await detail(c, db, next), 201);
  },
);

const diffRow = z.object({
  key: z.string(),
  kind: z.enum(["indicator", "program"]),
  sasaran: z.string(),
  name: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  change: z.enum(["added", "removed", "changed", "same"]),
});

perjanjianKinerjaRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/perjanjian-kinerja/{pkId}/diff",
    tags: TAG,
    summary: "Side-by-side comparison of a PK version with the version before it",
    request: { params: pkParams },
    responses: { 200: ok(z.object({ previous: z.object({ id: z.string(), version: z.number(), effectiveDate: z.string() }).nullable(), rows: z.array(diffRow) })), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const pk = await findPk(db, tenant.id, c.req.valid("param").pkId);
    const prev = (await pkVersions(db, tenant.id, pk)).filter((v) => v.version < pk.version).at(-1) ?? null;
    const [now, before] = await Promise.all([pkItemsOf(db, tenant.id, pk.id), prev ? pkItemsOf(db, tenant.id, prev.id) : Promise.resolve([])]);
    const key = (i: PkItem) => (i.kind === "indicator" ? `i:${i.indicatorId}` : `p:${i.nodeId}`);
    const value = (i: PkItem | undefined) => (!i ? null : i.kind === "indicator" ? `${i.targetText ?? ""}${i.satuan ? ` ${i.satuan}` : ""}` : i.anggaran === null ? "" : formatRupiah(i.anggaran));
    const keys = [...new Set([...now.map(key), ...before.map(key)])];
    const rows = keys.map((k) => {
      const a = before.find((i) => key(i) === k);
      const b = now.find((i) => key(i) === k);
      const any = (b ?? a)!;
      const change = !a ? "added" : !b ? "removed" : value(a) !== value(b) || a.indicatorName !== b.indicatorName || a.nodeName !== b.nodeName ? "changed" : "same";
      return { key: k, kind: any.kind, sasaran: any.nodeName, name: any.indicatorName ?? any.nodeName, before: value(a), after: value(b), change } as const;
    });
    return c.json({ previous: prev ? { id: prev.id, version: prev.version, effectiveDate: prev.effectiveDate } : null, rows }, 200);
  },
);

perjanjianKinerjaRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/tenants/{code}/perjanjian-kinerja/{pkId}",
    tags: TAG,
    summary: "Discard a draft PK version (approved versions stay)",
    middleware: [requireRole("tenant_admin", "agency_admin")] as const,
    request: { params: pkParams },
    responses: { 200: ok(okSchema), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const pk = await findPk(db, tenant.id, c.req.valid("param").pkId);
    assertEditor(c, pk.pdId);
    assertDraft(pk);
    await db.batch([
      db.delete(pkItems).where(and(eq(pkItems.tenantId, tenant.id), eq(pkItems.pkId, pk.id))),
      db.delete(pkDocuments).where(and(eq(pkDocuments.tenantId, tenant.id), eq(pkDocuments.id, pk.id), eq(pkDocuments.status, "draft"))),
      audit(c, db, { action: "delete", entity: "perjanjian_kinerja", entityId: pk.id, before: toOut(pk, "", null) }),
    ]);
    return c.json({ ok: true as const }, 200);
  },
);
