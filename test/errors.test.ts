import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, twoTenants, type World } from "./helpers";

let t: World;
beforeAll(async () => {
  t = await twoTenants();
});

const shape = { error: { code: expect.any(String), message: expect.any(String) } };

describe("one error shape for bad input", () => {
  it("malformed JSON is 400", async () => {
    const r = await api("/auth/login", { rawBody: "{not json" });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject(shape);
    expect(r.json.error.code).toBe("bad_request");
  });

  it("wrong content type is 415", async () => {
    const r = await api("/auth/login", { rawBody: "email=a", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(r.status).toBe(415);
    expect(r.json).toMatchObject(shape);
  });

  it("a body over 1 MB is 413", async () => {
    const r = await api(`/tenants/${t.codeA}/perangkat-daerah`, { cookie: t.a.tenant_admin, rawBody: JSON.stringify({ code: "1", name: "x".repeat(1_100_000), kind: "dinas" }) });
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe("payload_too_large");
  });

  it("unknown API routes are JSON 404", async () => {
    for (const path of ["/nope", "/tenants/35.16/nope"]) {
      const r = await api(path, { cookie: t.a.tenant_admin });
      expect(r.status).toBe(404);
      expect(r.json).toMatchObject(shape);
    }
    const outside = await exports.default.fetch(new Request("http://localhost/api/v2/x"));
    expect(outside.status).toBe(404);
    expect(await outside.json()).toMatchObject(shape);
  });

  it("wrong types and extra garbage never produce a 500", async () => {
    const bodies = [null, [], 42, "x", { email: 1, password: {} }, { email: "a@b.c", password: "x".repeat(500) }];
    for (const body of bodies) {
      const r = await api("/auth/login", { rawBody: JSON.stringify(body) });
      expect(r.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.json).toMatchObject(shape);
    }
  });

  it("API responses carry security headers", async () => {
    const r = await api("/health");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("x-frame-options")).toBeTruthy();
  });
});
