import type { Context } from "hono";
import type { AppEnv } from "../env";
import { Memo } from "./memo";
import { cachingOn, isSafeMethod } from "./policy";

/**
 * How long a signed-in read may trust what this isolate last read about its session, API token,
 * grants and tenant row instead of asking the control plane (one D1 round trip, several ms).
 * Every successful write in this isolate clears them all (sign-out, revoke, role change, suspend …
 * are writes), so only another isolate can go on serving a revoked session's reads, for at most
 * this long (docs/scaling.md). Writes always read the control plane.
 */
export const SESSION_CACHE_TTL_MS = 15_000;
const MAX_ENTRIES = 5000;

const memos: Memo<unknown>[] = [];

/** One cache of the control-plane facts a request needs before its route runs; all cleared together. */
export function sessionMemo<V extends object>(): Memo<V> {
  const memo = new Memo<V>(SESSION_CACHE_TTL_MS, MAX_ENTRIES);
  memos.push(memo as Memo<unknown>);
  return memo;
}

/**
 * For GET/HEAD: the cached value of `key`, else `load()` (kept when not null, and not when a write
 * cleared the caches while it read). Other methods always `load()`.
 */
export async function readThrough<V extends object>(c: Context<AppEnv>, memo: Memo<V>, key: string, load: () => Promise<V | null>): Promise<V | null> {
  if (!cachingOn(c) || !isSafeMethod(c.req.method)) return load();
  return memo.getOrLoad(key, load);
}

export function clearSessionCaches(): void {
  for (const memo of memos) memo.clear();
}
