import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { createApp } from "../worker/app";
import { ORIGIN, type Call } from "./helpers";

/**
 * Local D1 round trips dominate request time (each costs several ms in `wrangler dev`, and they
 * are serialised), so the hot routes are held to a number of round trips — never to a time.
 * `countRoundTrips` runs one request against the app with every D1 binding wrapped: each
 * `first/all/run/raw` and each `batch` counts as one round trip. `cache: true` serves reads from the
 * in-isolate caches as deployed (the Worker tests otherwise run with READ_CACHE=off, vitest.config.ts).
 */
export async function countRoundTrips(path: string, call: Call & { cache?: boolean } = {}): Promise<{ status: number; trips: number; json: any; headers: Headers }> {
  let trips = 0;
  const real = new WeakMap<object, D1PreparedStatement>();
  const wrapStatement = (s: D1PreparedStatement): D1PreparedStatement => {
    const w = new Proxy(s, {
      get(target, prop) {
        if (prop === "bind") return (...args: unknown[]) => wrapStatement(target.bind(...args));
        if (prop === "first" || prop === "all" || prop === "run" || prop === "raw") {
          return (...args: unknown[]) => {
            trips++;
            return (target[prop] as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        const v = Reflect.get(target, prop, target);
        return typeof v === "function" ? v.bind(target) : v;
      },
    });
    real.set(w, s);
    return w;
  };
  const wrapDb = (db: D1Database): D1Database =>
    new Proxy(db, {
      get(target, prop) {
        if (prop === "prepare") return (q: string) => wrapStatement(target.prepare(q));
        // Tenant databases are read through a D1 session (worker/db/client.ts): count its queries too.
        if (prop === "withSession") return (...args: Parameters<D1Database["withSession"]>) => wrapDb(target.withSession(...args) as unknown as D1Database);
        if (prop === "batch") {
          return (stmts: D1PreparedStatement[]) => {
            trips++;
            return target.batch(stmts.map((s) => real.get(s) ?? s));
          };
        }
        const v = Reflect.get(target, prop, target);
        return typeof v === "function" ? v.bind(target) : v;
      },
    });
  const counted = Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, v && typeof (v as D1Database).prepare === "function" && typeof (v as D1Database).batch === "function" ? wrapDb(v as D1Database) : v]),
  ) as typeof env;
  counted.READ_CACHE = call.cache ? "on" : "off";
  const method = call.method ?? (call.body !== undefined ? "POST" : "GET");
  const headers: Record<string, string> = { ...call.headers };
  if (call.cookie) headers.cookie = call.cookie;
  if (method !== "GET") headers.origin ??= ORIGIN;
  if (call.body !== undefined) headers["content-type"] ??= "application/json";
  const ctx = createExecutionContext();
  const res = await createApp().fetch(new Request(`${ORIGIN}/api/v1${path}`, { method, headers, body: call.body !== undefined ? JSON.stringify(call.body) : undefined }), counted, ctx);
  const json = await res.json().catch(() => null);
  await waitOnExecutionContext(ctx);
  return { status: res.status, trips, json, headers: res.headers };
}
