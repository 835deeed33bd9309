import type { Context } from "hono";
import type { AppEnv } from "./env";
import type { Db } from "./db/client";
import { auditLog } from "./db/schema";

export type AuditEntry = {
  action: "create" | "update" | "delete" | "invite" | "accept" | "grant" | "revoke" | "deactivate" | "activate" | "login";
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Defaults to the tenant of the current route; platform actions name it explicitly. */
  tenantId?: string | null;
};

/**
 * An insert into audit_log, to be put in the same `db.batch()` as the change it records
 * so a change never lands without its audit row.
 */
export function audit(c: Context<AppEnv>, db: Db, entry: AuditEntry) {
  const tenantId = entry.tenantId !== undefined ? entry.tenantId : (c.get("tenant")?.id ?? null);
  return db.insert(auditLog).values({
    tenantId,
    userId: c.get("user")?.id ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    createdAt: Date.now(),
  });
}
