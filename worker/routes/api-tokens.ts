import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { AppEnv } from "../env";
import { controlDb, tenantDb } from "../db/client";
import { apiTokens, emailOutbox, perangkatDaerah } from "../db/schema";
import { AppError, notFound } from "../errors";
import { errors, jsonBody, ok, okSchema, tenantParams } from "../openapi";
import { createApiTokenSchema } from "../../shared/schemas/security";
import { pageQuerySchema } from "../../shared/schemas/common";
import { PD_SCOPED_ROLES } from "../../shared/roles";
import { requireRole } from "../middleware/tenant";
import { newApiToken } from "../auth/api-tokens";
import { sha256Hex } from "../auth/crypto";
import { outboxItems, outboxOut } from "./account";
import { audit } from "../audit";
import { apiTokenOut } from "../../shared/schemas/responses";

export const apiTokenRoutes = new OpenAPIHono<AppEnv>();
const adminOnly = requireRole("tenant_admin");

apiTokenRoutes.openAPIRegistry.registerComponent("securitySchemes", "apiToken", {
  type: "http",
  scheme: "bearer",
  description:
    "Token API per pemda (Pengaturan → Token API): `Authorization: Bearer akt_...`. Berlaku hanya untuk /tenants/{code}/... pemda pemiliknya, dengan peran dan cakupan (`<sumber-daya>:read|write`) yang dipilih saat dibuat.",
});
apiTokenRoutes.openAPIRegistry.registerComponent("securitySchemes", "session", { type: "apiKey", in: "cookie", name: "akt_session" });

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const toOut = (t: typeof apiTokens.$inferSelect) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  role: t.role,
  pdId: t.pdId,
  scopes: JSON.parse(t.scopes) as string[],
  createdAt: new Date(t.createdAt).toISOString(),
  expiresAt: iso(t.expiresAt),
  lastUsedAt: iso(t.lastUsedAt),
  revokedAt: iso(t.revokedAt),
});

apiTokenRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/api-tokens",
    tags: ["integration"],
    summary: "API tokens of this tenant (never the token itself), with last-used time",
    middleware: [adminOnly] as const,
    request: { params: tenantParams },
    responses: { 200: ok(z.object({ items: z.array(apiTokenOut) })), ...errors },
  }),
  async (c) => {
    const rows = await controlDb(c).select().from(apiTokens).where(eq(apiTokens.tenantId, c.get("tenant").id)).orderBy(desc(apiTokens.createdAt)).all();
    return c.json({ items: rows.map(toOut) }, 200);
  },
);

apiTokenRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/api-tokens",
    tags: ["integration"],
    summary: "Create an API token for another government system; the token is shown only in this answer",
    middleware: [adminOnly] as const,
    request: { params: tenantParams, ...jsonBody(createApiTokenSchema) },
    responses: { 201: ok(apiTokenOut.extend({ token: z.string() })), ...errors },
  }),
  async (c) => {
    const t = c.get("tenant");
    const db = controlDb(c);
    const body = c.req.valid("json");
    const scoped = PD_SCOPED_ROLES.includes(body.role);
    if (scoped !== !!body.pdId) {
      throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", [
        { path: "pdId", message: scoped ? "Perangkat daerah wajib dipilih untuk peran ini" : "Kosongkan perangkat daerah untuk peran ini" },
      ]);
    }
    if (body.pdId) {
      const pd = await tenantDb(c).select({ id: perangkatDaerah.id }).from(perangkatDaerah).where(and(eq(perangkatDaerah.tenantId, t.id), eq(perangkatDaerah.id, body.pdId))).get();
      if (!pd) throw new AppError("validation_failed", "Perangkat daerah tidak ditemukan", [{ path: "pdId", message: "Perangkat daerah tidak ditemukan" }]);
    }
    const token = newApiToken();
    const now = Date.now();
    const row = {
      id: crypto.randomUUID(),
      tenantId: t.id,
      name: body.name,
      tokenHash: await sha256Hex(token),
      prefix: token.slice(0, 10),
      role: body.role,
      pdId: body.pdId ?? null,
      scopes: JSON.stringify([...new Set(body.scopes)]),
      createdBy: c.get("user")!.id,
      createdAt: now,
      expiresAt: body.expiresInDays ? now + body.expiresInDays * 86_400_000 : null,
      lastUsedAt: null,
      revokedAt: null,
    };
    await db.batch([
      db.insert(apiTokens).values(row),
      audit(c, db, { action: "create", entity: "api_token", entityId: row.id, after: { name: row.name, role: row.role, pdId: row.pdId, scopes: JSON.parse(row.scopes) } }),
    ]);
    return c.json({ ...toOut(row), token }, 201);
  },
);

apiTokenRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/tenants/{code}/api-tokens/{id}",
    tags: ["integration"],
    summary: "Revoke an API token; it stops working at once",
    middleware: [adminOnly] as const,
    request: { params: tenantParams.extend({ id: z.string().max(64) }) },
    responses: { 200: ok(okSchema), ...errors },
  }),
  async (c) => {
    const t = c.get("tenant");
    const db = controlDb(c);
    const { id } = c.req.valid("param");
    const row = await db.select().from(apiTokens).where(and(eq(apiTokens.tenantId, t.id), eq(apiTokens.id, id))).get();
    if (!row) throw notFound("Token API");
    if (!row.revokedAt) {
      await db.batch([
        db.update(apiTokens).set({ revokedAt: Date.now() }).where(and(eq(apiTokens.tenantId, t.id), eq(apiTokens.id, id))),
        audit(c, db, { action: "revoke", entity: "api_token", entityId: id, before: { name: row.name } }),
      ]);
    }
    return c.json({ ok: true as const }, 200);
  },
);

apiTokenRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/email-outbox",
    tags: ["integration"],
    summary: "E-mail this tenant's people would have received (development outbox), newest first",
    middleware: [adminOnly] as const,
    request: { params: tenantParams, query: pageQuerySchema },
    responses: { 200: ok(outboxOut), ...errors },
  }),
  async (c) => {
    const { limit, offset } = c.req.valid("query");
    const rows = await controlDb(c)
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.tenantId, c.get("tenant").id))
      .orderBy(desc(emailOutbox.createdAt))
      .limit(limit)
      .offset(offset)
      .all();
    return c.json({ items: outboxItems(rows) }, 200);
  },
);
