import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { Memo } from "./memo";
import { cachingOn, succeededWrite } from "./policy";
import { clearSessionCaches } from "./session-cache";
import { isPublicRoute } from "../openapi";

/**
 * Heavy signed-in reads (ranking, IKM results, a plan's tree) computed once and served again to
 * the same tenant and grants for a few seconds. An entry is served only while
 * - it is younger than RESPONSE_TTL_MS: the bound on what another isolate's writes may leave stale;
 * - no write to its tenant succeeded in this isolate since it was computed (`noteWrites`), so the
 *   next read after a write here is exact;
 * - the caller's D1 bookmark is not newer than the entry's, so a caller whose write was served by
 *   another isolate still reads it (worker/db/bookmark.ts).
 */
export const RESPONSE_TTL_MS = 5_000;
/** A 2,000-node plan tree is ≈ 0.7 MB: at most MAX_RESPONSES × MAX_BODY_BYTES stay in the isolate's 128 MB. */
const MAX_RESPONSES = 24;
const MAX_BODY_BYTES = 2 * 1024 * 1024;

type Entry = { body: ArrayBuffer; headers: [string, string][]; writesSeen: number; bookmark: string | undefined };
const responses = new Memo<Entry>(RESPONSE_TTL_MS, MAX_RESPONSES);

/** Writes counted in this isolate; the count at each tenant's last write, and at the last platform write (any tenant). */
let writes = 0;
const lastTenantWrite = new Map<string, number>();
let lastPlatformWrite = 0;

export const CACHE_HEADER = "x-cache";

/** Forgets every cached session and response (tests). */
export function clearCaches(): void {
  clearSessionCaches();
  responses.clear();
}

/**
 * After every successful write: cached sessions go (whoever signed out, lost a role or was
 * suspended is refused at once in this isolate), and the tenant's cached responses stop being
 * served. A public survey response is not a signed-in write (too frequent to clear anything for);
 * it shows in cached IKM figures within RESPONSE_TTL_MS.
 */
export const noteWrites = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (!succeededWrite(c) || isPublicRoute(c.req.path)) return;
  clearSessionCaches();
  const tenant = c.get("tenant");
  if (tenant) lastTenantWrite.set(tenant.id, ++writes);
  else if (c.req.path.startsWith("/api/v1/platform/")) lastPlatformWrite = ++writes;
});

/**
 * D1 bookmarks are fixed-width hex (`00000000-0000000c-00000000-…`, the local runtime's too), so
 * they compare as strings; anything else counts as newer unless it is the very same bookmark.
 */
export function bookmarkNotNewer(caller: string | undefined, entry: string | undefined): boolean {
  if (caller === undefined) return true;
  if (entry === undefined) return false;
  const comparable = caller.length === entry.length && /^[0-9a-f-]+$/.test(caller) && /^[0-9a-f-]+$/.test(entry);
  return comparable ? caller <= entry : caller === entry;
}

/** The route's answer may differ by tenant, path, query and the caller's grants (role and PD scope). */
function keyOf(c: Context<AppEnv>): string {
  const query = [...new URL(c.req.url).searchParams].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).sort();
  const grants = c
    .get("grants")
    .map((g) => `${g.role}:${g.pdId ?? "*"}`)
    .sort();
  return JSON.stringify([c.get("tenant").id, c.req.path, query, grants]);
}

/** This isolate's write count: take it before reading, then ask `unchangedSince` whether what was read still holds. */
export const writeCount = () => writes;

/** No write to the tenant and no platform write succeeded in this isolate since the count `seen` was taken. */
export const unchangedSince = (tenantId: string, seen: number) => (lastTenantWrite.get(tenantId) ?? 0) <= seen && lastPlatformWrite <= seen;

/** Route middleware (after the role check) for a heavy GET: answers from the cache, or keeps the answer it computes if it is a 200. */
export const readCache = createMiddleware<AppEnv>(async (c, next) => {
  if (!cachingOn(c) || c.req.method !== "GET") return next();
  const key = keyOf(c);
  const hit = responses.get(key);
  if (hit && unchangedSince(c.get("tenant").id, hit.writesSeen) && bookmarkNotNewer(c.get("tenantBookmark"), hit.bookmark)) {
    return c.body(hit.body, 200, Object.fromEntries([...hit.headers, [CACHE_HEADER, "hit"]]));
  }
  // Counted before computing: a write that lands meanwhile makes this entry stale at once.
  const writesSeen = writes;
  await next();
  c.res.headers.set(CACHE_HEADER, "miss");
  if (c.res.status !== 200) return;
  const body = await c.res.arrayBuffer();
  const headers = [...c.res.headers].filter(([name]) => name !== "set-cookie" && name !== CACHE_HEADER);
  c.res = new Response(body, c.res);
  if (body.byteLength <= MAX_BODY_BYTES) responses.set(key, { body, headers, writesSeen, bookmark: c.get("tenantSession")?.getBookmark() ?? undefined });
});
