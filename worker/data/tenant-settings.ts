import { eq } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { controlDb, controlOf, type Db } from "../db/client";
import { tenants } from "../db/schema";
import { DEFAULT_TENANT_SETTINGS, tenantSettingsSchema, type TenantSettings } from "../../shared/schemas/tenant";

/** The settings row of a tenant, read from the control plane (read it with `parseTenantSettings`). */
export const tenantSettingsQuery = (db: Db, tenantId: string) => controlOf(db).select({ settings: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);

/** Defaults filled in for anything the tenant never chose; unreadable stored JSON falls back to defaults. */
export function parseTenantSettings(row: { settings: string } | undefined): TenantSettings {
  let stored: unknown;
  try {
    stored = JSON.parse(row?.settings ?? "{}");
  } catch {
    return DEFAULT_TENANT_SETTINGS;
  }
  const parsed = tenantSettingsSchema.safeParse({ ...DEFAULT_TENANT_SETTINGS, ...(stored as object) });
  return parsed.success ? parsed.data : DEFAULT_TENANT_SETTINGS;
}

/** A tenant's settings, defaults filled in for anything it never chose; unreadable stored JSON falls back to defaults. */
export async function readTenantSettings(db: Db, tenantId: string): Promise<TenantSettings> {
  return parseTenantSettings(await tenantSettingsQuery(db, tenantId).get());
}

/** The current tenant's settings: from the row `tenantAccess` already read, else one query. */
export async function requestTenantSettings(c: Context<AppEnv>): Promise<TenantSettings> {
  const row = c.get("tenantSettingsRow");
  return row ? parseTenantSettings(row) : readTenantSettings(controlDb(c), c.get("tenant").id);
}
