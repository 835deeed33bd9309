import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { AppEnv } from "../env";
import { controlDb, type Db } from "../db/client";
import { invitations, tenants, users } from "../db/schema";
import { pdKey, pdNames } from "../data/shards";
import { grantStatements } from "../data/memberships";
import { AppError, notFound } from "../errors";
import { errors, jsonBody, ok, okSchema } from "../openapi";
import { acceptInvitationSchema } from "../../shared/schemas/auth";
import { sha256Hex } from "../auth/crypto";
import { hashPassword } from "../auth/password";
import { createSession } from "../auth/session";
import { audit } from "../audit";
import { batchIfChanged } from "../db/guarded-batch";
import { invitationOfferOut } from "../../shared/schemas/responses";

export const invitationRoutes = new OpenAPIHono<AppEnv>();

const tokenParams = z.object({ token: z.string().min(20).max(100) });

const USED = new AppError("gone", "Undangan ini sudah dipakai. Silakan masuk dengan akun Anda.");

/** A usable invitation for `token`, or the reason it cannot be used (404 unknown, 410 used/expired/revoked). */
async function usableInvitation(db: Db, token: string) {
  const row = await db
    .select({ inv: invitations, tenantCode: tenants.code, tenantName: tenants.name, dbBinding: tenants.dbBinding })
    .from(invitations)
    .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
    .where(eq(invitations.tokenHash, await sha256Hex(token)))
    .get();
  if (!row) throw notFound("Undangan");
  if (row.inv.acceptedAt) throw USED;
  if (row.inv.revokedAt) throw new AppError("gone", "Undangan ini sudah dibatalkan oleh admin.");
  if (row.inv.expiresAt <= Date.now()) throw new AppError("gone", "Undangan ini sudah kedaluwarsa. Minta admin mengirim undangan baru.");
  return row;
}

invitationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/invitations/{token}",
    tags: ["auth"],
    summary: "What an invitation link offers (public)",
    request: { params: tokenParams },
    responses: {
      200: ok(invitationOfferOut),
      ...errors,
    },
  }),
  async (c) => {
    const db = controlDb(c);
    const { inv, tenantCode, tenantName, dbBinding } = await usableInvitation(db, c.req.valid("param").token);
    // The PD lives in the tenant's database; a database that is down only leaves its name out.
    const pdName = inv.pdId ? ((await pdNames(c.env, [{ dbBinding, tenantId: inv.tenantId, pdId: inv.pdId }])).get(pdKey(inv.tenantId, inv.pdId)) ?? null) : null;
    const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, inv.email)).get();
    return c.json(
      {
        email: inv.email,
        name: inv.name,
        role: inv.role,
        pdName,
        tenant: { code: tenantCode, name: tenantName },
        accountExists: !!existing,
        expiresAt: new Date(inv.expiresAt).toISOString(),
      },
      200,
    );
  },
);

invitationRoutes.openapi(
  createRoute({
    method: "post",
    path: "/invitations/{token}/accept",
    tags: ["auth"],
    summary: "Accept an invitation: new people set a password; existing accounts must be signed in",
    request: { params: tokenParams, ...jsonBody(acceptInvitationSchema) },
    responses: { 200: ok(okSchema), ...errors },
  }),
  async (c) => {
    const db = controlDb(c);
    const { inv } = await usableInvitation(db, c.req.valid("param").token);
    const body = c.req.valid("json");
    const existing = await db.select().from(users).where(eq(users.email, inv.email)).get();
    const now = Date.now();
    const markAccepted = db
      .update(invitations)
      .set({ acceptedAt: now })
      .where(and(eq(invitations.id, inv.id), isNull(invitations.acceptedAt)));
    const membership = (userId: string) => grantStatements(db, { userId, tenantId: inv.tenantId, role: inv.role, pdId: inv.pdId });
    const record = (userId: string) =>
      audit(c, db, { action: "accept", entity: "invitation", entityId: inv.id, tenantId: inv.tenantId, after: { userId, role: inv.role, pdId: inv.pdId } });

    if (existing) {
      const me = c.get("user");
      if (!me || me.id !== existing.id) {
        throw new AppError("conflict", `Email ${inv.email} sudah punya akun. Masuk dengan akun itu, lalu buka tautan undangan ini lagi.`);
      }
      if (!(await batchIfChanged(db, markAccepted, [...membership(me.id), record(me.id)]))) throw USED;
      return c.json({ ok: true as const }, 200);
    }

    const issues = [];
    if (!body.name) issues.push({ path: "name", message: "Nama wajib diisi" });
    if (!body.password) issues.push({ path: "password", message: "Kata sandi wajib diisi" });
    if (issues.length) throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", issues);
    const userId = crypto.randomUUID();
    // Accepting marks the invitation first: of two racing accepts, the second writes nothing.
    const accepted = await batchIfChanged(db, markAccepted, [
      db.insert(users).values({
        id: userId,
        email: inv.email,
        name: body.name!,
        passwordHash: await hashPassword(body.password!),
        isPlatformOperator: false,
        status: "active",
        createdAt: now,
      }),
      ...membership(userId),
      audit(c, db, { action: "create", entity: "user", entityId: userId, tenantId: inv.tenantId, after: { email: inv.email, name: body.name } }),
      record(userId),
    ]);
    if (!accepted) throw USED;
    await createSession(c, db, userId);
    return c.json({ ok: true as const }, 200);
  },
);
