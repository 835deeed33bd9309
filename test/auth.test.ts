import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, login, PASSWORD, seedTenant, seedUser, grant } from "./helpers";
import { hashPassword, verifyPassword } from "../worker/auth/password";

describe("password hashing", () => {
  it("uses PBKDF2-SHA256 with 100,000 iterations and a per-user salt", async () => {
    const a = await hashPassword("kata-sandi-panjang");
    const b = await hashPassword("kata-sandi-panjang");
    expect(a).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("kata-sandi-panjang", a)).toBe(true);
    expect(await verifyPassword("kata-sandi-salah", a)).toBe(false);
    expect(await verifyPassword("x", "garbage")).toBe(false);
  });
});

describe("sign-in and sessions", () => {
  let tenantId: string;
  beforeAll(async () => {
    tenantId = await seedTenant("35.16");
    const id = await seedUser("admin@mojokerto.test", { name: "Admin" });
    await grant(id, tenantId, "tenant_admin");
  });

  it("signs in, sets an HttpOnly SameSite=Lax cookie, stores only the token hash", async () => {
    const r = await api("/auth/login", { body: { email: "ADMIN@mojokerto.test ", password: PASSWORD } });
    expect(r.status).toBe(200);
    const cookie = r.headers.get("set-cookie")!;
    expect(cookie).toMatch(/akt_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const token = cookie.split(";")[0]!.split("=")[1]!;
    const stored = await env.DB.prepare("SELECT id FROM sessions").all<{ id: string }>();
    expect(stored.results.some((s) => s.id === token)).toBe(false);
    expect(stored.results[0]!.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it("me lists tenants and roles", async () => {
    const cookie = await login("admin@mojokerto.test");
    const r = await api("/auth/me", { cookie });
    expect(r.status).toBe(200);
    expect(r.json.user.email).toBe("admin@mojokerto.test");
    expect(r.json.tenants).toEqual([{ code: "35.16", name: "Pemda 35.16", kind: "kabupaten", grants: [{ role: "tenant_admin", pdId: null, pdName: null }] }]);
  });

  it("rejects wrong password and unknown account with the same message", async () => {
    const a = await api("/auth/login", { body: { email: "admin@mojokerto.test", password: "salah-sekali" }, headers: { "cf-connecting-ip": "10.0.0.9" } });
    const b = await api("/auth/login", { body: { email: "nobody@x.test", password: "salah-sekali" }, headers: { "cf-connecting-ip": "10.0.0.9" } });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.json.error.message).toBe(b.json.error.message);
  });

  it("rejects bad input with field paths", async () => {
    const r = await api("/auth/login", { body: { email: "bukan-email", password: "" } });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("validation_failed");
    expect(r.json.error.issues.map((i: any) => i.path).sort()).toEqual(["email", "password"]);
  });

  it("signs out and the cookie stops working", async () => {
    const cookie = await login("admin@mojokerto.test");
    expect((await api("/auth/logout", { method: "POST", cookie })).status).toBe(200);
    expect((await api("/auth/me", { cookie })).status).toBe(401);
  });

  it("expired sessions are refused", async () => {
    const cookie = await login("admin@mojokerto.test");
    await env.DB.prepare("UPDATE sessions SET expires_at = ?").bind(Date.now() - 1).run();
    const r = await api("/auth/me", { cookie });
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe("unauthenticated");
  });

  it("cookie writes from another origin are refused (CSRF)", async () => {
    const cookie = await login("admin@mojokerto.test");
    const r = await api("/auth/logout", { method: "POST", cookie, headers: { origin: "https://evil.example" } });
    expect(r.status).toBe(403);
    const r2 = await api("/auth/logout", { method: "POST", cookie, headers: { origin: "", "sec-fetch-site": "cross-site" } });
    expect(r2.status).toBe(403);
  });
});

describe("login rate limit", () => {
  it("locks an account after 5 failures with a 429 and Retry-After, even with the right password", async () => {
    await seedUser("target@x.test");
    for (let i = 0; i < 5; i++) {
      const r = await api("/auth/login", { body: { email: "target@x.test", password: "tebak-tebak" }, headers: { "cf-connecting-ip": `10.1.0.${i}` } });
      expect(r.status).toBe(401);
    }
    const r = await api("/auth/login", { body: { email: "target@x.test", password: PASSWORD }, headers: { "cf-connecting-ip": "10.1.1.1" } });
    expect(r.status).toBe(429);
    expect(r.json.error.code).toBe("rate_limited");
    expect(r.json.error.message).toMatch(/Coba lagi dalam \d+ menit/);
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("limits one IP across many accounts after 20 failures", async () => {
    for (let i = 0; i < 20; i++) {
      await api("/auth/login", { body: { email: `u${i}@spray.test`, password: "tebak-tebak" }, headers: { "cf-connecting-ip": "10.2.0.1" } });
    }
    await seedUser("fresh@x.test");
    const r = await api("/auth/login", { body: { email: "fresh@x.test", password: PASSWORD }, headers: { "cf-connecting-ip": "10.2.0.1" } });
    expect(r.status).toBe(429);
    const other = await api("/auth/login", { body: { email: "fresh@x.test", password: PASSWORD }, headers: { "cf-connecting-ip": "10.2.0.2" } });
    expect(other.status).toBe(200);
  });

  it("the window expires", async () => {
    await env.DB.prepare("UPDATE rate_limits SET window_start = window_start - 16 * 60 * 1000").run();
    const r = await api("/auth/login", { body: { email: "target@x.test", password: PASSWORD }, headers: { "cf-connecting-ip": "10.1.1.1" } });
    expect(r.status).toBe(200);
  });
});
