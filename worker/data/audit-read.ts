import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { auditLog, users } from "../db/schema";
import { chunk } from "../db/chunked-insert";

type AuditRow = typeof auditLog.$inferSelect;
export type AuditItem<Id = string> = { id: Id; action: string; entity: string; entityId: string | null; userName: string | null; before: unknown; after: unknown; createdAt: number };

/**
 * A tenant's audit trail is in two databases: its data changes in the tenant database (same batch as
 * the change), its memberships, invitations, settings and tokens in the control plane. One page
 * merges both newest first. The cursor names the last id shown from each ("<tenant>.<control>",
 * empty = none yet); ids shown to clients carry their source ("t12", "c7").
 */
export const AUDIT_CURSOR = /^\d*\.\d*$/;

export async function tenantAuditPage(tenantDb: Db, control: Db, tenantId: string, opts: { before?: string; entity?: string; limit: number }) {
  const [tBefore, cBefore] = (opts.before ?? ".").split(".").map((s) => (s ? Number(s) : null));
  const page = (db: Db, before: number | null | undefined) => {
    const filters: SQL[] = [eq(auditLog.tenantId, tenantId)];
    if (before) filters.push(lt(auditLog.id, before));
    if (opts.entity) filters.push(eq(auditLog.entity, opts.entity));
    return db.select().from(auditLog).where(and(...filters)).orderBy(desc(auditLog.id)).limit(opts.limit).all();
  };
  const [fromTenant, fromControl] = await Promise.all([page(tenantDb, tBefore), page(control, cBefore)]);
  const merged = [...fromTenant.map((a) => ({ src: "t" as const, a })), ...fromControl.map((a) => ({ src: "c" as const, a }))]
    .sort((x, y) => y.a.createdAt - x.a.createdAt || (x.src === y.src ? y.a.id - x.a.id : x.src === "t" ? -1 : 1))
    .slice(0, opts.limit);
  const names = await userNames(control, merged.map((m) => m.a.userId));
  const items = merged.map(({ src, a }) => ({ ...toItem(a, names), id: `${src}${a.id}` }));
  const lastOf = (src: "t" | "c", fallback: number | null | undefined) => merged.filter((m) => m.src === src).at(-1)?.a.id ?? fallback ?? "";
  const nextBefore = merged.length === opts.limit ? `${lastOf("t", tBefore)}.${lastOf("c", cBefore)}` : null;
  return { items, nextBefore };
}

/** Audit rows of a tenant's own records (tenant database), with who made them (control plane). */
export async function auditOfEntities(tenantDb: Db, control: Db, tenantId: string, entityIds: string[]): Promise<AuditItem<number>[]> {
  const rows: AuditRow[] = [];
  // ≤ 100 bound parameters per statement: look the ids up in chunks.
  for (const part of chunk(entityIds, 90)) {
    rows.push(...(await tenantDb.select().from(auditLog).where(and(eq(auditLog.tenantId, tenantId), inArray(auditLog.entityId, part))).all()));
  }
  const names = await userNames(control, rows.map((a) => a.userId));
  return rows.map((a) => ({ ...toItem(a, names), id: a.id }));
}

const toItem = (a: AuditRow, names: Map<string, string>): Omit<AuditItem, "id"> => ({
  action: a.action,
  entity: a.entity,
  entityId: a.entityId,
  userName: a.userId ? (names.get(a.userId) ?? null) : null,
  before: a.before ? JSON.parse(a.before) : null,
  after: a.after ? JSON.parse(a.after) : null,
  createdAt: a.createdAt,
});

async function userNames(control: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunk([...new Set(ids.filter((id): id is string => !!id))], 90)) {
    for (const u of await control.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, part)).all()) out.set(u.id, u.name);
  }
  return out;
}
