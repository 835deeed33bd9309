import { and, eq, gt, sql } from "drizzle-orm";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import type { Context } from "hono";
import type { AppEnv, SessionUser } from "../env";
import type { Db } from "../db/client";
import { sessions, users } from "../db/schema";
import { tenantGrantsQuery, type TenantGrantRow } from "../data/memberships";
import { readThrough, sessionMemo } from "../cache/session-cache";
import { randomToken, sha256Hex } from "./crypto";

export const SESSION_COOKIE = "akt_session";
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Refresh last_seen_at at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

/** `totpEnrolmentRequired`: the user must enrol in two-step sign-in before using anything else (see loadSession). */
export async function createSession(c: Context<AppEnv>, db: Db, userId: string, opts: { totpEnrolmentRequired?: boolean } = {}): Promise<void> {
  const token = randomToken();
  const now = Date.now();
  await db.insert(sessions).values({
    id: await sha256Hex(token),
    userId,
    createdAt: now,
    expiresAt: now + SESSION_TTL_MS,
    lastSeenAt: now,
    userAgent: c.req.header("user-agent")?.slice(0, 300) ?? null,
    totpEnrolmentRequired: opts.totpEnrolmentRequired ?? false,
  });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: new URL(c.req.url).protocol === "https:",
    path: "/",
    maxAge: SESSION_TTL_MS / 1000,
  });
}

type SessionEntry = { user: SessionUser; expiresAt: number; grants?: TenantGrantRow[] };
/** Sessions by id and the tenant code of the request (the grants there come with them). */
const cachedSessions = sessionMemo<SessionEntry>();

/**
 * The signed-in user of this request, or null. With `tenantCode` (a `/tenants/{code}/...` request)
 * the user's grants in that tenant are read in the same D1 batch and left on the context for
 * `tenantAccess`: one round trip instead of two. A GET may be answered from what this isolate read
 * in the last SESSION_CACHE_TTL_MS (worker/cache/session-cache.ts): a write here clears it, so a
 * session signed out or a membership disabled is refused on the very next request in this isolate.
 */
export async function readSession(c: Context<AppEnv>, db: Db, tenantCode?: string): Promise<SessionUser | null> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token || token.length > 100) return null;
  const id = await sha256Hex(token);
  const found = await readThrough(c, cachedSessions, `${id}\n${tenantCode ?? ""}`, () => querySession(c, db, id, tenantCode));
  if (!found || found.expiresAt <= Date.now()) return null;
  if (found.grants) c.set("prefetchedGrants", { code: tenantCode!, rows: found.grants });
  return found.user;
}

async function querySession(c: Context<AppEnv>, db: Db, id: string, tenantCode?: string): Promise<SessionEntry | null> {
  const now = Date.now();
  const sessionQuery = db
    .select({ user: users, expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt, totpEnrolmentRequired: sessions.totpEnrolmentRequired })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(users.status, "active")))
    .limit(1);
  let row: Awaited<ReturnType<typeof sessionQuery.all>>[number] | undefined;
  let grants: TenantGrantRow[] | undefined;
  if (tenantCode === undefined) {
    row = await sessionQuery.get();
  } else {
    // The grants' user is the session's user; they are only used when the session row is valid.
    const sessionUser = sql`(SELECT ${sessions.userId} FROM ${sessions} WHERE ${sessions.id} = ${id})`;
    const [found, rows] = await db.batch([sessionQuery, tenantGrantsQuery(db, tenantCode, sessionUser)]);
    row = found[0];
    grants = rows;
  }
  if (!row) return null;
  if (now - row.lastSeenAt > TOUCH_INTERVAL_MS) {
    c.executionCtx.waitUntil(db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)).run());
  }
  const { user } = row;
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      isPlatformOperator: user.isPlatformOperator,
      sessionId: id,
      totpEnrolmentRequired: row.totpEnrolmentRequired,
    },
    expiresAt: row.expiresAt,
    grants,
  };
}

export async function endSession(c: Context<AppEnv>, db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}
