import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { and, eq, inArray } from "drizzle-orm";
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { readCache } from "../cache/read-cache";
import { controlDb, tenantDb, type Db } from "../db/client";
import { indicatorTargets, indicatorVersions, indicators, jabatan, perangkatDaerah, planNodeVersions, planNodes, plans } from "../db/schema";
import { AppError, notFound, type Issue } from "../errors";
import { errors, jsonBody, ok, okSchema, tenantParams } from "../openapi";
import { canActForPd, requireRole } from "../middleware/tenant";
import { readTenantSettings } from "../data/tenant-settings";
import { planCapaian } from "../data/plan-capaian";
import { audit } from "../audit";
import {
  assertJabatan,
  assertSupports,
  defaultAsOf,
  findPlan,
  findPlanWithPd,
  indicatorOut,
  listPlans,
  nodeDependants,
  nodeOut,
  performanceDependants,
  planContent,
  planStart,
  rpjmdContext,
  scheduleIn,
  treeOut,
  type Plan,
} from "../data/planning";
import {
  INDICATOR_KINDS,
  NODE_LEVEL_LABELS,
  NODE_LEVELS,
  PLAN_KINDS,
  PLAN_LEVELS,
  SUPPORTING_LEVELS,
  indicatorInputSchema,
  indicatorPatchSchema,
  nodeInputSchema,
  nodePatchSchema,
  parseScale,
  parseTarget,
  planInputSchema,
  targetsInputSchema,
  type NodeLevel,
} from "../../shared/schemas/planning";

export const planRoutes = new OpenAPIHono<AppEnv>();

// ---- response shapes ----
const planOut = z.object({
  id: z.string(),
  kind: z.enum(PLAN_KINDS),
  pdId: z.string().nullable(),
  pdName: z.string().nullable(),
  rpjmdPlanId: z.string().nullable(),
  name: z.string(),
  yearFrom: z.number(),
  yearTo: z.number(),
  status: z.enum(["draft", "approved"]),
  approvedAt: z.string().nullable(),
});
const targetSchema = z.object({
  year: z.number(),
  period: z.number(),
  value: z.string(),
  valueNum: z.number().nullable(),
  valueMax: z.number().nullable(),
  category: z.string().nullable(),
  label: z.string().nullable(),
  cumulative: z.boolean(),
  version: z.number(),
  effectiveDate: z.string(),
});
const indicatorSchema = z.object({
  id: z.string(),
  nodeId: z.string(),
  name: z.string(),
  satuan: z.string(),
  polarity: z.enum(["positive", "negative"]),
  negativeMethod: z.enum(["2T-R", "T/R"]),
  kind: z.enum(INDICATOR_KINDS),
  scale: z.array(z.string()),
  formulaNumerator: z.string().nullable(),
  formulaDenominator: z.string().nullable(),
  formulaNote: z.string().nullable(),
  sumberData: z.string().nullable(),
  penanggungJawab: z.string().nullable(),
  aggregation: z.enum(["cumulative", "sum", "average", "last"]),
  isIku: z.boolean(),
  position: z.number(),
  version: z.number(),
  effectiveDate: z.string(),
  targets: z.array(targetSchema),
});
const nodeSchema = z.object({
  id: z.string(),
  level: z.enum(NODE_LEVELS),
  parentId: z.string().nullable(),
  supports: z.array(z.string()),
  code: z.string().nullable(),
  name: z.string(),
  ownerJabatanId: z.string().nullable(),
  ownerName: z.string().nullable(),
  ownerEselon: z.string().nullable(),
  schedule: z.array(z.number()),
  budget: z.number().nullable(),
  position: z.number(),
  version: z.number(),
  effectiveDate: z.string(),
  reason: z.string().nullable(),
  indicators: z.array(indicatorSchema),
});
const treeSchema = z.object({
  plan: planOut,
  asOf: z.string(),
  nodes: z.array(nodeSchema),
  rpjmd: z.array(z.object({ id: z.string(), level: z.enum(NODE_LEVELS), parentId: z.string().nullable(), code: z.string().nullable(), name: z.string() })),
});
const versionSchema = z.object({ version: z.number(), effectiveDate: z.string(), reason: z.string().nullable(), removed: z.boolean(), createdAt: z.string() });
const historySchema = z.object({
  node: z.array(versionSchema.extend({ name: z.string(), code: z.string().nullable(), parentId: z.string().nullable(), ownerJabatanId: z.string().nullable() })),
  indicators: z.array(versionSchema.extend({ indicatorId: z.string(), name: z.string(), satuan: z.string() })),
  targets: z.array(versionSchema.extend({ indicatorId: z.string(), year: z.number(), period: z.number(), value: z.string() })),
});

const planParams = tenantParams.extend({ planId: z.string().max(64) });
const nodeParams = planParams.extend({ nodeId: z.string().max(64) });
const indicatorParams = planParams.extend({ indicatorId: z.string().max(64) });
const asOfQuery = z.object({ asOf: z.iso.date({ error: "Tanggal harus berformat YYYY-MM-DD" }).optional() });
const removalQuery = z.object({ effectiveDate: z.iso.date().optional(), reason: z.string().trim().max(500).optional() });

const planToOut = (p: Plan, pdName: string | null) => ({
  id: p.id,
  kind: p.kind,
  pdId: p.pdId,
  pdName,
  rpjmdPlanId: p.rpjmdPlanId,
  name: p.name,
  yearFrom: p.yearFrom,
  yearTo: p.yearTo,
  status: p.status,
  approvedAt: p.approvedAt ? new Date(p.approvedAt).toISOString() : null,
});

// ---- rules shared by the write routes ----
const invalid = (issues: Issue[]) => new AppError("validation_failed", "Periksa kembali isian yang ditandai", issues);

/** RPJMD: the tenant admin. Renstra: the tenant admin or the operator of that PD. */
function assertCanEdit(c: Context<AppEnv>, plan: Plan) {
  const grants = c.get("grants");
  const allowed = plan.kind === "rpjmd" ? grants.some((g) => g.role === "tenant_admin") : canActForPd(grants, ["tenant_admin", "agency_admin"], plan.pdId!);
  if (!allowed) throw new AppError("forbidden", "Anda hanya dapat mengubah rencana perangkat daerah yang Anda kelola");
}

type Revision = { draft: true; effectiveDate: string; reason: null } | { draft: false; effectiveDate: string; reason: string };

/**
 * A draft plan is edited in place (its rows count from the start of the period). An approved
 * plan changes only through new versions, each with a reason and a date not before the
 * version it replaces.
 */
function revisionFor(plan: Plan, input: { effectiveDate?: string; reason?: string }, after?: string): Revision {
  if (plan.status === "draft") return { draft: true, effectiveDate: planStart(plan), reason: null };
  const effectiveDate = input.effectiveDate ?? defaultAsOf(plan);
  const issues: Issue[] = [];
  if (!input.reason || input.reason.length < 3) issues.push({ path: "reason", message: "Rencana sudah disetujui: tuliskan alasan perubahan" });
  const floor = after && after > planStart(plan) ? after : planStart(plan);
  if (effectiveDate < floor) issues.push({ path: "effectiveDate", message: `Tanggal berlaku tidak boleh sebelum ${floor}` });
  if (issues.length) throw invalid(issues);
  return { draft: false, effectiveDate, reason: input.reason! };
}

async function checkPlacement(db: Db, tenantId: string, plan: Plan, level: NodeLevel, node: { parentId: string | null; supports: string[] }, content: Awaited<ReturnType<typeof planContent>>) {
  const parents = PLAN_LEVELS[plan.kind][level];
  if (!parents) throw invalid([{ path: "level", message: `${NODE_LEVEL_LABELS[level]} tidak termasuk ${plan.kind === "rpjmd" ? "RPJMD" : "Renstra"}` }]);
  const parent = node.parentId ? content.nodes.get(node.parentId) : undefined;
  const names = parents.filter((p) => p).map((p) => NODE_LEVEL_LABELS[p!]).join(" atau ");
  if (node.parentId ? !parent || !parents.includes(parent.level) : !parents.includes(null)) {
    // Parents are always one level up, so no node can end up under its own descendant.
    throw invalid([{ path: "parentId", message: `Induk ${NODE_LEVEL_LABELS[level]} harus ${names} di rencana ini` }]);
  }
  if (node.supports.length && !(plan.kind === "renstra" && SUPPORTING_LEVELS.includes(level))) {
    throw invalid([{ path: "supports", message: "Hanya tujuan/sasaran Renstra yang mendukung RPJMD" }]);
  }
  await assertSupports(db, tenantId, plan, node.supports);
}

const userId = (c: Context<AppEnv>) => c.get("user")?.id ?? null;

// ---- plans ----
planRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/plans",
    tags: ["perencanaan"],
    summary: "RPJMD and Renstra of this tenant",
    request: { params: tenantParams, query: z.object({ kind: z.enum(PLAN_KINDS).optional(), pdId: z.string().max(64).optional() }) },
    responses: { 200: ok(z.object({ items: z.array(planOut) })), ...errors },
  }),
  async (c) => {
    const rows = await listPlans(tenantDb(c), c.get("tenant").id, c.req.valid("query"));
    return c.json({ items: rows.map((r) => planToOut(r.plan, r.pdName)) }, 200);
  },
);

planRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/plans",
    tags: ["perencanaan"],
    summary: "Start an RPJMD (tenant admin) or a PD's Renstra",
    middleware: [requireRole("tenant_admin", "agency_admin")] as const,
    request: { params: tenantParams, ...jsonBody(planInputSchema) },
    responses: { 201: ok(planOut, "Rencana dibuat"), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const input = c.req.valid("json");
    const db = tenantDb(c);
    const issues: Issue[] = [];
    if (input.yearTo < input.yearFrom || input.yearTo - input.yearFrom > 5) issues.push({ path: "yearTo", message: "Periode paling lama 5 tahun dan tidak terbalik" });
    let pdName: string | null = null;
    if (input.kind === "renstra") {
      const pd = input.pdId
        ? await db.select().from(perangkatDaerah).where(and(eq(perangkatDaerah.tenantId, tenant.id), eq(perangkatDaerah.id, input.pdId))).get()
        : undefined;
      if (!pd) issues.push({ path: "pdId", message: "Pilih perangkat daerah pemilik Renstra" });
      pdName = pd?.name ?? null;
      if (input.rpjmdPlanId) {
        const rpjmd = await db.select().from(plans).where(and(eq(plans.tenantId, tenant.id), eq(plans.id, input.rpjmdPlanId), eq(plans.kind, "rpjmd"))).get();
        if (!rpjmd) issues.push({ path: "rpjmdPlanId", message: "RPJMD tidak ditemukan" });
      }
    } else if (input.pdId || input.rpjmdPlanId) {
      issues.push({ path: input.pdId ? "pdId" : "rpjmdPlanId", message: "RPJMD berlaku untuk seluruh pemda" });
    }
    if (issues.length) throw invalid(issues);
    const now = Date.now();
    const row: Plan = {
      id: crypto.randomUUID(),
      tenantId: tenant.id,
      kind: input.kind,
      pdId: input.kind === "renstra" ? input.pdId! : null,
      rpjmdPlanId: input.kind === "renstra" ? (input.rpjmdPlanId ?? null) : null,
      name: input.name,
      yearFrom: input.yearFrom,
      yearTo: input.yearTo,
      status: "draft",
      approvedAt: null,
      approvedBy: null,
      createdAt: now,
      updatedAt: now,
    };
    assertCanEdit(c, row);
    const dup = (await listPlans(db, tenant.id, { kind: row.kind, ...(row.pdId ? { pdId: row.pdId } : {}) })).some((p) => p.plan.yearFrom === row.yearFrom && p.plan.pdId === row.pdId);
    if (dup) throw new AppError("conflict", `Sudah ada ${row.kind === "rpjmd" ? "RPJMD" : "Renstra"} mulai tahun ${row.yearFrom}`, [{ path: "yearFrom", message: "Periode sudah ada" }]);
    await db.batch([db.insert(plans).values(row), audit(c, db, { action: "create", entity: "plan", entityId: row.id, after: row })]);
    return c.json(planToOut(row, pdName), 201);
  },
);

planRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/plans/{planId}",
    tags: ["perencanaan"],
    summary: "A plan's whole tree (nodes, indicators, targets) as in force on a date (default today)",
    request: { params: planParams, query: asOfQuery },
    middleware: [readCache] as const,
    responses: { 200: ok(treeSchema), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const { plan, pdName } = await findPlanWithPd(db, tenant.id, c.req.valid("param").planId);
    const asOf = c.req.valid("query").asOf ?? defaultAsOf(plan);
    const [content, rpjmd] = await Promise.all([planContent(db, tenant.id, plan.id, asOf), rpjmdContext(db, tenant.id, plan.rpjmdPlanId, asOf)]);
    return c.json({ plan: planToOut(plan, pdName), asOf, nodes: treeOut(content), rpjmd }, 200);
  },
);

const capaianSchema = z.object({
  year: z.number(),
  years: z.array(z.number()),
  bands: z.array(z.object({ label: z.string(), min: z.number() })),
  nodes: z.array(
    z.object({
      nodeId: z.string(),
      capaian: z.number().nullable(),
      predikat: z.string().nullable(),
      outlier: z.boolean(),
      indicators: z.array(z.object({ indicatorId: z.string(), name: z.string(), capaian: z.number().nullable(), flags: z.array(z.string()) })),
    }),
  ),
});

planRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/plans/{planId}/capaian",
    tags: ["perencanaan"],
    summary: "Capaian per node for one year (default: the latest year with realisasi), to colour the pohon kinerja by the tenant's bands",
    request: { params: planParams, query: z.object({ year: z.coerce.number({ error: "Tahun harus angka" }).int("Tahun harus angka bulat").min(2000).max(2100).optional() }) },
    middleware: [readCache] as const,
    responses: { 200: ok(capaianSchema), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const plan = await findPlan(db, tenant.id, c.req.valid("param").planId);
    const settings = await readTenantSettings(controlDb(c), tenant.id);
    return c.json(await planCapaian(db, tenant.id, plan, settings, c.req.valid("query").year), 200);
  },
);

planRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/plans/{planId}/cascade",
    tags: ["perencanaan"],
    summary: "The Renstra trees of every PD that follows this RPJMD, as in force on a date: the pemda-wide pohon kinerja",
    request: { params: planParams, query: asOfQuery },
    middleware: [readCache] as const,
    responses: { 200: ok(z.object({ asOf: z.string(), plans: z.array(z.object({ plan: planOut, nodes: z.array(nodeSchema) })) })), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const plan = await findPlan(db, tenant.id, c.req.valid("param").planId);
    if (plan.kind !== "rpjmd") throw new AppError("bad_request", "Cascading pemda dibaca dari RPJMD; buka Renstra untuk pohon kinerja perangkat daerah");
    const asOf = c.req.valid("query").asOf ?? defaultAsOf(plan);
    const followers = (await listPlans(db, tenant.id, { kind: "renstra" })).filter((r) => r.plan.rpjmdPlanId === plan.id);
    const plans = [];
    for (const f of followers) plans.push({ plan: planToOut(f.plan, f.pdName), nodes: treeOut(await planContent(db, tenant.id, f.plan.id, asOf)) });
    return c.json({ asOf, plans }, 200);
  },
);

planRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/tenants/{code}/plans/{planId}",
    tags: ["perencanaan"],
    summary: "Rename a plan or link its RPJMD; the period changes only while it is a draft",
    middleware: [requireRole("tenant_admin", "agency_admin")] as const,
    request: { params: planParams, ...jsonBody(planInputSchema.pick({ name: true, rpjmdPlanId: true, yearFrom: true, yearTo: true }).partial()) },
    responses: { 200: ok(planOut), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const before = await findPlan(db, tenant.id, c.req.valid("param").planId);
    assertCanEdit(c, before);
    const patch = c.req.valid("json");
    const after = { ...before, ...patch, updatedAt: Date.now() };
    const issues: Issue[] = [];
    if ((patch.yearFrom !== undefined || patch.yearTo !== undefined) && before.status === "approved") issues.push({ path: "yearFrom", message: "Periode rencana yang sudah disetujui tidak dapat diubah" });
    if (after.yearTo < after.yearFrom || after.yearTo - after.yearFrom > 5) issues.push({ path: "yearTo", message: "Periode paling lama 5 tahun dan tidak terbalik" });
    if (patch.rpjmdPlanId) {
      const rpjmd = before.kind === "renstra" ? await db.select().from(plans).where(and(eq(plans.tenantId, tenant.id), eq(plans.id, patch.rpjmdPlanId), eq(plans.kind, "rpjmd"))).get() : undefined;
      if (!rpjmd) issues.push({ path: "rpjmdPlanId", message: "RPJMD tidak ditemukan" });
    }
    if (issues.length) throw invalid(issues);
    await db.batch([
      db
        .update(plans)
        .set({ name: after.name, rpjmdPlanId: after.rpjmdPlanId, yearFrom: after.yearFrom, yearTo: after.yearTo, updatedAt: after.updatedAt })
        .where(and(eq(plans.tenantId, tenant.id), eq(plans.id, before.id))),
      audit(c, db, { action: "update", entity: "plan", entityId: before.id, before, after }),
    ]);
    return c.json(planToOut(after, null), 200);
  },
);

planRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/plans/{planId}/approve",
    tags: ["perencanaan"],
    summary: "Approve a plan: from now on every change is a dated revision with a reason",
    middleware: [requireRole("tenant_admin", "agency_head")] as const,
    request: { params: planParams },
    responses: { 200: ok(planOut), 409: errors[404], ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const plan = await findPlan(db, tenant.id, c.req.valid("param").planId);
    const grants = c.get("grants");
    const allowed = plan.kind === "rpjmd" ? grants.some((g) => g.role === "tenant_admin") : canActForPd(grants, ["tenant_admin", "agency_head"], plan.pdId!);
    if (!allowed) throw new AppError("forbidden", "Renstra disetujui oleh kepala perangkat daerahnya atau admin pemda");
    if (plan.status === "approved") throw new AppError("conflict", "Rencana ini sudah disetujui; ubah isinya melalui revisi bertanggal");
    const after = { ...plan, status: "approved" as const, approvedAt: Date.now(), approvedBy: userId(c), updatedAt: Date.now() };
    await db.batch([
      db
        .update(plans)
        .set({ status: after.status, approvedAt: after.approvedAt, approvedBy: after.approvedBy, updatedAt: after.updatedAt })
        .where(and(eq(plans.tenantId, tenant.id), eq(plans.id, plan.id))),
      audit(c, db, { action: "update", entity: "plan", entityId: plan.id, before: { status: plan.status }, after: { status: after.status } }),
    ]);
    return c.json(planToOut(after, null), 200);
  },
);

// ---- nodes ----
planRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/plans/{planId}/nodes",
    tags: ["perencanaan"],
    summary: "Add a node (tujuan, sasaran, program, kegiatan, sub kegiatan, rencana aksi …) under its parent",
    middleware: [requireRole("tenant_admin", "agency_admin")] as const,
    request: { params: planParams, ...jsonBody(nodeInputSchema) },
    responses: { 201: ok(nodeSchema, "Simpul dibuat"), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const plan = await findPlan(db, tenant.id, c.req.valid("param").planId);
    assertCanEdit(c, plan);
    const input = c.req.valid("json");
    const content = await planContent(db, tenant.id, plan.id, null);
    const placed = { parentId: input.parentId ?? null, supports: input.supports ?? [] };
    await checkPlacement(db, tenant.id, plan, input.level, placed, content);
    if (input.ownerJabatanId) await assertJabatan(db, tenant.id, plan, input.ownerJabatanId);
    const rev = revisionFor(plan, input);
    const now = Date.now();
    const nodeId = crypto.randomUUID();
    const version = {
      id: crypto.randomUUID(),
      tenantId: tenant.id,
      planId: plan.id,
      nodeId,
      version: 1,
      effectiveDate: rev.effectiveDate,
      reason: rev.reason,
      removed: false,
      ...placed,
      supports: JSON.stringify(placed.supports),
      code: input.code || null,
      name: input.name,
      ownerJabatanId: input.ownerJabatanId ?? null,
      schedule: scheduleIn(input.schedule ?? []),
      budget: input.budget ?? null,
      position: input.position ?? content.nodes.size,
      createdBy: userId(c),
      createdAt: now,
    };
    await db.batch([
      db.insert(planNodes).values({ id: nodeId, tenantId: tenant.id, planId: plan.id, pdId: plan.pdId, level: input.level, createdAt: now }),
      db.insert(planNodeVersions).values(version),
      audit(c, db, { action: "create", entity: "plan_node", entityId: nodeId, after: { level: input.level, ...version } }),
    ]);
    const owner = input.ownerJabatanId ? await db.select({ name: jabatan.name, eselon: jabatan.eselon }).from(jabatan).where(and(eq(jabatan.tenantId, tenant.id), eq(jabatan.id, input.ownerJabatanId))).get() : undefined;
    return c.json(nodeOut({ ...version, level: input.level, ownerName: owner?.name ?? null, ownerEselon: owner?.eselon ?? null }), 201);
  },
);

async function loadNode(c: Context<AppEnv>, planId: string, nodeId: string) {
  const tenant = c.get("tenant");
  const db = tenantDb(c);
  const plan = await findPlan(db, tenant.id, planId);
  const content = await planContent(db, tenant.id, plan.id, null);
  const node = content.nodes.get(nodeId);
  if (!node) throw notFound("Simpul rencana");
  return { tenant, db, plan, content, node };
}

planRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/tenants/{code}/plans/{planId}/nodes/{nodeId}",
    tags: ["perencanaan"],
    summary: "Change a node; in an approved plan this is a new version with effective date and reason",
    middleware: [requireRole("tenant_admin", "agency_admin")] as const,
    request: { params: nodeParams, ...jsonBody(nodePatchSchema) },
    responses: { 200: ok(nodeSchema), ...errors },
  }),
  async (c) => {
    const { planId, nodeId } = c.req.valid("param");
    const { tenant, db, plan, content, node } = await loadNode(c, planId, nodeId);
    assertCanEdit(c, plan);
    const patch = c.req.valid("json");
    const placed = {
      parentId: patch.parentId !== undefined ? patch.parentId : node.parentId,
      supports: patch.supports ?? (JSON.parse(node.supports) as string[]),
    };
    await checkPlacement(db, tenant.id, plan, node.level, placed, content);
    if (patch.ownerJabatanId) await assertJabatan(db, tenant.id, plan, patch.ownerJabatanId);
    const rev = revisionFor(plan, patch, node.effectiveDate);
    const after = {
      ...node,
      ...placed,
      supports: JSON.stringify(placed.supports),
      code: patch.code !== undefined ? patch.code || null : node.code,
      name: patch.name ?? node.name,
      ownerJabatanId: patch.ownerJabatanId !== undefined ? patch.ownerJabatanId : node.ownerJabatanId,
      schedule: patch.schedule ? scheduleIn(patch.schedule) : node.schedule,
      budget: patch.budget !== undefined ? patch.budget : node.budget,
      position: patch.position ?? node.position,
    };
    const { level: _l, ownerName: _n, ownerEselon: _e, ...columns } = after;
    const write = rev.draft
      ? db.update(planNodeVersions).set(columns).where(and(eq(planNodeVersions.tenantId, tenant.id), eq(planNodeVersions.id, node.id)))
      : db.insert(planNodeVersions).values({ ...columns, id: crypto.randomUUID(), version: node.version + 1, effectiveDate: rev.effectiveDate, reason: rev.reason, createdBy: userId(c), createdAt: Date.now() });
    await db.batch([write, audit(c, db, { action: "update", entity: "plan_node", entityId: nodeId, before: node, after: { ...columns, ...rev } })]);
    const fresh = (await planContent(db, tenant.id, plan.id, null)).nodes.get(nodeId)!;
    return c.json(nodeOut(fresh), 200);
  },
);

planRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/tenants/{code}/plans/{planId}/nodes/{nodeId}",
    tags: ["perencanaan"],
    summary: "Remove a node without dependants (approved plan: a dated removal with a reason)",
    middleware: [requireRole("tenant_admin", "agency_admin")] as const,
    request: { params: nodeParams, query: removalQuery },
    responses: { 200: ok(okSchema), 409: errors[404], ...errors },
  }),
  async (c) => {
    const { planId, nodeId } = c.req.valid("param");
    const { tenant, db, plan, content, node } = await loadNode(c, planId, nodeId);
    assertCanEdit(c, plan);
    const dependants = await nodeDependants(db, tenant.id, plan, nodeId, content);
    if (dependants.length) {
      const shown = dependants.slice(0, 5).join(", ") + (dependants.length > 5 ? `, dan ${dependants.length - 5} lainnya` : "");
      throw new AppError("conflict", `"${node.name}" tidak dapat dihapus karena masih menjadi induk/acuan bagi atau dipakai oleh: ${shown}. Pindahkan atau hapus itu lebih dulu.`);
    }
    const rev = revisionFor(plan, c.req.valid("query"), node.effectiveDate);
    const indicatorIds = [...content.indicators.values()].filter((i) => i.nodeId === nodeId).map((i) => i.indicatorId);
    const { level: _l, ownerName: _n, ownerEselon: _e, ...columns } = node;
    const writes = rev.draft
      ? [
          ...(indicatorIds.length
            ? [
                db.delete(indicatorTargets).where(and(eq(indicatorTargets.tenantId, tenant.id), inArray(indicatorTargets.indicatorId, indicatorIds))),
                db.delete(indicatorVersions).where(and(eq(indicatorVersions.tenantId, tenant.id), inArray(indicatorVersions.indicatorId, indicatorIds))),
                db.delete(indicators).where(and(eq(indicators.tenantId, tenant.id), inArray(indicators.id, indicatorIds))),
              ]
            : []),
          db.delete(planNodeVersions).where(and(eq(planNodeVersions.tenantId, tenant.id), eq(planNodeVersions.nodeId, nodeId))),
          db.delete(planNodes).where(and(eq(planNodes.tenantId, tenant.id), eq(planNodes.id, nodeId))),
        ]
      : [db.insert(planNodeVersions).values({ ...columns, id: crypto.randomUUID(), version: node.version + 1, removed: true, effectiveDate: rev.effectiveDate, reason: rev.reason, createdBy: userId(c), createdAt: Date.now() })];
    await db.batch([writes[0]!, ...writes.slice(1), audit(c, db, { action: "delete", entity: "plan_node", entityId: nodeId, before: node, after: rev.draft ? null : rev })]);
    return c.json({ ok: true as const }, 200);
  },
);

planRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/plans/{planId}/nodes/{nodeId}/history",
    tags: ["perencanaan"],
    summary: "Every version of a node, its indicators and their targets",
    request: { params: nodeParams },
    responses: { 200: ok(historySchema), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const { planId, nodeId } = c.req.valid("param");
    const plan = await findPlan(db, tenant.id, planId);
    const nodeVersions = await db
      .select()
      .from(planNodeVersions)
      .where(and(eq(planNodeVersions.tenantId, tenant.id), eq(planNodeVersions.planId, plan.id), eq(planNodeVersions.nodeId, nodeId)))
      .orderBy(planNodeVersions.version)
      .all();
    if (nodeVersions.length === 0) throw notFound("Simpul rencana");
    const ids = (await db.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.tenantId, tenant.id), eq(indicators.nodeId, nodeId))).all()).map((r) => r.id);
    const [indRows, targetRows] = ids.length
      ? await db.batch([
          db.select().from(indicatorVersions).where(and(eq(indicatorVersions.tenantId, tenant.id), inArray(indicatorVersions.indicatorId, ids))).orderBy(indicatorVersions.version),
          db.select().from(indicatorTargets).where(and(eq(indicatorTargets.tenantId, tenant.id), inArray(indicatorTargets.indicatorId, ids))).orderBy(indicatorTargets.year, indicatorTargets.period, indicatorTargets.version),
        ])
      : [[], []];
    const meta = (r: { version: number; effectiveDate: string; reason: string | null; removed: boolean; createdAt: number }) => ({
      version: r.version,
      effectiveDate: r.effectiveDate,
      reason: r.reason,
      removed: r.removed,
      createdAt: new Date(r.createdAt).toISOString(),
    });
    return c.json(
      {
        node: nodeVersions.map((r) => ({ ...meta(r), name: r.name, code: r.code, parentId: r.parentId, ownerJabatanId: r.ownerJabatanId })),
        indicators: indRows.map((r) => ({ ...meta(r), indicatorId: r.indicatorId, name: r.name, satuan: r.satuan })),
        targets: targetRows.map((r) => ({ ...meta(r), indicatorId: r.indicatorId, year: r.year, period: r.period, value: r.valueText })),
      },
      200,
    );
  },
);

// ---- indicators and targets ----
type IndicatorInput = z.infer<typeof indicatorInputSchema>;

/** Indicator fields as stored; categorical needs a scale of at least two steps. */
function indicatorColumns(input: Omit<IndicatorInput, "effectiveDate" | "reason">) {
  const scale = parseScale(input.scale);
  if (input.kind === "categorical" && scale.length < 2) throw invalid([{ path: "scale", message: 'Skala kategori minimal dua tingkat, terbaik lebih dulu: "AA>A>BB>B"' }]);
  return {
    name: input.name,
    satuan: input.satuan,
    polarity: input.polarity,
    negativeMethod: input.negativeMethod ?? "2T-R",
    kind: input.kind,
    scale: input.kind === "categorical" ? JSON.stringify(scale) : null,
    formulaNumerator: input.formulaNumerator || null,
    formulaDenominator: input.formulaDenominator || null,
    formulaNote: input.formulaNote || null,
    sumberData: input.sumberData || null,
    penanggungJawab: input.penanggungJawab || null,
    aggregation: input.aggregation ?? "cumulative",
    isIku: input.isIku ?? false,
    position: input.position ?? 0,
  };
}

planRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/plans/{planId}/nodes/{nodeId}/indicators",
    tags: ["perencanaan"],
    summary: "Add an indicator to a node",
    middleware: [requireRole("tenant_admin", "agency_admin")] as const,
    request: { params: nodeParams, ...jsonBody(indicatorInputSchema) },
    responses: { 201: ok(indicatorSchema, "Indikator dibuat"), ...errors },
  }),
  async (c) => {
    const { planId, nodeId } = c.req.valid("param");
    const { tenant, db, plan } = await loadNode(c, planId, nodeId);
    assertCanEdit(c, plan);
    const input = c.req.valid("json");
    const columns = indicatorColumns(input);
    const rev = revisionFor(plan, input);
    const now = Date.now();
    const id = crypto.randomUUID();
    const version = { ...columns, id: crypto.randomUUID(), tenantId: tenant.id, planId: plan.id, indicatorId: id, version: 1, effectiveDate: rev.effectiveDate, reason: rev.reason, removed: false, createdBy: userId(c), createdAt: now };
    await db.batch([
      db.insert(indicators).values({ id, tenantId: tenant.id, planId: plan.id, nodeId, createdAt: now }),
      db.insert(indicatorVersions).values(version),
      audit(c, db, { action: "create", entity: "indicator", entityId: id, after: version }),
    ]);
    return c.json(indicatorOut({ ...version, nodeId }), 201);
  },
);

async function loadIndicator(c: Context<AppEnv>, planId: string, indicatorId: string) {
  const tenant = c.get("tenant");
  const db = tenantDb(c);
  const plan = await findPlan(db, tenant.id, planId);
  const content = await planContent(db, tenant.id, plan.id, null);
  const indicator = content.indicators.get(indicatorId);
  if (!indicator || !content.nodes.has(indicator.nodeId)) throw notFound("Indikator");
  const targets = [...content.targets.values()].filter((t) => t.indicatorId === indicatorId);
  return { tenant, db, plan, indicator, targets };
}

planRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/tenants/{code}/plans/{planId}/indicators/{indicatorId}",
    tags: ["perencanaan"],
    summary: "Change an indicator (approved plan: new version)",
    middleware: [requireRole("tenant_admin", "agency_admin")] as const,
    request: { params: indicatorParams, ...jsonBody(indicatorPatchSchema) },
    responses: { 200: ok(indicatorSchema), ...errors },
  }),
  async (c) => {
    const { planId, indicatorId } = c.req.valid("param");
    const { tenant, db, plan, indicator, targets } = await loadIndicator(c, planId, indicatorId);
    assertCanEdit(c, plan);
    const patch = c.req.valid("json");
    const current = indicatorOut(indicator);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const columns = indicatorColumns({ ...current, ...defined } as IndicatorInput);
    // Existing targets must still read under the new kind/scale.
    const scale = columns.scale ? (JSON.parse(columns.scale) as string[]) : [];
    const broken = targets.find((t) => !parseTarget(t.valueText, { kind: columns.kind, scale }).ok);
    if (broken) throw invalid([{ path: patch.scale !== undefined ? "scale" : "kind", message: `Target ${broken.year} "${broken.valueText}" tidak sesuai lagi; ubah targetnya lebih dulu` }]);
    const rev = revisionFor(plan, patch, indicator.effectiveDate);
    const write = rev.draft
      ? db.update(indicatorVersions).set(columns).where(and(eq(indicatorVersions.tenantId, tenant.id), eq(indicatorVersions.id, indicator.id)))
      : db.insert(indicatorVersions).values({ ...columns, id: crypto.randomUUID(), tenantId: tenant.id, planId: plan.id, indicatorId, version: indicator.version + 1, effectiveDate: rev.effectiveDate, reason: rev.reason, removed: false, createdBy: userId(c), createdAt: Date.now() });
    await db.batch([write, audit(c, db, { action: "update", entity: "indicator", entityId: indicatorId, before: current, after: { ...columns, ...rev } })]);
    const after = { ...indicator, ...columns, ...(rev.draft ? {} : { version: indicator.version + 1, effectiveDate: rev.effectiveDate, reason: rev.reason }) };
    return c.json(indicatorOut(after, targets), 200);
  },
);

planRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/tenants/{code}/plans/{planId}/indicators/{indicatorId}",
    tags: ["perencanaan"],
    summary: "Remove an indicator (approved plan: a dated removal with a reason)",
    middleware: [requireRole("tenant_admin", "agency_admin")] as const,
    request: { params: indicatorParams, query: removalQuery },
    responses: { 200: ok(okSchema), 409: errors[404], ...errors },
  }),
  async (c) => {
    const { planId, indicatorId } = c.req.valid("param");
    const { tenant, db, plan, indicator } = await loadIndicator(c, planId, indicatorId);
    assertCanEdit(c, plan);
    const dependants = await performanceDependants(db, tenant.id, [indicatorId]);
    if (dependants.length) {
      throw new AppError("conflict", `Indikator "${indicator.name}" tidak dapat dihapus karena masih dipakai oleh: ${dependants.join(", ")}. Hapus realisasi/baris PK itu lebih dulu.`);
    }
    const rev = revisionFor(plan, c.req.valid("query"), indicator.effectiveDate);
    const { nodeId: _n, ...columns } = indicator;
    const log = audit(c, db, { action: "delete", entity: "indicator", entityId: indicatorId, before: indicatorOut(indicator), after: rev.draft ? null : rev });
    if (rev.draft) {
      await db.batch([
        db.delete(indicatorTargets).where(and(eq(indicatorTargets.tenantId, tenant.id), eq(indicatorTargets.indicatorId, indicatorId))),
        db.delete(indicatorVersions).where(and(eq(indicatorVersions.tenantId, tenant.id), eq(indicatorVersions.indicatorId, indicatorId))),
        db.delete(indicators).where(and(eq(indicators.tenantId, tenant.id), eq(indicators.id, indicatorId))),
        log,
      ]);
    } else {
      await db.batch([
        db.insert(indicatorVersions).values({ ...columns, id: crypto.randomUUID(), version: indicator.version + 1, removed: true, effectiveDate: rev.effectiveDate, reason: rev.reason, createdBy: userId(c), createdAt: Date.now() }),
        log,
      ]);
    }
    return c.json({ ok: true as const }, 200);
  },
);

planRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/plans/{planId}/indicators/{indicatorId}/targets",
    tags: ["perencanaan"],
    summary: "Set (upsert) yearly and triwulan targets; an empty value removes one. Approved plan: new versions",
    middleware: [requireRole("tenant_admin", "agency_admin")] as const,
    request: { params: indicatorParams, ...jsonBody(targetsInputSchema) },
    responses: { 200: ok(indicatorSchema), ...errors },
  }),
  async (c) => {
    const { planId, indicatorId } = c.req.valid("param");
    const { tenant, db, plan, indicator, targets } = await loadIndicator(c, planId, indicatorId);
    assertCanEdit(c, plan);
    const input = c.req.valid("json");
    const scale = indicator.scale ? (JSON.parse(indicator.scale) as string[]) : [];
    const current = new Map(targets.map((t) => [`${t.year}:${t.period}`, t]));
    const issues: Issue[] = [];
    const seen = new Set<string>();
    type Change = { before: (typeof targets)[number] | undefined; parsed: Extract<ReturnType<typeof parseTarget>, { ok: true }> | null; input: (typeof input.targets)[number] };
    const changes = input.targets.flatMap((t, i): Change[] => {
      const key = `${t.year}:${t.period}`;
      if (t.year < plan.yearFrom || t.year > plan.yearTo) issues.push({ path: `targets.${i}.year`, message: `Tahun di luar periode ${plan.yearFrom}–${plan.yearTo}` });
      if (seen.has(key)) issues.push({ path: `targets.${i}.period`, message: "Target ini tertulis dua kali" });
      seen.add(key);
      const before = current.get(key);
      if (t.value === "") return before ? [{ before, parsed: null, input: t }] : [];
      const parsed = parseTarget(t.value, { kind: indicator.kind, scale });
      if (!parsed.ok) {
        issues.push({ path: `targets.${i}.value`, message: parsed.message });
        return [];
      }
      const cumulative = t.period > 0 && (t.cumulative ?? false);
      if (before && before.valueText === t.value && before.cumulative === cumulative) return [];
      return [{ before, parsed, input: { ...t, cumulative } }];
    });
    if (issues.length) throw invalid(issues);
    const rev = revisionFor(plan, input, [...current.values()].reduce((m, t) => (t.effectiveDate > m ? t.effectiveDate : m), ""));
    const now = Date.now();
    const writes = changes.map(({ before, parsed, input: t }) => {
      const values = parsed
        ? { valueText: t.value, valueNum: parsed.valueNum, valueMax: parsed.valueMax, category: parsed.category, label: parsed.label, cumulative: t.cumulative ?? false, removed: false }
        : { ...before!, removed: true };
      if (rev.draft && before) {
        return parsed
          ? db.update(indicatorTargets).set(values).where(and(eq(indicatorTargets.tenantId, tenant.id), eq(indicatorTargets.id, before.id)))
          : db.delete(indicatorTargets).where(and(eq(indicatorTargets.tenantId, tenant.id), eq(indicatorTargets.id, before.id)));
      }
      return db.insert(indicatorTargets).values({
        ...values,
        id: crypto.randomUUID(),
        tenantId: tenant.id,
        planId: plan.id,
        indicatorId,
        year: t.year,
        period: t.period,
        version: (before?.version ?? 0) + 1,
        effectiveDate: rev.effectiveDate,
        reason: rev.reason,
        createdBy: userId(c),
        createdAt: now,
      });
    });
    if (writes.length) {
      const summary = changes.map((ch) => ({ year: ch.input.year, period: ch.input.period, before: ch.before?.valueText ?? null, after: ch.parsed ? ch.input.value : null }));
      await db.batch([writes[0]!, ...writes.slice(1), audit(c, db, { action: "update", entity: "indicator_target", entityId: indicatorId, before: null, after: { changes: summary, ...rev } })]);
    }
    const fresh = await loadIndicator(c, planId, indicatorId);
    return c.json(indicatorOut(fresh.indicator, fresh.targets), 200);
  },
);

