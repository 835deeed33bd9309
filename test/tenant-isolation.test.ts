import { beforeAll, describe, expect, it } from "vitest";
import { api, twoTenants, type World } from "./helpers";
import { createApp } from "../worker/app";
import type { IsolationCase } from "./isolation/case";

/**
 * Every tenant route, called by a member of tenant A against tenant B's code, answers 404.
 * The list must name every `/tenants/{code}...` route in the OpenAPI document, so a new
 * endpoint fails this test until its cross-tenant case is written. Each resource's own test
 * file also tries tenant B's record ids under tenant A's code.
 */
type Cases = { cases: IsolationCase[] };
// Each module lists its tenant routes in test/isolation/<module>.cases.ts.
const modules = import.meta.glob<Cases>("./isolation/*.cases.ts", { eager: true });
const cases = () => Object.values(modules).flatMap((m) => m.cases);

let t: World;
beforeAll(async () => {
  t = await twoTenants();
});

describe("cross-tenant access answers 404 on every tenant route", () => {
  it("covers every tenant route in the OpenAPI document", async () => {
    const doc = (await api("/openapi.json")).json;
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.startsWith("/tenants/{code}"))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
      .sort();
    expect(cases().map((c) => `${c.method} ${c.path}`).sort()).toEqual(documented);
  });

  it("tenant A's admin gets 404 for tenant B, and B is unchanged", async () => {
    for (const c of cases()) {
      const path = c.path.replace("{code}", t.codeB).replace(/\{(\w+)\}/g, (_, name: string) => c.params?.(t)[name] ?? "x");
      const body = typeof c.body === "function" ? c.body(t) : c.body;
      const r = await api(path, { method: c.method.toUpperCase(), cookie: t.a.tenant_admin, body });
      expect(r.status, `${c.method} ${c.path}`).toBe(404);
      expect(r.json.error.code).toBe("not_found");
    }
    const pds = await api(`/tenants/${t.codeB}/perangkat-daerah`, { cookie: t.b.viewer });
    expect(pds.json.items.map((p: any) => p.code)).toEqual(["1.01"]);
  });

  it("anonymous callers get 401 on every tenant route", async () => {
    for (const c of cases()) {
      const body = typeof c.body === "function" ? c.body(t) : c.body;
      const r = await api(c.path.replace("{code}", t.codeA).replace(/\{\w+\}/g, "x"), { method: c.method.toUpperCase(), body });
      expect(r.status, `${c.method} ${c.path}`).toBe(401);
    }
  });
});

describe("OpenAPI document", () => {
  it("is served and documents every API route the app answers", async () => {
    const doc = (await api("/openapi.json")).json;
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)),
    );
    const served = createApp()
      .routes.filter((r) => r.method !== "ALL" && r.path.startsWith("/api/v1/") && r.path !== "/api/v1/openapi.json")
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace("/api/v1", "").replace(/:(\w+)/g, "{$1}")}`);
    expect(served.length).toBeGreaterThan(20);
    expect(served.filter((r) => !documented.has(r))).toEqual([]);
  });
});
