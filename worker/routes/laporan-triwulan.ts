import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { and, asc, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { AppEnv } from "../env";
import { controlDb, tenantDb, type Db } from "../db/client";
import { auditOfEntities } from "../data/audit-read";
import { budgetLines, perangkatDaerah, pkDocuments, realisasi, twReportEvents, twReports } from "../db/schema";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { AppError, notFound } from "../errors";
import { errors, jsonBody, ok, tenantParams } from "../openapi";
import { canActForPd, requireRole } from "../middleware/tenant";
import { audit } from "../audit";
import { notifyAfterChange, pdMembers } from "../data/notifications";
import { batchIfChanged } from "../db/guarded-batch";
import { ACCEPTING_DISPOSITION, dispositionSchema, reportSubmitSchema, REPORT_STATUSES } from "../../shared/schemas/performance";

/** Triwulan reports: the PD submits, the evaluator answers with a disposition, the PD revises and resubmits. */
export const laporanTriwulanRoutes = new OpenAPIHono<AppEnv>();

const TAG = ["laporan-triwulan"];
type Report = typeof twReports.$inferSelect;
const TW = ["", "TW I", "TW II", "TW III", "TW IV"];
const reportParams = tenantParams.extend({ reportId: z.string().max(64) });

const reportOut = z.object({
  id: z.string(),
  pdId: z.string(),
  pdName: z.string(),
  year: z.number(),
  period: z.number(),
  status: z.enum(REPORT_STATUSES),
  round: z.number(),
  lastDisposition: z.string().nullable(),
  updatedAt: z.number(),
});
const eventOut = z.object({
  id: z.string(),
  kind: z.enum(["submit", "disposition", "note"]),
  disposition: z.string().nullable(),
  indicatorId: z.string().nullable(),
  note: z.string().nullable(),
  userName: z.string().nullable(),
  createdAt: z.number(),
});
const detailOut = reportOut.extend({ events: z.array(eventOut), canReview: z.boolean(), canSubmit: z.boolean() });

const toOut = (r: Report, pdName: string) => ({ id: r.id, pdId: r.pdId, pdName, year: r.year, period: r.period, status: r.status, round: r.round, lastDisposition: r.lastDisposition, updatedAt: r.updatedAt });
const canSubmit = (c: Context<AppEnv>, pdId: string) => canActForPd(c.get("grants"), ["tenant_admin", "agency_admin", "agency_head"], pdId);
const canReview = (c: Context<AppEnv>) => c.get("grants").some((g) => g.role === "evaluator");

async function findReport(db: Db, tenantId: string, id: string) {
  const row = await db
    .select({ r: twReports, pdName: perangkatDaerah.name })
    .from(twReports)
    .innerJoin(perangkatDaerah, eq(perangkatDaerah.id, twReports.pdId))
    .where(and(eq(twReports.tenantId, tenantId), eq(twReports.id, id)))
    .get();
  if (!row) throw notFound("Laporan triwulan");
  return row;
}

async function detail(c: Context<AppEnv>, db: Db, r: Report, pdName: string) {
  const events = await db
    .select()
    .from(twReportEvents)
    .where(and(eq(twReportEvents.tenantId, r.tenantId), eq(twReportEvents.reportId, r.id)))
    .orderBy(asc(twReportEvents.createdAt))
    .all();
  return {
    ...toOut(r, pdName),
    events: events.map((e) => ({ id: e.id, kind: e.kind, disposition: e.disposition, indicatorId: e.indicatorId, note: e.note, userName: e.userName, createdAt: e.createdAt })),
    canReview: r.status === "submitted" && canReview(c),
    canSubmit: r.status === "returned" && canSubmit(c, r.pdId),
  };
}

const event = (c: Context<AppEnv>, reportId: string, e: { kind: "submit" | "disposition" | "note"; disposition?: string; indicatorId?: string; note?: string | null }, at: number) => ({
  id: crypto.randomUUID(),
  tenantId: c.get("tenant").id,
  reportId,
  kind: e.kind,
  disposition: e.disposition ?? null,
  indicatorId: e.indicatorId ?? null,
  note: e.note || null,
  userId: c.get("user")?.id ?? null,
  userName: c.get("user")?.name ?? null,
  createdAt: at,
});

laporanTriwulanRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/laporan-triwulan",
    tags: TAG,
    summary: "Triwulan reports, filtered by status, PD and year (newest first)",
    request: {
      params: tenantParams,
      query: z.object({ status: z.enum(REPORT_STATUSES).optional(), pdId: z.string().max(64).optional(), year: z.coerce.number().int().min(2000).max(2100).optional() }),
    },
    responses: { 200: ok(z.object({ items: z.array(reportOut) })), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const q = c.req.valid("query");
    const where: SQL[] = [eq(twReports.tenantId, tenant.id)];
    if (q.status) where.push(eq(twReports.status, q.status));
    if (q.pdId) where.push(eq(twReports.pdId, q.pdId));
    if (q.year) where.push(eq(twReports.year, q.year));
    const rows = await tenantDb(c)
      .select({ r: twReports, pdName: perangkatDaerah.name })
      .from(twReports)
      .innerJoin(perangkatDaerah, eq(perangkatDaerah.id, twReports.pdId))
      .where(and(...where))
      .orderBy(desc(twReports.updatedAt))
      .limit(200)
      .all();
    return c.json({ items: rows.map((x) => toOut(x.r, x.pdName)) }, 200);
  },
);

laporanTriwulanRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/laporan-triwulan",
    tags: TAG,
    summary: "Submit (or resubmit after revision) a PD's triwulan report to the evaluator",
    middleware: [requireRole("tenant_admin", "agency_admin", "agency_head")] as const,
    request: { params: tenantParams, ...jsonBody(reportSubmitSchema) },
    responses: { 200: ok(detailOut, "Laporan diajukan"), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const input = c.req.valid("json");
    const pd = await db.select().from(perangkatDaerah).where(and(eq(perangkatDaerah.tenantId, tenant.id), eq(perangkatDaerah.id, input.pdId))).get();
    if (!pd) throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", [{ path: "pdId", message: "Perangkat daerah tidak ditemukan" }]);
    if (!canSubmit(c, pd.id)) throw new AppError("forbidden", "Anda hanya dapat mengajukan laporan perangkat daerah yang Anda kelola");
    const filled = await db
      .select({ n: count() })
      .from(realisasi)
      .where(and(eq(realisasi.tenantId, tenant.id), eq(realisasi.pdId, pd.id), eq(realisasi.year, input.year), eq(realisasi.period, input.period)))
      .get();
    if (!filled?.n) throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", [{ path: "period", message: `Belum ada realisasi ${TW[input.period]} ${input.year} yang diisi` }]);
    const current = await db
      .select()
      .from(twReports)
      .where(and(eq(twReports.tenantId, tenant.id), eq(twReports.pdId, pd.id), eq(twReports.year, input.year), eq(twReports.period, input.period)))
      .get();
    if (current?.status === "submitted") throw new AppError("conflict", `Laporan ${TW[input.period]} ${input.year} sudah diajukan dan menunggu penilaian evaluator`);
    if (current?.status === "accepted") throw new AppError("conflict", `Laporan ${TW[input.period]} ${input.year} sudah diterima dan terkunci; koreksi dicatat pada laporan triwulan berikutnya`);
    const now = Date.now();
    const row: Report = current
      ? { ...current, status: "submitted", round: current.round + 1, updatedAt: now }
      : { id: crypto.randomUUID(), tenantId: tenant.id, pdId: pd.id, year: input.year, period: input.period, status: "submitted", round: 1, lastDisposition: null, createdAt: now, updatedAt: now };
    await db.batch([
      current
        ? db.update(twReports).set({ status: row.status, round: row.round, updatedAt: now }).where(and(eq(twReports.tenantId, tenant.id), eq(twReports.id, row.id), eq(twReports.status, "returned")))
        : db.insert(twReports).values(row),
      db.insert(twReportEvents).values(event(c, row.id, { kind: "submit", note: input.note }, now)),
      audit(c, db, { action: current ? "update" : "create", entity: "laporan_triwulan", entityId: row.id, before: current ? { status: current.status } : undefined, after: { status: row.status, round: row.round } }),
    ]);
    return c.json(await detail(c, db, row, pd.name), 200);
  },
);

laporanTriwulanRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/laporan-triwulan/{reportId}",
    tags: TAG,
    summary: "One triwulan report with the whole exchange (submissions, dispositions, notes)",
    request: { params: reportParams },
    responses: { 200: ok(detailOut), ...errors },
  }),
  async (c) => {
    const db = tenantDb(c);
    const { r, pdName } = await findReport(db, c.get("tenant").id, c.req.valid("param").reportId);
    return c.json(await detail(c, db, r, pdName), 200);
  },
);

laporanTriwulanRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/laporan-triwulan/{reportId}/disposition",
    tags: TAG,
    summary: "The evaluator answers a submitted report: LAPORAN SUDAH BAIK accepts (and locks) it, any other disposition returns it for revision",
    middleware: [requireRole("evaluator")] as const,
    request: { params: reportParams, ...jsonBody(dispositionSchema) },
    responses: { 200: ok(detailOut), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const { r, pdName } = await findReport(db, tenant.id, c.req.valid("param").reportId);
    const input = c.req.valid("json");
    if (r.status !== "submitted") {
      throw new AppError("conflict", r.status === "accepted" ? "Laporan ini sudah diterima dan terkunci" : "Laporan ini dikembalikan ke perangkat daerah; tunggu sampai diajukan ulang");
    }
    const now = Date.now();
    const status = input.disposition === ACCEPTING_DISPOSITION ? "accepted" : "returned";
    const after: Report = { ...r, status, lastDisposition: input.disposition, updatedAt: now };
    const notes = (input.indicatorNotes ?? []).map((n, i) => event(c, r.id, { kind: "note", indicatorId: n.indicatorId, note: n.note }, now + 1 + i));
    const control = controlDb(c);
    const operators = await pdMembers(control, tenant.id, r.pdId, ["agency_admin"]);
    const judged = await batchIfChanged(db, db.update(twReports).set({ status, lastDisposition: input.disposition, updatedAt: now }).where(and(eq(twReports.tenantId, tenant.id), eq(twReports.id, r.id), eq(twReports.status, "submitted"))), [
      db.insert(twReportEvents).values([event(c, r.id, { kind: "disposition", disposition: input.disposition, note: input.note }, now), ...notes]),
      audit(c, db, { action: "update", entity: "laporan_triwulan", entityId: r.id, before: { status: r.status }, after: { status, disposition: input.disposition, note: input.note ?? null } }),
    ]);
    if (!judged) throw new AppError("conflict", "Laporan ini baru saja dinilai orang lain; muat ulang halaman");
    await notifyAfterChange(control, operators, {
      tenantId: tenant.id,
      kind: "disposition",
      title: `Disposisi laporan ${TW[r.period]} ${r.year}: ${input.disposition}`,
      body: `${pdName}: ${status === "accepted" ? "laporan diterima dan dikunci" : "laporan dikembalikan untuk diperbaiki"}.${input.note ? ` Catatan evaluator: ${input.note}` : ""}`,
      link: `/t/${tenant.code}/perjanjian-kinerja/laporan?report=${r.id}`,
    });
    return c.json(await detail(c, db, after, pdName), 200);
  },
);

const inboxItem = z.object({ kind: z.enum(["pk_approval", "pk_draft", "report_review", "report_revision"]), id: z.string(), pdName: z.string(), year: z.number(), period: z.number().nullable(), label: z.string() });

laporanTriwulanRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/kinerja-inbox",
    tags: TAG,
    summary: "What waits on the caller: PK to approve (PD head), reports to review (evaluator), reports to revise and PK drafts (PD operator)",
    request: { params: tenantParams },
    responses: { 200: ok(z.object({ counts: z.record(z.string(), z.number()), items: z.array(inboxItem) })), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const grants = c.get("grants");
    const db = tenantDb(c);
    const pdsFor = (roles: string[]) => {
      const gs = grants.filter((g) => roles.includes(g.role));
      return gs.some((g) => g.pdId === null) ? "all" : gs.map((g) => g.pdId!);
    };
    const scoped = (col: typeof pkDocuments.pdId | typeof twReports.pdId, pds: "all" | string[]) => (pds === "all" ? [] : [inArray(col, pds.length ? pds : ["-"])]);
    const items: z.infer<typeof inboxItem>[] = [];
    const heads = pdsFor(["agency_head"]);
    const editors = pdsFor(["tenant_admin", "agency_admin"]);
    const pkRows = (status: "submitted" | "draft", pds: "all" | string[]) =>
      db
        .select({ id: pkDocuments.id, year: pkDocuments.year, version: pkDocuments.version, pdName: perangkatDaerah.name })
        .from(pkDocuments)
        .innerJoin(perangkatDaerah, eq(perangkatDaerah.id, pkDocuments.pdId))
        .where(and(eq(pkDocuments.tenantId, tenant.id), eq(pkDocuments.status, status), ...scoped(pkDocuments.pdId, pds)))
        .all();
    const reportRows = (status: "submitted" | "returned", pds: "all" | string[]) =>
      db
        .select({ id: twReports.id, year: twReports.year, period: twReports.period, pdName: perangkatDaerah.name, disposition: twReports.lastDisposition })
        .from(twReports)
        .innerJoin(perangkatDaerah, eq(perangkatDaerah.id, twReports.pdId))
        .where(and(eq(twReports.tenantId, tenant.id), eq(twReports.status, status), ...scoped(twReports.pdId, pds)))
        .all();
    if (heads !== "all" && heads.length) {
      for (const p of await pkRows("submitted", heads)) items.push({ kind: "pk_approval", id: p.id, pdName: p.pdName, year: p.year, period: null, label: `Setujui PK ${p.year}${p.version > 1 ? ` (perubahan ke-${p.version - 1})` : ""}` });
    }
    if (grants.some((g) => g.role === "evaluator")) {
      for (const r of await reportRows("submitted", "all")) items.push({ kind: "report_review", id: r.id, pdName: r.pdName, year: r.year, period: r.period, label: `Nilai laporan ${TW[r.period]} ${r.year}` });
    }
    if (editors === "all" || editors.length) {
      for (const r of await reportRows("returned", editors)) items.push({ kind: "report_revision", id: r.id, pdName: r.pdName, year: r.year, period: r.period, label: `Perbaiki laporan ${TW[r.period]} ${r.year}: ${r.disposition ?? ""}` });
      for (const p of await pkRows("draft", editors)) items.push({ kind: "pk_draft", id: p.id, pdName: p.pdName, year: p.year, period: null, label: `Lengkapi dan ajukan PK ${p.year}` });
    }
    const counts: Record<string, number> = { pk_approval: 0, pk_draft: 0, report_review: 0, report_revision: 0 };
    for (const i of items) counts[i.kind]!++;
    return c.json({ counts, items }, 200);
  },
);

const historyOut = z.object({
  id: z.number(),
  entity: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
  userName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  createdAt: z.number(),
});

laporanTriwulanRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/kinerja-history",
    tags: TAG,
    summary: "Audit trail (before/after) of a PD's PK, realisasi, anggaran and triwulan reports for a year, newest first",
    request: { params: tenantParams, query: z.object({ pdId: z.string().max(64), year: z.coerce.number().int().min(2000).max(2100) }) },
    responses: { 200: ok(z.object({ items: z.array(historyOut) })), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const { pdId, year } = c.req.valid("query");
    const db = tenantDb(c);
    const pd = await db.select({ id: perangkatDaerah.id }).from(perangkatDaerah).where(and(eq(perangkatDaerah.tenantId, tenant.id), eq(perangkatDaerah.id, pdId))).get();
    if (!pd) throw notFound("Perangkat daerah");
    const mine = <T extends { tenantId: SQLiteColumn; pdId: SQLiteColumn; year: SQLiteColumn; id: SQLiteColumn }>(t: T) => and(eq(t.tenantId, tenant.id), eq(t.pdId, pdId), eq(t.year, year));
    const [pks, cells, lines, reports] = await db.batch([
      db.select({ id: pkDocuments.id }).from(pkDocuments).where(mine(pkDocuments)),
      db.select({ id: realisasi.id }).from(realisasi).where(mine(realisasi)),
      db.select({ id: budgetLines.id }).from(budgetLines).where(mine(budgetLines)),
      db.select({ id: twReports.id }).from(twReports).where(mine(twReports)),
    ]);
    const ids = [...pks, ...cells, ...lines, ...reports].map((r) => r.id);
    const rows = await auditOfEntities(db, controlDb(c), tenant.id, ids);
    rows.sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
    return c.json({ items: rows.slice(0, 500) }, 200);
  },
);
