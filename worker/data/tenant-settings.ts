import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { tenants } from "../db/schema";
import { DEFAULT_TENANT_SETTINGS, tenantSettingsSchema, type TenantSettings } from "../../shared/schemas/tenant";

/** A tenant's settings, defaults filled in for anything it never chose; unreadable stored JSON falls back to defaults. */
export async function readTenantSettings(db: Db, tenantId: string): Promise<TenantSettings> {
  const row = await db.select({ settings: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId)).get();
  const parsed = tenantSettingsSchema.safeParse({ ...DEFAULT_TENANT_SETTINGS, ...JSON.parse(row?.settings ?? "{}") });
  return parsed.success ? parsed.data : DEFAULT_TENANT_SETTINGS;
}
