import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { ikmSlugs } from "../db/schema";
import { AppError } from "../errors";

/**
 * Public IKM links are global while units live in their tenant's database, so the control plane
 * keeps slug → (tenant, unit). A unit claims its slug before its tenant write and releases it if that
 * write fails (two databases, no shared batch); claiming a slug the unit already holds is a no-op.
 */
export async function claimSlug(control: Db, slug: string, tenantId: string, unitId: string) {
  await control.insert(ikmSlugs).values({ slug, tenantId, unitId, createdAt: Date.now() }).onConflictDoNothing();
  const holder = await control.select().from(ikmSlugs).where(eq(ikmSlugs.slug, slug)).get();
  if (holder?.tenantId !== tenantId || holder.unitId !== unitId) {
    throw new AppError("conflict", `Tautan /s/${slug} sudah dipakai`, [{ path: "slug", message: "Tautan sudah dipakai, pilih yang lain" }]);
  }
}

export function releaseSlug(control: Db, slug: string, tenantId: string, unitId: string) {
  return control.delete(ikmSlugs).where(and(eq(ikmSlugs.slug, slug), eq(ikmSlugs.tenantId, tenantId), eq(ikmSlugs.unitId, unitId))).run();
}

/** Runs the tenant write that needs `slug`; the claim is undone when the write fails. */
export async function withSlug<T>(control: Db, slug: string, tenantId: string, unitId: string, write: () => Promise<T>): Promise<T> {
  await claimSlug(control, slug, tenantId, unitId);
  try {
    return await write();
  } catch (e) {
    await releaseSlug(control, slug, tenantId, unitId);
    throw e;
  }
}
