import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { AppEnv } from "../env";
import { controlDb } from "../db/client";
import { emptiestBinding, pdCountsByTenant } from "../data/shards";
import { tenants } from "../db/schema";
import { AppError, notFound } from "../errors";
import { errors, jsonBody, ok } from "../openapi";
import { createTenantSchema, tenantCodeSchema, updateTenantSchema } from "../../shared/index";
import { requirePlatformOperator } from "../middleware/session";
import { prepareInvitation } from "../auth/invitations";
import { audit } from "../audit";
import { invitationLinkOut, platformTenantOut } from "../../shared/schemas/responses";

export const platformTenantRoutes = new OpenAPIHono<AppEnv>();
platformTenantRoutes.use("/platform/*", requirePlatformOperator);

const codeParams = z.object({ code: tenantCodeSchema });

platformTenantRoutes.openapi(
  createRoute({
    method: "get",
    path: "/platform/tenants",
    tags: ["platform"],
    summary: "All tenants (platform operators)",
    responses: { 200: ok(z.object({ items: z.array(platformTenantOut) })), ...errors },
  }),
  async (c) => {
    const db = controlDb(c);
    // Correlated subqueries name the outer table literally: drizzle renders columns unqualified here.
    const parent = sql<string | null>`(SELECT p.code FROM tenants p WHERE p.id = tenants.parent_id)`;
    const members = sql<number>`(SELECT count(DISTINCT m.user_id) FROM memberships m WHERE m.tenant_id = tenants.id AND m.disabled_at IS NULL)`;
    const [rows, pds] = await Promise.all([
      db.select({ t: tenants, parentCode: parent, members }).from(tenants).orderBy(tenants.code).all(),
      pdCountsByTenant(c.env),
    ]);
    return c.json(
      {
        items: rows.map((r) => ({
          code: r.t.code,
          name: r.t.name,
          kind: r.t.kind,
          parentCode: r.parentCode,
          status: r.t.status,
          members: r.members,
          perangkatDaerah: pds.available.has(r.t.dbBinding) ? (pds.counts.get(r.t.id) ?? 0) : null,
          database: r.t.dbBinding,
          createdAt: new Date(r.t.createdAt).toISOString(),
        })),
      },
      200,
    );
  },
);

platformTenantRoutes.openapi(
  createRoute({
    method: "post",
    path: "/platform/tenants",
    tags: ["platform"],
    summary: "Onboard a tenant and invite its first tenant admin",
    request: jsonBody(createTenantSchema),
    responses: { 201: ok(z.object({ code: z.string(), invitation: invitationLinkOut }), "Pemda dibuat"), ...errors },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const db = controlDb(c);
    if (await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.code, input.code)).get()) {
      throw new AppError("conflict", `Kode ${input.code} sudah terdaftar`, [{ path: "code", message: "Kode sudah dipakai pemda lain" }]);
    }
    let parentId: string | null = null;
    if (input.parentCode) {
      const parent = await db.select().from(tenants).where(eq(tenants.code, input.parentCode)).get();
      if (!parent || parent.kind !== "provinsi") {
        throw new AppError("validation_failed", "Provinsi induk tidak ditemukan", [{ path: "parentCode", message: "Provinsi induk belum terdaftar" }]);
      }
      parentId = parent.id;
    }
    const id = crypto.randomUUID();
    const tenant = { id, code: input.code, name: input.name, kind: input.kind, parentId, status: "active" as const, settings: "{}", dbBinding: await emptiestBinding(c.env, db), createdAt: Date.now() };
    const invitation = await prepareInvitation(c, db, { tenantId: id, email: input.adminEmail, name: input.adminName, role: "tenant_admin" });
    await db.batch([
      db.insert(tenants).values(tenant),
      ...invitation.statements,
      audit(c, db, { action: "create", entity: "tenant", entityId: id, tenantId: id, after: tenant }),
      audit(c, db, { action: "invite", entity: "invitation", entityId: invitation.id, tenantId: id, after: { email: input.adminEmail, role: "tenant_admin" } }),
    ]);
    return c.json({ code: input.code, invitation: invitation.link }, 201);
  },
);

platformTenantRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/platform/tenants/{code}",
    tags: ["platform"],
    summary: "Rename or suspend a tenant",
    request: { params: codeParams, ...jsonBody(updateTenantSchema) },
    responses: { 200: ok(z.object({ code: z.string(), name: z.string(), status: z.enum(["active", "suspended"]) })), ...errors },
  }),
  async (c) => {
    const db = controlDb(c);
    const before = await db.select().from(tenants).where(eq(tenants.code, c.req.valid("param").code)).get();
    if (!before) throw notFound("Pemda");
    const patch = c.req.valid("json");
    const after = { ...before, ...patch };
    await db.batch([
      db.update(tenants).set(patch).where(eq(tenants.id, before.id)),
      audit(c, db, { action: "update", entity: "tenant", entityId: before.id, tenantId: before.id, before, after }),
    ]);
    return c.json({ code: after.code, name: after.name, status: after.status }, 200);
  },
);

