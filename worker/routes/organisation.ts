import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { and, asc, count, desc, eq, isNull, like, type SQL } from "drizzle-orm";
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { tenantDb, type Db } from "../db/client";
import { jabatan, jabatanHolders, orgUnits } from "../db/schema";
import { AppError } from "../errors";
import { errors, jsonBody, ok, tenantParams } from "../openapi";
import { canActForPd, requireRole } from "../middleware/tenant";
import { audit } from "../audit";
import { findJabatan, findPd, findUnit, pdTree } from "../data/organisation";
import { pageQuerySchema } from "../../shared/schemas/common";
import {
  ESELON,
  UNIT_KINDS,
  holderInputSchema,
  jabatanInputSchema,
  jabatanPatchSchema,
  orgUnitInputSchema,
  orgUnitPatchSchema,
} from "../../shared/schemas/organisation";
import { findCycle, structureWarnings } from "../../shared/formulas/struktur";

export const organisationRoutes = new OpenAPIHono<AppEnv>();

const unitOut = z.object({
  id: z.string(),
  pdId: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  eselon: z.string(),
  active: z.boolean(),
});
const jabatanOut = z.object({
  id: z.string(),
  pdId: z.string(),
  unitId: z.string().nullable(),
  name: z.string(),
  eselon: z.string(),
  isHead: z.boolean(),
  active: z.boolean(),
  holder: z.object({ name: z.string(), nip: z.string(), validFrom: z.string() }).nullable(),
});
const holderOut = z.object({ id: z.string(), name: z.string(), nip: z.string(), validFrom: z.string(), validTo: z.string().nullable() });

const unitToOut = (u: typeof orgUnits.$inferSelect) => ({ id: u.id, pdId: u.pdId, parentId: u.parentId, code: u.code, name: u.name, kind: u.kind, eselon: u.eselon, active: u.active });
const jabatanToOut = (j: typeof jabatan.$inferSelect, holder: { name: string; nip: string; validFrom: string } | null = null) => ({
  id: j.id, pdId: j.pdId, unitId: j.unitId, name: j.name, eselon: j.eselon, isHead: j.isHead, active: j.active, holder,
});

/** Tenant admins change every PD's structure; an agency admin only their own PD's. */
function assertCanEdit(c: Context<AppEnv>, pdId: string) {
  if (!canActForPd(c.get("grants"), ["tenant_admin", "agency_admin"], pdId)) {
    throw new AppError("forbidden", "Peran Anda tidak mengizinkan mengubah struktur perangkat daerah ini");
  }
}

async function assertUnitCodeFree(db: Db, tenantId: string, pdId: string, code: string, exceptId?: string) {
  const row = await db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.pdId, pdId), eq(orgUnits.code, code))).get();
  if (row && row.id !== exceptId) throw new AppError("conflict", `Kode unit ${code} sudah dipakai di PD ini`, [{ path: "code", message: "Kode sudah dipakai" }]);
}

/** The new parent must be a unit of the same PD, and not the unit itself or one of its descendants. */
async function assertParent(db: Db, tenantId: string, pdId: string, unitId: string | null, parentId: string | null) {
  if (!parentId) return;
  const units = await db.select({ id: orgUnits.id, parentId: orgUnits.parentId }).from(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.pdId, pdId)));
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  if (!parentOf.has(parentId)) throw new AppError("validation_failed", "Unit induk tidak ditemukan di perangkat daerah ini", [{ path: "parentId", message: "Unit induk tidak dikenal" }]);
  if (unitId) {
    parentOf.set(unitId, parentId);
    if (findCycle((id) => parentOf.get(id), unitId)) {
      throw new AppError("validation_failed", "Unit tidak dapat dipindahkan ke bawah dirinya sendiri atau unit bawahannya", [{ path: "parentId", message: "Membuat struktur berputar" }]);
    }
  }
}

const editor = requireRole("tenant_admin", "agency_admin");
const pdParams = tenantParams.extend({ pdId: z.string().max(64) });
const unitParams = tenantParams.extend({ unitId: z.string().max(64) });
const jabatanParams = tenantParams.extend({ jabatanId: z.string().max(64) });

organisationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/perangkat-daerah/{pdId}/struktur",
    tags: ["organisasi"],
    summary: "A PD's whole unit tree (flat, with parentId), jabatan with current holders, and Permendagri 56/2019 warnings",
    request: { params: pdParams },
    responses: {
      200: ok(z.object({ units: z.array(unitOut), jabatan: z.array(jabatanOut), warnings: z.array(z.object({ unitId: z.string(), message: z.string() })) })),
      ...errors,
    },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const pd = await findPd(db, tenant.id, c.req.valid("param").pdId);
    const { units, jabatan: rows, holders } = await pdTree(db, tenant.id, pd.id);
    const holderOf = new Map(holders.map((h) => [h.jabatanId, { name: h.name, nip: h.nip, validFrom: h.validFrom }]));
    return c.json({ units: units.map(unitToOut), jabatan: rows.map((j) => jabatanToOut(j, holderOf.get(j.id) ?? null)), warnings: structureWarnings(units) }, 200);
  },
);

organisationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/org-units",
    tags: ["organisasi"],
    summary: "Units across PDs as a table (search, filter by PD, kind, eselon, status; paginated)",
    request: {
      params: tenantParams,
      query: pageQuerySchema.extend({
        q: z.string().trim().max(100).optional(),
        pdId: z.string().max(64).optional(),
        kind: z.enum(UNIT_KINDS).optional(),
        eselon: z.enum(ESELON).optional(),
        active: z.enum(["true", "false"]).optional(),
      }),
    },
    responses: { 200: ok(z.object({ items: z.array(unitOut), total: z.number() })), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const { q, pdId, kind, eselon, active, limit, offset } = c.req.valid("query");
    const filters: SQL[] = [eq(orgUnits.tenantId, tenant.id)];
    if (pdId) filters.push(eq(orgUnits.pdId, pdId));
    if (kind) filters.push(eq(orgUnits.kind, kind));
    if (eselon) filters.push(eq(orgUnits.eselon, eselon));
    if (active) filters.push(eq(orgUnits.active, active === "true"));
    if (q) filters.push(like(orgUnits.name, `%${q}%`));
    const where = and(...filters);
    const db = tenantDb(c);
    const [rows, total] = await db.batch([
      db.select().from(orgUnits).where(where).orderBy(asc(orgUnits.pdId), asc(orgUnits.code)).limit(limit).offset(offset),
      db.select({ n: count() }).from(orgUnits).where(where),
    ]);
    return c.json({ items: rows.map(unitToOut), total: total[0]?.n ?? 0 }, 200);
  },
);

organisationRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/perangkat-daerah/{pdId}/units",
    tags: ["organisasi"],
    summary: "Add a unit to a PD's tree",
    middleware: [editor] as const,
    request: { params: pdParams, ...jsonBody(orgUnitInputSchema) },
    responses: { 201: ok(unitOut, "Unit dibuat"), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const pd = await findPd(db, tenant.id, c.req.valid("param").pdId);
    assertCanEdit(c, pd.id);
    const input = c.req.valid("json");
    await assertUnitCodeFree(db, tenant.id, pd.id, input.code);
    await assertParent(db, tenant.id, pd.id, null, input.parentId);
    const now = Date.now();
    const row = { id: crypto.randomUUID(), tenantId: tenant.id, pdId: pd.id, ...input, active: true, createdAt: now, updatedAt: now };
    await db.batch([db.insert(orgUnits).values(row), audit(c, db, { action: "create", entity: "org_unit", entityId: row.id, after: unitToOut(row) })]);
    return c.json(unitToOut(row), 201);
  },
);

organisationRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/tenants/{code}/org-units/{unitId}",
    tags: ["organisasi"],
    summary: "Rename, recode, move (parentId) or deactivate a unit; a move under its own descendant is refused (400)",
    middleware: [editor] as const,
    request: { params: unitParams, ...jsonBody(orgUnitPatchSchema) },
    responses: { 200: ok(unitOut), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const before = await findUnit(db, tenant.id, c.req.valid("param").unitId);
    assertCanEdit(c, before.pdId);
    const patch = c.req.valid("json");
    if (patch.code) await assertUnitCodeFree(db, tenant.id, before.pdId, patch.code, before.id);
    if (patch.parentId !== undefined) await assertParent(db, tenant.id, before.pdId, before.id, patch.parentId);
    const after = { ...before, ...patch, updatedAt: Date.now() };
    await db.batch([
      db.update(orgUnits).set({ ...patch, updatedAt: after.updatedAt }).where(and(eq(orgUnits.tenantId, tenant.id), eq(orgUnits.id, before.id))),
      audit(c, db, { action: "update", entity: "org_unit", entityId: before.id, before: unitToOut(before), after: unitToOut(after) }),
    ]);
    return c.json(unitToOut(after), 200);
  },
);

organisationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/jabatan",
    tags: ["organisasi"],
    summary: "Jabatan of a PD (optionally of one unit), with current holders",
    request: { params: tenantParams, query: z.object({ pdId: z.string().min(1).max(64), unitId: z.string().max(64).optional() }) },
    responses: { 200: ok(z.object({ items: z.array(jabatanOut) })), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const { pdId, unitId } = c.req.valid("query");
    const filters: SQL[] = [eq(jabatan.tenantId, tenant.id), eq(jabatan.pdId, pdId)];
    if (unitId) filters.push(eq(jabatan.unitId, unitId));
    const db = tenantDb(c);
    const [rows, holders] = await db.batch([
      db.select().from(jabatan).where(and(...filters)).orderBy(desc(jabatan.isHead), asc(jabatan.name)),
      db
        .select({ jabatanId: jabatanHolders.jabatanId, name: jabatanHolders.name, nip: jabatanHolders.nip, validFrom: jabatanHolders.validFrom })
        .from(jabatanHolders)
        .innerJoin(jabatan, eq(jabatan.id, jabatanHolders.jabatanId))
        .where(and(eq(jabatanHolders.tenantId, tenant.id), eq(jabatan.pdId, pdId), isNull(jabatanHolders.validTo))),
    ]);
    const holderOf = new Map(holders.map((h) => [h.jabatanId, { name: h.name, nip: h.nip, validFrom: h.validFrom }]));
    return c.json({ items: rows.map((j) => jabatanToOut(j, holderOf.get(j.id) ?? null)) }, 200);
  },
);

organisationRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/jabatan",
    tags: ["organisasi"],
    summary: "Create a jabatan in a PD (optionally in a unit; isHead marks the unit's head)",
    middleware: [editor] as const,
    request: { params: tenantParams, ...jsonBody(jabatanInputSchema) },
    responses: { 201: ok(jabatanOut, "Jabatan dibuat"), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const input = c.req.valid("json");
    const pd = await findPd(db, tenant.id, input.pdId);
    assertCanEdit(c, pd.id);
    if (input.unitId) {
      const unit = await findUnit(db, tenant.id, input.unitId);
      if (unit.pdId !== pd.id) throw new AppError("validation_failed", "Unit bukan bagian dari perangkat daerah ini", [{ path: "unitId", message: "Unit di PD lain" }]);
      if (input.isHead) {
        const head = await db.select({ id: jabatan.id }).from(jabatan).where(and(eq(jabatan.tenantId, tenant.id), eq(jabatan.unitId, unit.id), eq(jabatan.isHead, true))).get();
        if (head) throw new AppError("conflict", "Unit ini sudah punya jabatan kepala", [{ path: "isHead", message: "Sudah ada kepala" }]);
      }
    } else if (input.isHead) throw new AppError("validation_failed", "Jabatan kepala harus terkait unit", [{ path: "unitId", message: "Pilih unit" }]);
    const now = Date.now();
    const row = { id: crypto.randomUUID(), tenantId: tenant.id, ...input, pdId: pd.id, active: true, createdAt: now, updatedAt: now };
    await db.batch([db.insert(jabatan).values(row), audit(c, db, { action: "create", entity: "jabatan", entityId: row.id, after: jabatanToOut(row) })]);
    return c.json(jabatanToOut(row), 201);
  },
);

organisationRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/tenants/{code}/jabatan/{jabatanId}",
    tags: ["organisasi"],
    summary: "Rename, change eselon or deactivate a jabatan",
    middleware: [editor] as const,
    request: { params: jabatanParams, ...jsonBody(jabatanPatchSchema) },
    responses: { 200: ok(jabatanOut), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const before = await findJabatan(db, tenant.id, c.req.valid("param").jabatanId);
    assertCanEdit(c, before.pdId);
    const patch = c.req.valid("json");
    const after = { ...before, ...patch, updatedAt: Date.now() };
    await db.batch([
      db.update(jabatan).set({ ...patch, updatedAt: after.updatedAt }).where(and(eq(jabatan.tenantId, tenant.id), eq(jabatan.id, before.id))),
      audit(c, db, { action: "update", entity: "jabatan", entityId: before.id, before: jabatanToOut(before), after: jabatanToOut(after) }),
    ]);
    return c.json(jabatanToOut(after), 200);
  },
);

organisationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/jabatan/{jabatanId}/holders",
    tags: ["organisasi"],
    summary: "Who held a jabatan, newest first",
    request: { params: jabatanParams },
    responses: { 200: ok(z.object({ items: z.array(holderOut) })), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const j = await findJabatan(db, tenant.id, c.req.valid("param").jabatanId);
    const rows = await db.select().from(jabatanHolders).where(and(eq(jabatanHolders.tenantId, tenant.id), eq(jabatanHolders.jabatanId, j.id))).orderBy(desc(jabatanHolders.validFrom));
    return c.json({ items: rows.map((h) => ({ id: h.id, name: h.name, nip: h.nip, validFrom: h.validFrom, validTo: h.validTo })) }, 200);
  },
);

organisationRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/jabatan/{jabatanId}/holders",
    tags: ["organisasi"],
    summary: "A new holder from validFrom; the current holder's term ends the day before (history is kept)",
    middleware: [editor] as const,
    request: { params: jabatanParams, ...jsonBody(holderInputSchema) },
    responses: { 201: ok(holderOut, "Pejabat dicatat"), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const j = await findJabatan(db, tenant.id, c.req.valid("param").jabatanId);
    assertCanEdit(c, j.pdId);
    const input = c.req.valid("json");
    const current = await db.select().from(jabatanHolders).where(and(eq(jabatanHolders.tenantId, tenant.id), eq(jabatanHolders.jabatanId, j.id), isNull(jabatanHolders.validTo))).get();
    if (current && input.validFrom <= current.validFrom) {
      throw new AppError("validation_failed", `TMT harus setelah TMT pejabat saat ini (${current.validFrom})`, [{ path: "validFrom", message: "Sebelum pejabat saat ini" }]);
    }
    const now = Date.now();
    const row = { id: crypto.randomUUID(), tenantId: tenant.id, jabatanId: j.id, ...input, validTo: null, createdAt: now, updatedAt: now };
    const closeAt = new Date(Date.parse(`${input.validFrom}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await db.batch([
      db.insert(jabatanHolders).values(row),
      ...(current ? [db.update(jabatanHolders).set({ validTo: closeAt, updatedAt: now }).where(and(eq(jabatanHolders.tenantId, tenant.id), eq(jabatanHolders.id, current.id)))] : []),
      audit(c, db, { action: "create", entity: "jabatan_holder", entityId: row.id, after: { jabatanId: j.id, name: row.name, nip: row.nip, validFrom: row.validFrom } }),
    ]);
    return c.json({ id: row.id, name: row.name, nip: row.nip, validFrom: row.validFrom, validTo: null }, 201);
  },
);
