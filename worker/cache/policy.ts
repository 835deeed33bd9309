import type { Context } from "hono";
import type { AppEnv } from "../env";

/** GET/HEAD/OPTIONS change nothing, so they may be answered from an in-isolate cache; every other method reads D1. */
export const isSafeMethod = (method: string) => method === "GET" || method === "HEAD" || method === "OPTIONS";

/**
 * `READ_CACHE = "off"` turns off serving from the in-isolate caches (session and response caches).
 * The Worker tests do (vitest.config.ts): they write D1 directly and then read through the API,
 * which no cache could notice. Invalidation after writes runs either way.
 */
export const cachingOn = (c: Context<AppEnv>) => c.env.READ_CACHE !== "off";

/** A request that changed something: an unsafe method that did not fail. */
export const succeededWrite = (c: Context<AppEnv>) => !isSafeMethod(c.req.method) && c.res.status < 400;
