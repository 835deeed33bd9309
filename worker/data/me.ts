import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../db/client";
import type { SessionUser } from "../env";
import { memberships, tenants } from "../db/schema";
import { pdKey, pdNames } from "./shards";
import { totpStateQuery } from "./security";
import { unreadCountQuery } from "./notifications";
import type { meOut } from "../../shared/schemas/responses";

export type Me = z.infer<typeof meOut>;

/**
 * GET /auth/me: the user, their two-step state, unread notifications and the tenants they can
 * switch to. One control-plane round trip (memberships, two-step state and unread count in one
 * batch), plus one per tenant database that names a PD of theirs.
 */
export async function readMe(env: Env, control: Db, user: SessionUser): Promise<Me> {
  const [rows, [totp], [unread]] = await control.batch([
    control
      .select({ code: tenants.code, name: tenants.name, kind: tenants.kind, role: memberships.role, pdId: memberships.pdId, tenantId: tenants.id, dbBinding: tenants.dbBinding })
      .from(memberships)
      .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
      .where(and(eq(memberships.userId, user.id), isNull(memberships.disabledAt), eq(tenants.status, "active")))
      .orderBy(tenants.code),
    totpStateQuery(control, user.id),
    unreadCountQuery(control, user.id),
  ]);
  // PD names live in each tenant's database (one lookup per database the user's tenants are in).
  const pdName = await pdNames(env, rows);
  const byCode = new Map<string, Me["tenants"][number]>();
  for (const r of rows) {
    const t = byCode.get(r.code) ?? { code: r.code, name: r.name, kind: r.kind, grants: [] };
    t.grants.push({ role: r.role, pdId: r.pdId, pdName: r.pdId ? (pdName.get(pdKey(r.tenantId, r.pdId)) ?? null) : null });
    byCode.set(r.code, t);
  }
  return {
    user: { id: user.id, email: user.email, name: user.name, isPlatformOperator: user.isPlatformOperator },
    security: { totpEnabled: !!totp?.secret, totpEnrolmentRequired: !!user.totpEnrolmentRequired },
    unreadNotifications: unread?.n ?? 0,
    tenants: [...byCode.values()],
  };
}
