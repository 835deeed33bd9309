import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { api, twoTenants, type World } from "./helpers";
import { tenantBindings } from "../worker/db/client";
import type { IsolationCase } from "./isolation/case";

/**
 * Random and mutated input against every documented route: the answer is always 2xx/4xx in the
 * one error shape, never 5xx, and a rejected write leaves the database as it was.
 */
type Route = { method: string; path: string };
const isolation = import.meta.glob<{ cases: IsolationCase[] }>("./isolation/*.cases.ts", { eager: true });
const validBodies = new Map(Object.values(isolation).flatMap((m) => m.cases).map((c) => [`${c.method} ${c.path}`, c.body]));

let t: World;
let routes: Route[];
beforeAll(async () => {
  t = await twoTenants();
  const doc = (await api("/openapi.json")).json as { paths: Record<string, Record<string, unknown>> };
  // Signing out would end the session the other cases use; auth.test.ts covers it.
  routes = Object.entries(doc.paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method, path })))
    .filter((r) => r.path !== "/auth/logout");
});

/** Row counts of every table in the control plane and every tenant database. */
async function tableCounts(): Promise<string> {
  const out: string[] = [];
  for (const name of ["DB", ...tenantBindings(env)]) {
    const d1 = env[name as "DB"];
    const tables = await d1.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND substr(name, 1, 4) != '_cf_' AND name NOT IN ('d1_migrations', 'rate_limits', 'sessions', 'audit_log')").all<{ name: string }>();
    const counts = await d1.batch(tables.results.map((r) => d1.prepare(`SELECT '${name}.${r.name}' AS t, count(*) AS n FROM "${r.name}"`)));
    out.push(...counts.map((c) => JSON.stringify(c.results[0])));
  }
  return out.join(",");
}

const segment = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("..", "%00", "x".repeat(300), "35.16", "64", "' OR 1=1 --", "😀"));
const mutate = (body: unknown) =>
  body && typeof body === "object"
    ? fc.oneof(
        fc.constant(body),
        fc.record({ key: fc.constantFrom(...Object.keys(body)), value: fc.jsonValue() }).map(({ key, value }) => ({ ...body, [key]: value })),
        fc.constantFrom(...Object.keys(body)).map((key) => Object.fromEntries(Object.entries(body).filter(([k]) => k !== key))),
      )
    : fc.jsonValue();

describe("fuzzing every route", () => {
  it("never answers 5xx, always the error shape, and rejected writes change nothing", async () => {
    const writes = (r: Route) => r.method !== "get";
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(segment, { minLength: 4, maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }), { maxKeys: 3 }),
        fc.oneof(fc.jsonValue(), fc.constant("__valid__")),
        fc.constantFrom<"a" | "b" | "anon">("a", "b", "anon"),
        async (pick, segments, query, randomBody, who) => {
          const route = routes[pick % routes.length]!;
          let i = 0;
          const path = route.path.replace("{code}", who === "b" ? t.codeB : t.codeA).replace(/\{\w+\}/g, () => encodeURIComponent(segments[i++ % 4]!));
          const valid = validBodies.get(`${route.method} ${route.path}`);
          const body = randomBody === "__valid__" ? fc.sample(mutate(typeof valid === "function" ? valid(t) : valid), 1)[0] : randomBody;
          const qs = new URLSearchParams(query).toString();
          const before = writes(route) ? await tableCounts() : "";
          const r = await api(`${path}${qs ? `?${qs}` : ""}`, {
            method: route.method.toUpperCase(),
            cookie: who === "anon" ? undefined : t.a.tenant_admin,
            body: writes(route) ? body : undefined,
          });
          expect(r.status, `${route.method} ${path}`).toBeLessThan(500);
          if (r.status >= 400) {
            expect(r.json?.error?.code, `${route.method} ${path}`).toEqual(expect.any(String));
            if (writes(route)) expect(await tableCounts()).toBe(before);
          }
        },
      ),
      { numRuns: 300, seed: 20261123 },
    );
  }, 120_000);
});
