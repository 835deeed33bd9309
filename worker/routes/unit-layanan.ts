import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { AppEnv } from "../env";
import { controlDb, tenantDb, type Db } from "../db/client";
import { releaseSlug, withSlug } from "../data/ikm-slugs";
import { perangkatDaerah, unitLayanan } from "../db/schema";
import { AppError, notFound } from "../errors";
import { errors, jsonBody, ok, tenantParams } from "../openapi";
import { canActForPd } from "../middleware/tenant";
import { audit } from "../audit";
import { unitsWithPd, type UnitRow } from "../data/ikm";
import { forgetPublicUnit } from "../intake/public-unit";
import { unitLayananInputSchema, unitLayananPatchSchema } from "../../shared/schemas/ikm";

export const unitLayananRoutes = new OpenAPIHono<AppEnv>();

const unitOut = z.object({
  id: z.string(),
  pdId: z.string(),
  pdName: z.string(),
  name: z.string(),
  slug: z.string(),
  services: z.array(z.string()),
  populations: z.record(z.string(), z.number()),
  published: z.boolean(),
  onePerDevice: z.boolean(),
  active: z.boolean(),
});
const toOut = (u: UnitRow, pdName: string) => ({
  id: u.id,
  pdId: u.pdId,
  pdName,
  name: u.name,
  slug: u.slug,
  services: JSON.parse(u.services) as string[],
  populations: JSON.parse(u.populations) as Record<string, number>,
  published: u.published,
  onePerDevice: u.onePerDevice,
  active: u.active,
});
const unitParams = tenantParams.extend({ id: z.string().max(64) });

async function findPdName(db: Db, tenantId: string, pdId: string) {
  const pd = await db
    .select({ name: perangkatDaerah.name })
    .from(perangkatDaerah)
    .where(and(eq(perangkatDaerah.tenantId, tenantId), eq(perangkatDaerah.id, pdId)))
    .get();
  if (!pd) throw new AppError("validation_failed", "Perangkat daerah tidak dikenal", [{ path: "pdId", message: "Pilih perangkat daerah pemda ini" }]);
  return pd.name;
}

/** Tenant admins manage every unit; a PD operator manages the units of their PD. */
function assertMayManage(grants: AppEnv["Variables"]["grants"], pdId: string) {
  if (!canActForPd(grants, ["tenant_admin", "agency_admin"], pdId)) {
    throw new AppError("forbidden", "Peran Anda tidak mengizinkan mengelola unit layanan perangkat daerah ini");
  }
}

unitLayananRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/unit-layanan",
    tags: ["ikm"],
    summary: "Unit layanan (service points) of this tenant",
    request: { params: tenantParams, query: z.object({ pdId: z.string().max(64).optional() }) },
    responses: { 200: ok(z.object({ items: z.array(unitOut) })), ...errors },
  }),
  async (c) => {
    const { pdId } = c.req.valid("query");
    const rows = await unitsWithPd(tenantDb(c), c.get("tenant").id);
    return c.json({ items: rows.filter((r) => !pdId || r.unit.pdId === pdId).map((r) => toOut(r.unit, r.pdName)) }, 200);
  },
);

unitLayananRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/unit-layanan/{id}",
    tags: ["ikm"],
    summary: "One unit layanan",
    request: { params: unitParams },
    responses: { 200: ok(unitOut), ...errors },
  }),
  async (c) => {
    const tenantId = c.get("tenant").id;
    const db = tenantDb(c);
    const unit = await findUnit(db, tenantId, c.req.valid("param").id);
    return c.json(toOut(unit, await findPdName(db, tenantId, unit.pdId)), 200);
  },
);

unitLayananRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/unit-layanan",
    tags: ["ikm"],
    summary: "Register a unit layanan",
    request: { params: tenantParams, ...jsonBody(unitLayananInputSchema) },
    responses: { 201: ok(unitOut, "Unit layanan dibuat"), ...errors },
  }),
  async (c) => {
    const tenantId = c.get("tenant").id;
    const input = c.req.valid("json");
    assertMayManage(c.get("grants"), input.pdId);
    const db = tenantDb(c);
    const pdName = await findPdName(db, tenantId, input.pdId);
    const now = Date.now();
    const row: UnitRow = {
      id: crypto.randomUUID(),
      tenantId,
      ...input,
      services: JSON.stringify(input.services),
      populations: JSON.stringify(input.populations),
      createdAt: now,
      updatedAt: now,
    };
    // Slugs are global (the public link): the control plane's slug map decides who holds one.
    await withSlug(controlDb(c), row.slug, tenantId, row.id, () =>
      db.batch([db.insert(unitLayanan).values(row), audit(c, db, { action: "create", entity: "unit_layanan", entityId: row.id, after: toOut(row, pdName) })]),
    );
    return c.json(toOut(row, pdName), 201);
  },
);

unitLayananRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/tenants/{code}/unit-layanan/{id}",
    tags: ["ikm"],
    summary: "Change a unit layanan (rename, move, population, deactivate)",
    request: { params: unitParams, ...jsonBody(unitLayananPatchSchema) },
    responses: { 200: ok(unitOut), ...errors },
  }),
  async (c) => {
    const tenantId = c.get("tenant").id;
    const db = tenantDb(c);
    const before = await findUnit(db, tenantId, c.req.valid("param").id);
    const patch = c.req.valid("json");
    assertMayManage(c.get("grants"), before.pdId);
    if (patch.pdId) assertMayManage(c.get("grants"), patch.pdId);
    const pdName = await findPdName(db, tenantId, patch.pdId ?? before.pdId);
    const { services, populations, ...plain } = patch;
    const set = {
      ...plain,
      ...(services ? { services: JSON.stringify(services) } : {}),
      ...(populations ? { populations: JSON.stringify(populations) } : {}),
      updatedAt: Date.now(),
    };
    const after = { ...before, ...set };
    const write = () =>
      db.batch([
        db.update(unitLayanan).set(set).where(and(eq(unitLayanan.tenantId, tenantId), eq(unitLayanan.id, before.id))),
        audit(c, db, { action: "update", entity: "unit_layanan", entityId: before.id, before: toOut(before, pdName), after: toOut(after, pdName) }),
      ]);
    if (patch.slug && patch.slug !== before.slug) {
      const control = controlDb(c);
      await withSlug(control, patch.slug, tenantId, before.id, write);
      await releaseSlug(control, before.slug, tenantId, before.id);
    } else {
      await write();
    }
    forgetPublicUnit(before.slug);
    return c.json(toOut(after, pdName), 200);
  },
);

export async function findUnit(db: Db, tenantId: string, id: string): Promise<UnitRow> {
  const row = await db.select().from(unitLayanan).where(and(eq(unitLayanan.tenantId, tenantId), eq(unitLayanan.id, id))).get();
  if (!row) throw notFound("Unit layanan");
  return row;
}
