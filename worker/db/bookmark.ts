import { getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";

/**
 * D1 read replication (Sessions API): a request's reads may go to a replica, but never to one older
 * than the bookmark the caller brings, so a user reads their own writes. The bookmark of the
 * tenant's database travels in a cookie (browsers) or the `x-d1-bookmark` header (API clients),
 * tagged with the binding so a bookmark of another database is ignored.
 */
export const BOOKMARK_COOKIE = "akt_d1";
export const BOOKMARK_HEADER = "x-d1-bookmark";
const MAX_BOOKMARK = 200;

export const tenantBookmark = createMiddleware<AppEnv>(async (c, next) => {
  const binding = c.get("tenant").dbBinding;
  const given = c.req.header(BOOKMARK_HEADER) ?? getCookie(c, BOOKMARK_COOKIE);
  const [tag, bookmark] = given && given.length <= MAX_BOOKMARK ? given.split("~", 2) : [];
  if (tag === binding && bookmark) c.set("tenantBookmark", bookmark);
  await next();
  const latest = c.get("tenantSession")?.getBookmark();
  if (!latest || latest === bookmark) return;
  const value = `${binding}~${latest}`;
  c.header(BOOKMARK_HEADER, value);
  setCookie(c, BOOKMARK_COOKIE, value, { httpOnly: true, sameSite: "Lax", secure: new URL(c.req.url).protocol === "https:", path: "/api/" });
});
