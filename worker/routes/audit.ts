import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { AppEnv } from "../env";
import { controlDb } from "../db/client";
import { auditLog, users } from "../db/schema";
import { errors, ok, tenantParams } from "../openapi";
import { requireRole } from "../middleware/tenant";
import { auditEntryOut } from "../../shared/schemas/responses";

export const auditRoutes = new OpenAPIHono<AppEnv>();


auditRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/audit-log",
    tags: ["tenant"],
    summary: "Who changed what in this tenant, newest first (cursor pagination with `before`)",
    middleware: [requireRole("tenant_admin", "evaluator")] as const,
    request: {
      params: tenantParams,
      query: z.object({
        before: z.coerce.number().int().positive().optional(),
        entity: z.string().max(60).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    responses: { 200: ok(z.object({ items: z.array(auditEntryOut), nextBefore: z.number().nullable() })), ...errors },
  }),
  async (c) => {
    const { before, entity, limit } = c.req.valid("query");
    const filters: SQL[] = [eq(auditLog.tenantId, c.get("tenant").id)];
    if (before) filters.push(lt(auditLog.id, before));
    if (entity) filters.push(eq(auditLog.entity, entity));
    const rows = await controlDb(c)
      .select({ a: auditLog, userName: users.name })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .where(and(...filters))
      .orderBy(desc(auditLog.id))
      .limit(limit)
      .all();
    const items = rows.map(({ a, userName }) => ({
      id: a.id,
      action: a.action,
      entity: a.entity,
      entityId: a.entityId,
      userName,
      before: a.before ? JSON.parse(a.before) : null,
      after: a.after ? JSON.parse(a.after) : null,
      at: new Date(a.createdAt).toISOString(),
    }));
    return c.json({ items, nextBefore: rows.length === limit ? (items.at(-1)?.id ?? null) : null }, 200);
  },
);
