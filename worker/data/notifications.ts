import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { notifications } from "../db/schema";

export const NOTIFICATION_KINDS = ["deadline", "invitation", "disposition", "evaluation", "security"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NewNotification = { userId: string; tenantId: string | null; kind: NotificationKind; title: string; body: string; link?: string | null };

/** An inbox entry, as a statement for the caller's `db.batch()`. */
export function notify(db: Db, n: NewNotification) {
  return db.insert(notifications).values({ id: crypto.randomUUID(), ...n, link: n.link ?? null, createdAt: Date.now() });
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const row = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).get();
  return row?.n ?? 0;
}

export function listNotifications(db: Db, userId: string, limit: number, offset: number) {
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt)).limit(limit).offset(offset).all();
}
