import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { memberships, notifications, users } from "../db/schema";
import type { Role } from "../../shared/roles";

export const NOTIFICATION_KINDS = ["deadline", "invitation", "disposition", "evaluation", "security"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NewNotification = { userId: string; tenantId: string | null; kind: NotificationKind; title: string; body: string; link?: string | null };

/** An inbox entry, as a statement for the caller's `db.batch()`. */
export function notify(db: Db, n: NewNotification) {
  return db.insert(notifications).values({ id: crypto.randomUUID(), ...n, link: n.link ?? null, createdAt: Date.now() });
}

/** The unread count as a statement for a `db.batch` (read the first row's `n`). */
export const unreadCountQuery = (db: Db, userId: string) =>
  db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const row = await unreadCountQuery(db, userId).get();
  return row?.n ?? 0;
}

export function listNotifications(db: Db, userId: string, limit: number, offset: number) {
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt)).limit(limit).offset(offset).all();
}

/** Active users holding one of `roles` for a perangkat daerah (control plane), e.g. the PD's operators. */
export async function pdMembers(db: Db, tenantId: string, pdId: string, roles: readonly Role[]): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.pdId, pdId), inArray(memberships.role, [...roles]), isNull(memberships.disabledAt), eq(users.status, "active")))
    .all();
  return rows.map((r) => r.userId);
}

/** One inbox entry per user, as statements for the caller's `db.batch()`. */
export const notifyEach = (db: Db, userIds: string[], n: Omit<NewNotification, "userId">) => userIds.map((userId) => notify(db, { ...n, userId }));

/**
 * Tells `userIds` about a change to tenant data once that change's batch has landed: notifications live in
 * the control plane, tenant data in the tenant's database, and no batch spans both (docs/scaling.md).
 */
export async function notifyAfterChange(control: Db, userIds: string[], n: Omit<NewNotification, "userId">) {
  const [first, ...rest] = notifyEach(control, userIds, n);
  if (first) await control.batch([first, ...rest]);
}
