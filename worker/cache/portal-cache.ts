import type { Context } from "hono";
import type { AppEnv } from "../env";
import { Memo } from "./memo";
import { cachingOn } from "./policy";
import { CACHE_HEADER, unchangedSince, writeCount } from "./read-cache";

/**
 * Each tenant's public portal (worker/routes/portal.ts), kept in the isolate no longer than shared
 * caches may keep it anyway (its Cache-Control max-age). It is public data, the same for every
 * caller, so one entry per tenant code serves everyone. Any write to the tenant in this isolate (a
 * document published or withdrawn, an evaluation finalised and its SAKIP figures published, a PD
 * renamed, a deadline moved) or any platform write (a tenant suspended or renamed) stops its entry
 * at once (`noteWrites`); writes served by another isolate show within PORTAL_TTL_MS.
 */
export const PORTAL_TTL_MS = 60_000;
/** A portal lists up to 1,000 documents (a few hundred kB): a few dozen stay well inside the isolate's 128 MB. */
const MAX_PORTALS = 32;

type Entry = { value: unknown; tenantId: string; writesSeen: number; storedAt: number };
const portals = new Memo<Entry>(PORTAL_TTL_MS, MAX_PORTALS);

/**
 * The portal of `code` from the isolate, else what `load()` reads (a tenant that is not found
 * throws and is looked up again next time). `maxAgeS` is what is left of the entry's life, so an
 * answer passed on to shared caches is never older than PORTAL_TTL_MS in total.
 */
export async function cachedPortal<V>(c: Context<AppEnv>, code: string, load: () => Promise<{ tenantId: string; value: V }>): Promise<{ value: V; maxAgeS: number }> {
  const fullAge = PORTAL_TTL_MS / 1000;
  if (!cachingOn(c)) return { value: (await load()).value, maxAgeS: fullAge };
  const now = Date.now();
  const hit = portals.get(code, now);
  if (hit && unchangedSince(hit.tenantId, hit.writesSeen)) {
    c.header(CACHE_HEADER, "hit");
    return { value: hit.value as V, maxAgeS: Math.max(1, fullAge - Math.floor((now - hit.storedAt) / 1000)) };
  }
  // Counted before reading: a write that lands meanwhile makes this entry stale at once.
  const writesSeen = writeCount();
  const { tenantId, value } = await load();
  portals.set(code, { value, tenantId, writesSeen, storedAt: now }, now);
  c.header(CACHE_HEADER, "miss");
  return { value, maxAgeS: fullAge };
}

/** Forgets every cached portal (tests). */
export function clearPortals(): void {
  portals.clear();
}
