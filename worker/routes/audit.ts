import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../env";
import { controlDb, tenantDb } from "../db/client";
import { AUDIT_CURSOR, tenantAuditPage } from "../data/audit-read";
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
        before: z.string().regex(AUDIT_CURSOR, "Kursor halaman tidak valid").max(40).optional(),
        entity: z.string().max(60).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    responses: { 200: ok(z.object({ items: z.array(auditEntryOut), nextBefore: z.string().nullable() })), ...errors },
  }),
  async (c) => {
    const { before, entity, limit } = c.req.valid("query");
    const page = await tenantAuditPage(tenantDb(c), controlDb(c), c.get("tenant").id, { before, entity, limit });
    const items = page.items.map(({ createdAt, ...rest }) => ({ ...rest, at: new Date(createdAt).toISOString() }));
    return c.json({ items, nextBefore: page.nextBefore }, 200);
  },
);
