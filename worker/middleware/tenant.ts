import { and, eq } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { controlDb } from "../db/client";
import { tenants } from "../db/schema";
import { tenantGrantsQuery } from "../data/memberships";
import { AppError, notFound } from "../errors";
import { scopeAllows } from "../auth/api-tokens";
import { readThrough, sessionMemo } from "../cache/session-cache";
import type { Role } from "../../shared/roles";

/** An API token's tenant row by token and code, for GET/HEAD (worker/cache/session-cache.ts). */
const cachedTokenTenants = sessionMemo<typeof tenants.$inferSelect>();

/**
 * Resolves `/tenants/:code/...` to the tenant and the caller's active grants in it.
 * A tenant the caller is not a member of answers 404, as if it did not exist.
 */
export const tenantAccess = createMiddleware<AppEnv>(async (c, next) => {
  const user = c.get("user");
  if (!user) throw new AppError("unauthenticated", "Silakan masuk terlebih dahulu");
  const code = c.req.param("code") ?? "";
  const token = c.get("apiToken");
  if (token) {
    // A token belongs to one tenant: any other tenant looks missing; its scopes then name what it may reach.
    const tenant = await readThrough(c, cachedTokenTenants, `${token.id}\n${code}`, async () =>
      (await controlDb(c)
        .select()
        .from(tenants)
        .where(and(eq(tenants.id, token.tenantId), eq(tenants.code, code), eq(tenants.status, "active")))
        .get()) ?? null,
    );
    if (!tenant) throw notFound("Pemda");
    const resource = c.req.path.split("/")[5] ?? "";
    if (!scopeAllows(token.scopes, resource, c.req.method)) throw new AppError("forbidden", "Cakupan token API tidak mengizinkan tindakan ini");
    c.set("tenant", { id: tenant.id, code: tenant.code, name: tenant.name, kind: tenant.kind, dbBinding: tenant.dbBinding });
    c.set("tenantSettingsRow", tenant);
    c.set("grants", [{ role: token.role, pdId: token.pdId }]);
    return next();
  }
  // Usually read already, with the session (readSession); otherwise one query here.
  const prefetched = c.get("prefetchedGrants");
  const rows = prefetched?.code === code ? prefetched.rows : await tenantGrantsQuery(controlDb(c), code, user.id).all();
  const tenant = rows[0]?.tenant;
  if (!tenant) throw notFound("Pemda");
  c.set("tenant", { id: tenant.id, code: tenant.code, name: tenant.name, kind: tenant.kind, dbBinding: tenant.dbBinding });
  c.set("tenantSettingsRow", tenant);
  c.set("grants", rows.map((r) => ({ role: r.role, pdId: r.pdId })));
  await next();
});

/** Route guard: the caller needs one of `roles` in the current tenant (any PD scope), else 403. */
export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!c.get("grants").some((g) => roles.includes(g.role))) {
      throw new AppError("forbidden", "Peran Anda tidak mengizinkan tindakan ini");
    }
    await next();
  });
}

/** True when a grant among `roles` covers perangkat daerah `pdId` (tenant-wide grants have no PD scope). */
export function canActForPd(grants: AppEnv["Variables"]["grants"], roles: Role[], pdId: string): boolean {
  return grants.some((g) => roles.includes(g.role) && (g.pdId === null || g.pdId === pdId));
}
