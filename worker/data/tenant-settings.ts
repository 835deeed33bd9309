import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { tenants } from "../db/schema";
import { DEFAULT_TENANT_SETTINGS, tenantSettingsSchema, type TenantSettings } from "../../shared/schemas/tenant";

/**
 * Settings are a column of the control plane's tenants row, while the data functions that apply them
 * (capaian, efisiensi, IKM weights) are handed the tenant database. A tenant Db made by tenantDb(c)
 * or tenantDbOf(env, ...) therefore remembers its control plane here, and settings are read there.
 */
const controlOf = new WeakMap<Db, Db>();
export function pairWithControl(tenantDb: Db, control: Db): Db {
  controlOf.set(tenantDb, control);
  return tenantDb;
}

/** The settings row of a tenant, read from the control plane (read it with `parseTenantSettings`). */
export const tenantSettingsQuery = (db: Db, tenantId: string) => (controlOf.get(db) ?? db).select({ settings: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);

/** Defaults filled in for anything the tenant never chose; unreadable stored JSON falls back to defaults. */
export function parseTenantSettings(row: { settings: string } | undefined): TenantSettings {
  const parsed = tenantSettingsSchema.safeParse({ ...DEFAULT_TENANT_SETTINGS, ...JSON.parse(row?.settings ?? "{}") });
  return parsed.success ? parsed.data : DEFAULT_TENANT_SETTINGS;
}

/** A tenant's settings, defaults filled in for anything it never chose; unreadable stored JSON falls back to defaults. */
export async function readTenantSettings(db: Db, tenantId: string): Promise<TenantSettings> {
  return parseTenantSettings(await tenantSettingsQuery(db, tenantId).get());
}
