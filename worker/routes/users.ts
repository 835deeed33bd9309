import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import type { AppEnv } from "../env";
import { controlDb, tenantDb, type Db } from "../db/client";
import { invitations, memberships, perangkatDaerah, users } from "../db/schema";
import { AppError, notFound } from "../errors";
import { errors, jsonBody, ok, okSchema, tenantParams } from "../openapi";
import { grantRoleSchema, inviteUserSchema } from "../../shared/schemas/auth";
import { PD_SCOPED_ROLES, type Role } from "../../shared/roles";
import { requireRole } from "../middleware/tenant";
import { prepareInvitation } from "../auth/invitations";
import { countActiveAdmins, grantStatements } from "../data/memberships";
import { pdNamesOf } from "../data/shards";
import { audit } from "../audit";
import { invitationLinkOut, memberOut, pendingInvitationOut } from "../../shared/schemas/responses";

export const userRoutes = new OpenAPIHono<AppEnv>();
const adminOnly = requireRole("tenant_admin");

const userParams = tenantParams.extend({ userId: z.string().max(64) });

/**
 * PD-scoped roles need a perangkat daerah of this tenant; other roles must not carry one.
 * A PD of another tenant is reported exactly like one that does not exist.
 */
async function checkPdScope(db: Db, tenantId: string, role: Role, pdId: string | undefined): Promise<string | null> {
  if (!PD_SCOPED_ROLES.includes(role)) {
    if (pdId) throw new AppError("validation_failed", "Peran ini berlaku untuk seluruh pemda", [{ path: "pdId", message: "Kosongkan perangkat daerah untuk peran ini" }]);
    return null;
  }
  if (!pdId) throw new AppError("validation_failed", "Pilih perangkat daerah", [{ path: "pdId", message: "Perangkat daerah wajib dipilih untuk peran ini" }]);
  const pd = await db
    .select({ id: perangkatDaerah.id })
    .from(perangkatDaerah)
    .where(and(eq(perangkatDaerah.tenantId, tenantId), eq(perangkatDaerah.id, pdId)))
    .get();
  if (!pd) throw new AppError("validation_failed", "Perangkat daerah tidak ditemukan", [{ path: "pdId", message: "Perangkat daerah tidak ditemukan" }]);
  return pd.id;
}

/** The member's memberships in this tenant; a user with none here answers 404. */
async function memberGrants(db: Db, tenantId: string, userId: string) {
  const rows = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
    .all();
  if (!rows.length) throw notFound("Pengguna");
  return rows;
}

userRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/users",
    tags: ["users"],
    summary: "Members of this tenant with their roles",
    middleware: adminOnly,
    request: { params: tenantParams },
    responses: { 200: ok(z.object({ items: z.array(memberOut) })), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const rows = await controlDb(c)
      .select({ m: memberships, email: users.email, name: users.name, userStatus: users.status })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.tenantId, tenant.id))
      .orderBy(users.name)
      .all();
    const pdName = await pdNamesOf(tenantDb(c), tenant.id, rows.map((r) => r.m.pdId));
    const byUser = new Map<string, z.infer<typeof memberOut>>();
    for (const r of rows) {
      const u = byUser.get(r.m.userId) ?? { id: r.m.userId, email: r.email, name: r.name, active: false, grants: [] };
      // Deactivation keeps the roles (so activating restores them); `active` tells the two apart.
      if (r.m.disabledAt === null && r.userStatus === "active") u.active = true;
      u.grants.push({ id: r.m.id, role: r.m.role, pdId: r.m.pdId, pdName: pdName(r.m.pdId) });
      byUser.set(r.m.userId, u);
    }
    return c.json({ items: [...byUser.values()] }, 200);
  },
);

userRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/invitations",
    tags: ["users"],
    summary: "Invite a person to this tenant with a role; returns the one-time link",
    middleware: adminOnly,
    request: { params: tenantParams, ...jsonBody(inviteUserSchema) },
    responses: { 201: ok(invitationLinkOut, "Undangan dibuat"), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const input = c.req.valid("json");
    const db = controlDb(c);
    const pdId = await checkPdScope(tenantDb(c), tenant.id, input.role, input.pdId);
    const inv = await prepareInvitation(c, db, { tenantId: tenant.id, email: input.email, name: input.name, role: input.role, pdId });
    await db.batch([
      ...inv.statements,
      audit(c, db, { action: "invite", entity: "invitation", entityId: inv.id, after: { email: input.email, role: input.role, pdId } }),
    ]);
    return c.json(inv.link, 201);
  },
);

userRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/invitations",
    tags: ["users"],
    summary: "Invitations not yet accepted, revoked or expired",
    middleware: adminOnly,
    request: { params: tenantParams },
    responses: { 200: ok(z.object({ items: z.array(pendingInvitationOut) })), ...errors },
  }),
  async (c) => {
    const rows = await controlDb(c)
      .select({ inv: invitations })
      .from(invitations)
      .where(
        and(
          eq(invitations.tenantId, c.get("tenant").id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, Date.now()),
        ),
      )
      .orderBy(desc(invitations.createdAt))
      .all();
    const pdName = await pdNamesOf(tenantDb(c), c.get("tenant").id, rows.map((r) => r.inv.pdId));
    return c.json(
      {
        items: rows.map(({ inv }) => ({
          id: inv.id,
          email: inv.email,
          name: inv.name,
          role: inv.role,
          pdId: inv.pdId,
          pdName: pdName(inv.pdId),
          expiresAt: new Date(inv.expiresAt).toISOString(),
        })),
      },
      200,
    );
  },
);

userRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/tenants/{code}/invitations/{id}",
    tags: ["users"],
    summary: "Revoke an invitation",
    middleware: adminOnly,
    request: { params: tenantParams.extend({ id: z.string().max(64) }) },
    responses: { 200: ok(okSchema), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const db = controlDb(c);
    const { id } = c.req.valid("param");
    const inv = await db
      .select()
      .from(invitations)
      .where(and(eq(invitations.tenantId, tenant.id), eq(invitations.id, id)))
      .get();
    if (!inv || inv.acceptedAt) throw notFound("Undangan");
    await db.batch([
      db.update(invitations).set({ revokedAt: Date.now() }).where(and(eq(invitations.tenantId, tenant.id), eq(invitations.id, id))),
      audit(c, db, { action: "revoke", entity: "invitation", entityId: id, before: { email: inv.email, role: inv.role } }),
    ]);
    return c.json({ ok: true as const }, 200);
  },
);

userRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/users/{userId}/roles",
    tags: ["users"],
    summary: "Give a member another role",
    middleware: adminOnly,
    request: { params: userParams, ...jsonBody(grantRoleSchema) },
    responses: { 200: ok(okSchema), ...errors },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const { userId } = c.req.valid("param");
    const input = c.req.valid("json");
    const db = controlDb(c);
    await memberGrants(db, tenant.id, userId);
    const pdId = await checkPdScope(tenantDb(c), tenant.id, input.role, input.pdId);
    await db.batch([
      ...grantStatements(db, { userId, tenantId: tenant.id, role: input.role, pdId }),
      audit(c, db, { action: "grant", entity: "membership", entityId: userId, after: { role: input.role, pdId } }),
    ]);
    return c.json({ ok: true as const }, 200);
  },
);

userRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/tenants/{code}/users/{userId}/roles/{membershipId}",
    tags: ["users"],
    summary: "Take a role away from a member",
    middleware: adminOnly,
    request: { params: userParams.extend({ membershipId: z.string().max(64) }) },
    responses: { 200: ok(okSchema), ...errors, 409: errors[400] },
  }),
  async (c) => {
    const tenant = c.get("tenant");
    const { userId, membershipId } = c.req.valid("param");
    const db = controlDb(c);
    const grant = (await memberGrants(db, tenant.id, userId)).find((m) => m.id === membershipId && m.disabledAt === null);
    if (!grant) throw notFound("Peran");
    if (grant.role === "tenant_admin" && (await countActiveAdmins(db, tenant.id)) <= 1) {
      throw new AppError("conflict", "Pemda harus memiliki setidaknya satu Admin Pemda");
    }
    await db.batch([
      db.delete(memberships).where(and(eq(memberships.tenantId, tenant.id), eq(memberships.id, membershipId))),
      audit(c, db, { action: "revoke", entity: "membership", entityId: userId, before: { role: grant.role, pdId: grant.pdId } }),
    ]);
    return c.json({ ok: true as const }, 200);
  },
);

for (const action of ["deactivate", "activate"] as const) {
  userRoutes.openapi(
    createRoute({
      method: "post",
      path: `/tenants/{code}/users/{userId}/${action}`,
      tags: ["users"],
      summary: action === "deactivate" ? "Deactivate a member's access to this tenant (roles are kept)" : "Restore a member's access",
      middleware: adminOnly,
      request: { params: userParams },
      responses: { 200: ok(okSchema), ...errors, 409: errors[400] },
    }),
    async (c) => {
      const tenant = c.get("tenant");
      const { userId } = c.req.valid("param");
      const db = controlDb(c);
      const grants = await memberGrants(db, tenant.id, userId);
      if (action === "deactivate") {
        if (userId === c.get("user")!.id) throw new AppError("conflict", "Anda tidak dapat menonaktifkan akun Anda sendiri");
        const isAdmin = grants.some((g) => g.role === "tenant_admin" && g.disabledAt === null);
        if (isAdmin && (await countActiveAdmins(db, tenant.id)) <= 1) throw new AppError("conflict", "Pemda harus memiliki setidaknya satu Admin Pemda");
      }
      await db.batch([
        db
          .update(memberships)
          .set({ disabledAt: action === "deactivate" ? Date.now() : null })
          .where(and(eq(memberships.tenantId, tenant.id), eq(memberships.userId, userId))),
        audit(c, db, { action, entity: "user", entityId: userId }),
      ]);
      return c.json({ ok: true as const }, 200);
    },
  );
}
