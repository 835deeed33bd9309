import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { and, asc, count, eq, like, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { AppEnv } from "../env";
import { tenantDb, type Db } from "../db/client";
import { perangkatDaerah } from "../db/schema";
import { AppError, notFound } from "../errors";
import { errors, jsonBody, ok, tenantParams } from "../openapi";
import { pageQuerySchema } from "../../shared/schemas/common";
import { PD_KINDS, perangkatDaerahInputSchema, perangkatDaerahPatchSchema } from "../../shared/schemas/perangkat-daerah";
import { requireRole } from "../middleware/tenant";
import { readCache } from "../cache/read-cache";
import { audit } from "../audit";
import { perangkatDaerahOut } from "../../shared/schemas/responses";

export const perangkatDaerahRoutes = new OpenAPIHono<AppEnv>();

const pdParams = tenantParams.extend({ id: z.string().max(64) });
const toOut = (r: typeof perangkatDaerah.$inferSelect) => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  headName: r.headName,
  active: r.active,
  yearFrom: r.yearFrom,
  yearTo: r.yearTo,
});

async function findPd(db: Db, tenantId: string, id: string) {
  const row = await db
    .select()
    .from(perangkatDaerah)
    .where(and(eq(perangkatDaerah.tenantId, tenantId), eq(perangkatDaerah.id, id)))
    .get();
  if (!row) throw notFound("Perangkat daerah");
  return row;
}

async function assertCodeFree(db: Db, tenantId: string, code: string, exceptId?: string) {
  const row = await db
    .select({ id: perangkatDaerah.id })
    .from(perangkatDaerah)
    .where(and(eq(perangkatDaerah.tenantId, tenantId), eq(perangkatDaerah.code, code)))
    .get();
  if (row && row.id !== exceptId) {
    throw new AppError("conflict", `Kode ${code} sudah dipakai perangkat daerah lain`, [{ path: "code", message: "Kode sudah dipakai" }]);
  }
}

perangkatDaerahRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/perangkat-daerah",
    tags: ["organisasi"],
    summary: "Perangkat daerah of this tenant (search, filter by kind, paginated)",
    // Read on nearly every page: served from the isolate for a few seconds unless the tenant was written to.
    middleware: [readCache] as const,
    request: {
      params: tenantParams,
      query: pageQuerySchema.extend({ q: z.string().trim().max(100).optional(), kind: z.enum(PD_KINDS).optional() }),
    },
    responses: { 200: ok(z.object({ items: z.array(perangkatDaerahOut), total: z.number() })), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const { q, kind, limit, offset } = c.req.valid("query");
    const filters: SQL[] = [eq(perangkatDaerah.tenantId, tenant.id)];
    if (kind) filters.push(eq(perangkatDaerah.kind, kind));
    if (q) filters.push(or(like(perangkatDaerah.name, `%${q}%`), like(perangkatDaerah.code, `${q}%`))!);
    const where = and(...filters);
    const db = tenantDb(c);
    const [rows, total] = await db.batch([
      db.select().from(perangkatDaerah).where(where).orderBy(asc(perangkatDaerah.code)).limit(limit).offset(offset),
      db.select({ n: count() }).from(perangkatDaerah).where(where),
    ]);
    return c.json({ items: rows.map(toOut), total: total[0]?.n ?? 0 }, 200);
  },
);

perangkatDaerahRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/perangkat-daerah/{id}",
    tags: ["organisasi"],
    summary: "One perangkat daerah",
    request: { params: pdParams },
    responses: { 200: ok(perangkatDaerahOut), ...errors },
  }),
  async (c) => c.json(toOut(await findPd(tenantDb(c), c.get("tenant").id, c.req.valid("param").id)), 200),
);

perangkatDaerahRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/perangkat-daerah",
    tags: ["organisasi"],
    summary: "Register a perangkat daerah",
    middleware: [requireRole("tenant_admin")] as const,
    request: { params: tenantParams, ...jsonBody(perangkatDaerahInputSchema) },
    responses: { 201: ok(perangkatDaerahOut, "Perangkat daerah dibuat"), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const input = c.req.valid("json");
    const db = tenantDb(c);
    await assertCodeFree(db, tenant.id, input.code);
    const now = Date.now();
    const row = { id: crypto.randomUUID(), tenantId: tenant.id, ...input, headName: input.headName ?? null, yearFrom: input.yearFrom ?? null, yearTo: input.yearTo ?? null, createdAt: now, updatedAt: now };
    await db.batch([
      db.insert(perangkatDaerah).values(row),
      audit(c, db, { action: "create", entity: "perangkat_daerah", entityId: row.id, after: toOut(row) }),
    ]);
    return c.json(toOut(row), 201);
  },
);

perangkatDaerahRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/tenants/{code}/perangkat-daerah/{id}",
    tags: ["organisasi"],
    summary: "Change a perangkat daerah (rename, recode, deactivate)",
    middleware: [requireRole("tenant_admin")] as const,
    request: { params: pdParams, ...jsonBody(perangkatDaerahPatchSchema) },
    responses: { 200: ok(perangkatDaerahOut), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = tenantDb(c);
    const before = await findPd(db, tenant.id, c.req.valid("param").id);
    const patch = c.req.valid("json");
    if (patch.code) await assertCodeFree(db, tenant.id, patch.code, before.id);
    const after = { ...before, ...patch, updatedAt: Date.now() };
    await db.batch([
      db
        .update(perangkatDaerah)
        .set({ ...patch, updatedAt: after.updatedAt })
        .where(and(eq(perangkatDaerah.tenantId, tenant.id), eq(perangkatDaerah.id, before.id))),
      audit(c, db, { action: "update", entity: "perangkat_daerah", entityId: before.id, before: toOut(before), after: toOut(after) }),
    ]);
    return c.json(toOut(after), 200);
  },
);
