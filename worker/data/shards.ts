import { and, count, eq, inArray } from "drizzle-orm";
import { tenantBindings, tenantDbOf, type Db } from "../db/client";
import { perangkatDaerah, tenants } from "../db/schema";
import { chunk } from "../db/chunked-insert";

/**
 * The tenant database a new tenant goes to: among the configured TENANT_DB_n, the one the shard
 * map (tenants.db_binding) gives the fewest tenants; ties go to the lowest number.
 */
export async function emptiestBinding(env: Env, control: Db): Promise<string> {
  const bindings = tenantBindings(env);
  if (!bindings.length) throw new Error("No tenant database binding (TENANT_DB_n) is configured");
  const rows = await control.select({ binding: tenants.dbBinding, n: count() }).from(tenants).groupBy(tenants.dbBinding).all();
  const load = new Map(rows.map((r) => [r.binding, r.n]));
  return bindings.reduce((best, b) => ((load.get(b) ?? 0) < (load.get(best) ?? 0) ? b : best));
}

/** Active tenants grouped by the database that holds them (cron jobs and platform views walk these). */
export async function tenantsByBinding(control: Db) {
  const rows = await control.select({ id: tenants.id, code: tenants.code, dbBinding: tenants.dbBinding }).from(tenants).where(eq(tenants.status, "active")).all();
  const groups = new Map<string, typeof rows>();
  for (const r of rows) groups.set(r.dbBinding, [...(groups.get(r.dbBinding) ?? []), r]);
  return groups;
}

/**
 * Perangkat daerah per tenant, read from every tenant database. A database that is down leaves its
 * tenants out (the caller shows them as unknown) instead of failing the whole list.
 */
export async function pdCountsByTenant(env: Env): Promise<{ counts: Map<string, number>; available: Set<string> }> {
  const counts = new Map<string, number>();
  const available = new Set<string>();
  await Promise.all(
    tenantBindings(env).map(async (binding) => {
      try {
        const db = tenantDbOf(env, binding);
        const rows = await db.select({ tenantId: perangkatDaerah.tenantId, n: count() }).from(perangkatDaerah).groupBy(perangkatDaerah.tenantId).all();
        for (const r of rows) counts.set(r.tenantId, r.n);
        available.add(binding);
      } catch (e) {
        console.error(`pdCountsByTenant: ${binding} unavailable`, e);
      }
    }),
  );
  return { counts, available };
}

export type PdRef = { dbBinding: string; tenantId: string; pdId: string | null };
export const pdKey = (tenantId: string, pdId: string) => `${tenantId}|${pdId}`;

/**
 * Names of perangkat daerah that control-plane rows (memberships, invitations, tokens) point at:
 * they live in the tenants' databases, so there is no join; each database is asked once, in chunks.
 * Keyed by pdKey(tenantId, pdId); a PD of a database that is down is simply absent (name unknown).
 */
export async function pdNames(env: Env, refs: PdRef[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wanted = new Map<string, Set<string>>();
  for (const r of refs) if (r.pdId) wanted.set(r.dbBinding, (wanted.get(r.dbBinding) ?? new Set()).add(r.pdId));
  const asked = new Set(refs.filter((r) => r.pdId).map((r) => pdKey(r.tenantId, r.pdId!)));
  await Promise.all(
    [...wanted].map(async ([binding, ids]) => {
      try {
        const db = tenantDbOf(env, binding);
        for (const part of chunk([...ids], 90)) {
          const rows = await db.select({ id: perangkatDaerah.id, tenantId: perangkatDaerah.tenantId, name: perangkatDaerah.name }).from(perangkatDaerah).where(inArray(perangkatDaerah.id, part)).all();
          // Only the tenant the reference belongs to: an id of another tenant names nothing.
          for (const r of rows) if (asked.has(pdKey(r.tenantId, r.id))) out.set(pdKey(r.tenantId, r.id), r.name);
        }
      } catch (e) {
        console.error(`pdNames: ${binding} unavailable`, e);
      }
    }),
  );
  return out;
}

/** The same lookup inside one tenant's own database (tenant routes): pdId → name, null when unknown. */
export async function pdNamesOf(db: Db, tenantId: string, pdIds: (string | null)[]): Promise<(pdId: string | null) => string | null> {
  const ids = [...new Set(pdIds.filter((id): id is string => !!id))];
  const names = new Map<string, string>();
  for (const part of chunk(ids, 90)) {
    const rows = await db.select({ id: perangkatDaerah.id, name: perangkatDaerah.name }).from(perangkatDaerah).where(and(eq(perangkatDaerah.tenantId, tenantId), inArray(perangkatDaerah.id, part))).all();
    for (const r of rows) names.set(r.id, r.name);
  }
  return (pdId) => (pdId ? (names.get(pdId) ?? null) : null);
}
