import { and, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { ikmSlugs, perangkatDaerah, tenants, unitLayanan } from "../db/schema";
import { tenantDbOf, type Db } from "../db/client";
import { Memo } from "../cache/memo";
import { currentSurvey, type UnitRow } from "../data/ikm";
import type { TenantContext } from "../env";

/**
 * What a public survey link resolves to, kept in isolate memory for a short while so a citizen's
 * form and submission make no control-plane or unit round trip of their own (docs/scaling.md,
 * "Survey intake"). This isolate forgets a unit when it is edited here (`forgetPublicUnit`); another
 * isolate may serve the old row for up to `PUBLIC_CACHE_TTL_MS` — e.g. a deactivated unit keeps
 * accepting that long there. The intake's own guards (period open, one per device and day, the
 * idempotency key) run inside D1 and stay exact.
 */
export const PUBLIC_CACHE_TTL_MS = 30_000;

export type PublicUnit = { tenant: TenantContext; unit: UnitRow; pdName: string };

const units = new Memo<PublicUnit>(PUBLIC_CACHE_TTL_MS, 5000);
type Survey = Awaited<ReturnType<typeof currentSurvey>>;
const surveys = new Memo<Survey>(PUBLIC_CACHE_TTL_MS, 5000);

/** The active unit behind a public slug with its tenant and PD name, or null (unknown, inactive, or its tenant inactive; not kept). */
export function publicUnit(env: Env, slug: string): Promise<PublicUnit | null> {
  const key = slug.toLowerCase();
  // An edit in this isolate during the look-up may have made what was read stale: it is not kept.
  return units.getOrLoad(key, () => lookUp(env, key));
}

/** The survey form in force for a tenant (cached like the unit; a new version saved in this isolate is seen at once). */
export function publicSurvey(db: Db, tenantId: string): Promise<Survey> {
  return surveys.getOrLoad(tenantId, () => currentSurvey(db, tenantId));
}

export function forgetPublicUnit(slug: string) {
  units.delete(slug.toLowerCase());
}
export function forgetPublicSurvey(tenantId: string) {
  surveys.delete(tenantId);
}
/** For tests that change the control plane behind the app's back (e.g. a tenant's database binding). */
export function forgetPublicCaches() {
  units.clear();
  surveys.clear();
}

/** The slug map (control plane) names the tenant and unit; the unit and its PD are read in the tenant's database. */
async function lookUp(env: Env, slug: string): Promise<PublicUnit | null> {
  const mapped = await drizzle(env.DB)
    .select({ unitId: ikmSlugs.unitId, tenant: { id: tenants.id, code: tenants.code, name: tenants.name, kind: tenants.kind, dbBinding: tenants.dbBinding } })
    .from(ikmSlugs)
    .innerJoin(tenants, eq(tenants.id, ikmSlugs.tenantId))
    .where(and(eq(ikmSlugs.slug, slug), eq(tenants.status, "active")))
    .get();
  if (!mapped) return null;
  const found = await tenantDbOf(env, mapped.tenant.dbBinding)
    .select({ unit: unitLayanan, pdName: perangkatDaerah.name })
    .from(unitLayanan)
    .innerJoin(perangkatDaerah, and(eq(perangkatDaerah.id, unitLayanan.pdId), eq(perangkatDaerah.tenantId, unitLayanan.tenantId)))
    .where(and(eq(unitLayanan.tenantId, mapped.tenant.id), eq(unitLayanan.id, mapped.unitId), eq(unitLayanan.active, true)))
    .get();
  return found ? { tenant: mapped.tenant, unit: found.unit, pdName: found.pdName } : null;
}
