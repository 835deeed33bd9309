import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { rateLimits } from "../db/schema";
import { AppError } from "../errors";

export type Limit = { key: string; max: number; windowMs: number };

/** Fixed-window counter in D1: returns the seconds until the window ends when `max` is reached, else 0. */
export async function retryAfter(db: Db, limit: Limit, now = Date.now()): Promise<number> {
  const row = await db.select().from(rateLimits).where(eq(rateLimits.key, limit.key)).get();
  if (!row || now - row.windowStart >= limit.windowMs || row.count < limit.max) return 0;
  return Math.ceil((row.windowStart + limit.windowMs - now) / 1000);
}

/** The upsert's update of an existing counter: a window that has ended starts again at 1. */
export const countedWindow = (windowMs: number, now: number) => ({
  count: sql`CASE WHEN ${now} - ${rateLimits.windowStart} >= ${windowMs} THEN 1 ELSE ${rateLimits.count} + 1 END`,
  windowStart: sql`CASE WHEN ${now} - ${rateLimits.windowStart} >= ${windowMs} THEN ${now} ELSE ${rateLimits.windowStart} END`,
});

/** Counts one event (one atomic upsert). */
export function hit(db: Db, limit: Limit, now = Date.now()) {
  return db
    .insert(rateLimits)
    .values({ key: limit.key, windowStart: now, count: 1 })
    .onConflictDoUpdate({ target: rateLimits.key, set: countedWindow(limit.windowMs, now) });
}

/** For a counter read back after counting this event: the seconds to wait when it went over `max`, else 0. */
export function waitAfterHit(limit: Pick<Limit, "max" | "windowMs">, counter: { count: number; windowStart: number } | undefined, now = Date.now()): number {
  if (!counter || counter.count <= limit.max) return 0;
  return Math.max(1, Math.ceil((counter.windowStart + limit.windowMs - now) / 1000));
}

export function clear(db: Db, key: string) {
  return db.delete(rateLimits).where(eq(rateLimits.key, key));
}

const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/** The sign-in limits (per account and per IP), shared by the password step and the code step. */
export function loginLimits(email: string, ip: string): [Limit, Limit] {
  return [
    { key: `login:account:${email}`, max: 5, windowMs: LOGIN_WINDOW_MS },
    { key: `login:ip:${ip}`, max: 20, windowMs: LOGIN_WINDOW_MS },
  ];
}

/** Throws 429 with Retry-After while any of `limits` is exhausted. */
export async function enforceLimits(db: Db, limits: Limit[], message = "Terlalu banyak percobaan masuk"): Promise<void> {
  const wait = Math.max(...(await Promise.all(limits.map((l) => retryAfter(db, l)))));
  if (wait > 0) {
    throw new AppError("rate_limited", `${message}. Coba lagi dalam ${Math.ceil(wait / 60)} menit.`, undefined, { "Retry-After": String(wait) });
  }
}
