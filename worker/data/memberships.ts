import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { memberships } from "../db/schema";
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
