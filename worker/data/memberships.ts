import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { memberships, tenants } from "../db/schema";
import type { Role } from "../../shared/roles";

export type GrantInput = { userId: string; tenantId: string; role: Role; pdId: string | null };

const samePd = (pdId: string | null) => (pdId === null ? isNull(memberships.pdId) : eq(memberships.pdId, pdId));

/**
 * Statements (for one `db.batch`) that give a user a role in a tenant: a new membership,
 * or the re-enabling of one that was disabled. Idempotent.
 */
export function grantStatements(db: Db, g: GrantInput) {
  return [
    db
      .insert(memberships)
      .values({ id: crypto.randomUUID(), userId: g.userId, tenantId: g.tenantId, role: g.role, pdId: g.pdId, createdAt: Date.now() })
      .onConflictDoNothing(),
    db
      .update(memberships)
      .set({ disabledAt: null })
      .where(and(eq(memberships.tenantId, g.tenantId), eq(memberships.userId, g.userId), eq(memberships.role, g.role), samePd(g.pdId))),
  ] as const;
}

/** Active tenant_admin memberships in a tenant, to refuse removing the last one. */
export async function countActiveAdmins(db: Db, tenantId: string): Promise<number> {
  const row = await db
    .select({ n: sql<number>`count(DISTINCT ${memberships.userId})` })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.role, "tenant_admin"), isNull(memberships.disabledAt)))
    .get();
  return row?.n ?? 0;
}

/**
 * The caller's active grants in the active tenant `code`, each row with the tenant; no rows for a
 * non-member. `userId` may be a subquery (the session's user), so that `readSession` reads the
 * session and these grants in one D1 batch (both are control tables).
 */
export function tenantGrantsQuery(db: Db, code: string, userId: string | SQL) {
  return db
    .select({ tenant: tenants, role: memberships.role, pdId: memberships.pdId })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(eq(tenants.code, code), eq(tenants.status, "active"), eq(memberships.userId, userId), isNull(memberships.disabledAt)));
}

export type TenantGrantRow = Awaited<ReturnType<ReturnType<typeof tenantGrantsQuery>["all"]>>[number];
