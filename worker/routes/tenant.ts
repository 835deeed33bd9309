import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { AppEnv } from "../env";
import { controlDb } from "../db/client";
import { tenants } from "../db/schema";
import { errors, jsonBody, ok, tenantParams } from "../openapi";
import { tenantSettingsPatchSchema, tenantSettingsSchema } from "../../shared/schemas/tenant";
import { requireRole } from "../middleware/tenant";
import { readTenantSettings } from "../data/tenant-settings";
import { validationError } from "../errors";
import { audit } from "../audit";
import { tenantOut } from "../../shared/schemas/responses";

export const tenantRoutes = new OpenAPIHono<AppEnv>();


tenantRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}",
    tags: ["tenant"],
    summary: "The tenant, its settings and the caller's roles in it",
    request: { params: tenantParams },
    responses: {
      200: ok(tenantOut),
      ...errors,
    },
  }),
  async (c) => {
    const t = c.get("tenant");
    const settings = await readTenantSettings(controlDb(c), t.id);
    return c.json({ code: t.code, name: t.name, kind: t.kind, settings, grants: c.get("grants") }, 200);
  },
);


tenantRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/tenants/{code}/settings",
    tags: ["tenant"],
    summary: "Change how this tenant computes capaian, efisiensi and IKM",
    middleware: [requireRole("tenant_admin")] as const,
    request: { params: tenantParams, ...jsonBody(tenantSettingsPatchSchema) },
    responses: { 200: ok(tenantSettingsSchema), ...errors },
  }),
  async (c) => {
    const t = c.get("tenant");
    const db = controlDb(c);
    const before = await readTenantSettings(db, t.id);
    const patch = c.req.valid("json");
    const parsed = tenantSettingsSchema.safeParse({ ...before, ...patch });
    if (!parsed.success) throw validationError(parsed.error);
    const after = parsed.data;
    await db.batch([
      db.update(tenants).set({ settings: JSON.stringify(after) }).where(eq(tenants.id, t.id)),
      audit(c, db, { action: "update", entity: "tenant_settings", entityId: t.id, before, after }),
    ]);
    return c.json(after, 200);
  },
);
