import { env } from "cloudflare:workers";
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { api, dbOf, login, PASSWORD, seedUser, grant, twoTenants, type World } from "./helpers";
import { codeFor, enrolTotp } from "./security-helpers";
import { hotp, verifyTotp, base32Encode, base32Decode, otpauthUri } from "../worker/auth/totp";
import { runReminders } from "../worker/reminders";
import worker from "../worker/index";

const STEP = 30_000;
const cookieOf = (r: { headers: Headers }) => (r.headers.get("set-cookie") ?? "").split(";")[0]!;

let t: World;
beforeAll(async () => {
  t = await twoTenants();
});

describe("TOTP (RFC 6238)", () => {
  it("matches the RFC 6238 SHA-1 test vectors (8 digits)", async () => {
    const secret = new TextEncoder().encode("12345678901234567890");
    const vectors: [number, string][] = [
      [59, "94287082"],
      [1111111109, "07081804"],
      [1111111111, "14050471"],
      [1234567890, "89005924"],
      [2000000000, "69279037"],
      [20000000000, "65353130"],
    ];
    for (const [seconds, code] of vectors) expect(await hotp(secret, Math.floor(seconds / 30), 8)).toBe(code);
  });

  it("base32 round-trips and accepts a code once, within one step of clock drift", async () => {
    const bytes = crypto.getRandomValues(new Uint8Array(20));
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    const secret = base32Encode(bytes);
    const now = 1_700_000_000_000;
    const code = await codeFor(secret, now);
    const step = await verifyTotp(secret, code, 0, now);
    expect(step).toBe(Math.floor(now / STEP));
    expect(await verifyTotp(secret, code, step!, now)).toBeNull();
    expect(await verifyTotp(secret, await codeFor(secret, now - STEP), 0, now)).toBe(step! - 1);
    expect(await verifyTotp(secret, await codeFor(secret, now - 3 * STEP), 0, now)).toBeNull();
    expect(await verifyTotp(secret, "12345", 0, now)).toBeNull();
    expect(otpauthUri(secret, "a@b.test")).toBe(`otpauth://totp/Akuntabel%3Aa%40b.test?secret=${secret}&issuer=Akuntabel&algorithm=SHA1&digits=6&period=30`);
  });
});

describe("two-step sign-in", () => {
  let secret: string;
  let recovery: string[];
  const email = "dua.langkah@a.test";

  beforeAll(async () => {
    const id = await seedUser(email);
    await grant(id, t.tA, "viewer");
    const cookie = await login(email);
    const setup = await api("/account/totp/setup", { method: "POST", cookie });
    expect(setup.status).toBe(200);
    expect(setup.json.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.json.qrSvg).toMatch(/^<svg/);
    expect((await api("/account/totp/confirm", { cookie, body: { code: "000000" } })).status).toBe(400);
    const bad = await api("/account/totp/confirm", { cookie, body: { code: "12ab" } });
    expect(bad.json.error.issues.map((i: any) => i.path)).toEqual(["code"]);
    secret = setup.json.secret;
    const ok = await api("/account/totp/confirm", { cookie, body: { code: await codeFor(secret) } });
    expect(ok.status).toBe(200);
    recovery = ok.json.recoveryCodes;
    expect(recovery).toHaveLength(10);
    const stored = await env.DB.prepare("SELECT code_hash FROM recovery_codes WHERE code_hash = ?").bind(recovery[0]).all();
    expect(stored.results).toHaveLength(0);
    expect((await api("/account/security", { cookie })).json).toMatchObject({ totpEnabled: true, totpRequired: false, recoveryCodesLeft: 10 });
  });

  async function passwordStep(ip: string) {
    const r = await api("/auth/login", { body: { email, password: PASSWORD }, headers: { "cf-connecting-ip": ip } });
    expect(r.status).toBe(200);
    expect(r.json.totpRequired).toBe(true);
    expect(r.headers.get("set-cookie")).toBeNull();
    return r.json.challenge as string;
  }

  it("asks for a code after the password; a wrong code is refused, the right one signs in, a replay is refused", async () => {
    const challenge = await passwordStep("10.1.0.1");
    const wrong = await api("/auth/login/totp", { body: { challenge, code: "000000" }, headers: { "cf-connecting-ip": "10.1.0.1" } });
    expect(wrong.status).toBe(401);
    // The enrolment code's step was used: the next step's code (within the drift window) is fresh.
    const code = await codeFor(secret, Date.now() + STEP);
    const right = await api("/auth/login/totp", { body: { challenge, code }, headers: { "cf-connecting-ip": "10.1.0.1" } });
    expect(right.status).toBe(200);
    expect((await api("/auth/me", { cookie: cookieOf(right) })).json.security).toEqual({ totpEnabled: true, totpEnrolmentRequired: false });
    const replay = await api("/auth/login/totp", { body: { challenge: await passwordStep("10.1.0.2"), code }, headers: { "cf-connecting-ip": "10.1.0.2" } });
    expect(replay.status).toBe(401);
    // The challenge itself is single-use.
    expect((await api("/auth/login/totp", { body: { challenge, code: "123456" } })).status).toBe(401);
  });

  it("a recovery code works once", async () => {
    const first = await api("/auth/login/totp", { body: { challenge: await passwordStep("10.1.0.3"), code: recovery[0] } });
    expect(first.status).toBe(200);
    const again = await api("/auth/login/totp", { body: { challenge: await passwordStep("10.1.0.4"), code: recovery[0] } });
    expect(again.status).toBe(401);
    expect((await api("/account/security", { cookie: cookieOf(first) })).json.recoveryCodesLeft).toBe(9);
  });

  it("the code step keeps the sign-in rate limit", async () => {
    const ip = "10.1.0.9";
    let last = 0;
    for (let i = 0; i < 6; i++) {
      const challenge = await passwordStep(`10.1.1.${i}`).catch(() => "x".repeat(40));
      last = (await api("/auth/login/totp", { body: { challenge, code: "999999" }, headers: { "cf-connecting-ip": ip } })).status;
    }
    expect([401, 429]).toContain(last);
    const blocked = await api("/auth/login", { body: { email, password: PASSWORD } });
    expect(blocked.status).toBe(429);
    await env.DB.prepare("DELETE FROM rate_limits").run();
  });

  it("rejects bad input with field paths", async () => {
    const r = await api("/auth/login/totp", { body: { challenge: "short", code: "abc" } });
    expect(r.status).toBe(400);
    expect(r.json.error.issues.map((i: any) => i.path).sort()).toEqual(["challenge", "code"]);
  });

  it("turning it off needs the password", async () => {
    const challenge = await passwordStep("10.1.0.5");
    const cookie = cookieOf(await api("/auth/login/totp", { body: { challenge, code: recovery[1] } }));
    expect((await api("/account/totp/disable", { cookie, body: { password: "salah-salah" } })).status).toBe(400);
    expect((await api("/account/totp/disable", { cookie, body: { password: PASSWORD } })).status).toBe(200);
    const plain = await api("/auth/login", { body: { email, password: PASSWORD } });
    expect(plain.json).toEqual({ ok: true });
  });
});

describe("required two-step sign-in", () => {
  it("a platform operator without TOTP is asked to enrol, and can reach nothing else until done", async () => {
    await seedUser("op@sec.test", { platform: true });
    const r = await api("/auth/login", { body: { email: "op@sec.test", password: PASSWORD } });
    expect(r.json).toEqual({ ok: true, totpEnrolmentRequired: true });
    const cookie = cookieOf(r);
    expect((await api("/platform/tenants", { cookie })).status).toBe(403);
    expect((await api("/auth/me", { cookie })).json.security.totpEnrolmentRequired).toBe(true);
    const { secret } = await enrolTotp(cookie);
    expect((await api("/platform/tenants", { cookie })).status).toBe(200);
    expect((await api("/account/totp/disable", { cookie, body: { password: PASSWORD } })).status).toBe(409);
    const next = await api("/auth/login", { body: { email: "op@sec.test", password: PASSWORD } });
    expect(next.json.totpRequired).toBe(true);
    expect((await api("/auth/login/totp", { body: { challenge: next.json.challenge, code: await codeFor(secret, Date.now() + STEP) } })).status).toBe(200);
  });

  it("a tenant can require it for tenant_admin and evaluator, not for other roles", async () => {
    const s = await api(`/tenants/${t.codeB}/settings`, { method: "PATCH", cookie: t.b.tenant_admin, body: { requireTwoFactor: true } });
    expect(s.status).toBe(200);
    expect(s.json.requireTwoFactor).toBe(true);
    const ev = await api("/auth/login", { body: { email: "evaluator@b.test", password: PASSWORD } });
    expect(ev.json.totpEnrolmentRequired).toBe(true);
    expect((await api(`/tenants/${t.codeB}`, { cookie: cookieOf(ev) })).status).toBe(403);
    const viewer = await api("/auth/login", { body: { email: "viewer@b.test", password: PASSWORD } });
    expect(viewer.json).toEqual({ ok: true });
    const other = await api("/auth/login", { body: { email: "evaluator@a.test", password: PASSWORD } });
    expect(other.json).toEqual({ ok: true });
    await api(`/tenants/${t.codeB}/settings`, { method: "PATCH", cookie: t.b.tenant_admin, body: { requireTwoFactor: false } });
  });
});

describe("sessions and passwords", () => {
  const email = "sesi@a.test";
  beforeAll(async () => {
    await grant(await seedUser(email), t.tA, "viewer");
  });

  it("lists sessions with device and signs out others", async () => {
    const a = cookieOf(await api("/auth/login", { body: { email, password: PASSWORD }, headers: { "user-agent": "Mozilla/5.0 (Windows NT 10.0) Chrome/130.0 Safari/537.36" } }));
    const b = await login(email);
    const c = await login(email);
    const list = await api("/account/sessions", { cookie: a });
    expect(list.json.items).toHaveLength(3);
    const mine = list.json.items.find((s: any) => s.current);
    expect(mine.device).toBe("Chrome di Windows");
    const other = list.json.items.find((s: any) => !s.current);
    expect((await api(`/account/sessions/${other.id}`, { method: "DELETE", cookie: a })).status).toBe(200);
    expect((await api("/account/sessions/sign-out-others", { method: "POST", cookie: a })).json.ended).toBe(1);
    expect((await api("/auth/me", { cookie: b })).status).toBe(401);
    expect((await api("/auth/me", { cookie: c })).status).toBe(401);
    expect((await api("/auth/me", { cookie: a })).status).toBe(200);
    // Someone else's session is not found.
    const theirs = (await api("/account/sessions", { cookie: t.a.viewer })).json.items[0].id;
    expect((await api(`/account/sessions/${theirs}`, { method: "DELETE", cookie: a })).status).toBe(404);
    expect((await api("/account/sessions/bukan-id", { method: "DELETE", cookie: a })).status).toBe(400);
    expect((await api("/account/sessions")).status).toBe(401);
  });

  it("changes the password with the current one; other sessions end", async () => {
    const a = await login(email);
    const b = await login(email);
    const wrong = await api("/account/password", { cookie: a, body: { currentPassword: "salah-salah", newPassword: "kata-sandi-baru-1" } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.issues[0].path).toBe("currentPassword");
    expect((await api("/account/password", { cookie: a, body: { currentPassword: PASSWORD, newPassword: "pendek" } })).status).toBe(400);
    expect((await api("/account/password", { cookie: a, body: { currentPassword: PASSWORD, newPassword: "kata-sandi-baru-1" } })).status).toBe(200);
    expect((await api("/auth/me", { cookie: b })).status).toBe(401);
    expect((await api("/auth/me", { cookie: a })).status).toBe(200);
    await login(email, "kata-sandi-baru-1");
  });

  it("resets a password by a one-time link sent to the outbox", async () => {
    const unknown = await api("/auth/password-reset", { body: { email: "tidak.ada@a.test" } });
    expect(unknown.status).toBe(200);
    const r = await api("/auth/password-reset", { body: { email } });
    expect(r.json).toEqual({ ok: true });
    const mail = await env.DB.prepare("SELECT body FROM email_outbox WHERE to_email = ? AND kind = 'password_reset'").bind(email).first<{ body: string }>();
    const token = mail!.body.match(/\/reset\/([\w-]+)/)![1]!;
    const stored = await env.DB.prepare("SELECT count(*) AS n FROM password_resets WHERE id = ?").bind(token).first<{ n: number }>();
    expect(stored!.n).toBe(0);
    // Asking twice gives two links; using one ends the other.
    await api("/auth/password-reset", { body: { email } });
    const second = await env.DB.prepare("SELECT body FROM email_outbox WHERE to_email = ? AND kind = 'password_reset' ORDER BY created_at DESC, rowid DESC").bind(email).first<{ body: string }>();
    const other = second!.body.match(/\/reset\/([\w-]+)/)![1]!;
    expect(other).not.toBe(token);
    expect((await api(`/auth/password-reset/${token}`, { body: { password: "pendek" } })).status).toBe(400);
    expect((await api(`/auth/password-reset/${token}`, { body: { password: "sandi-hasil-reset" } })).status).toBe(200);
    expect((await api(`/auth/password-reset/${token}`, { body: { password: "sandi-hasil-reset-2" } })).status).toBe(410);
    expect((await api(`/auth/password-reset/${other}`, { body: { password: "sandi-hasil-reset-2" } })).status).toBe(410);
    expect((await api(`/auth/password-reset/${"x".repeat(43)}`, { body: { password: "sandi-hasil-reset-2" } })).status).toBe(404);
    await login(email, "sandi-hasil-reset");
    await env.DB.prepare("UPDATE password_resets SET used_at = NULL, expires_at = ?").bind(Date.now() - 1).run();
    expect((await api(`/auth/password-reset/${token}`, { body: { password: "sandi-hasil-reset-2" } })).status).toBe(410);
    // The platform outbox shows it to operators only.
    expect((await api("/platform/email-outbox", { cookie: t.a.tenant_admin })).status).toBe(403);
  });
});

describe("API tokens", () => {
  async function create(body: Record<string, unknown>, cookie = t.a.tenant_admin, code = t.codeA) {
    return api(`/tenants/${code}/api-tokens`, { cookie, body: { name: "SIPD Sync", role: "tenant_admin", scopes: ["perangkat-daerah:read"], ...body } });
  }
  const bearer = (token: string, path: string, call: { method?: string; body?: unknown } = {}) =>
    api(path, { ...call, headers: { authorization: `Bearer ${token}`, origin: "https://sipd.example" } });

  it("is shown once, stored hashed, and reads what its scope names", async () => {
    const r = await create({});
    expect(r.status).toBe(201);
    expect(r.json.token).toMatch(/^akt_/);
    const list = await api(`/tenants/${t.codeA}/api-tokens`, { cookie: t.a.tenant_admin });
    expect(list.json.items[0]).not.toHaveProperty("token");
    expect(list.json.items[0].lastUsedAt).toBeNull();
    const stored = await env.DB.prepare("SELECT count(*) AS n FROM api_tokens WHERE token_hash = ?").bind(r.json.token).first<{ n: number }>();
    expect(stored!.n).toBe(0);
    const read = await bearer(r.json.token, `/tenants/${t.codeA}/perangkat-daerah`);
    expect(read.status).toBe(200);
    expect(read.json.items.map((p: any) => p.code)).toEqual(["1.01"]);
    expect((await bearer(r.json.token, `/tenants/${t.codeA}`)).status).toBe(200);
    // Read scope: no writes, and nothing outside its resources.
    expect((await bearer(r.json.token, `/tenants/${t.codeA}/perangkat-daerah`, { body: { code: "8.01", name: "Lewat Token", kind: "dinas" } })).status).toBe(403);
    expect((await bearer(r.json.token, `/tenants/${t.codeA}/audit-log`)).status).toBe(403);
    expect((await bearer(r.json.token, `/tenants/${t.codeA}/users`)).status).toBe(403);
    // Only tenant routes: not the account, not the platform.
    expect((await bearer(r.json.token, "/auth/me")).status).toBe(403);
    const used = await api(`/tenants/${t.codeA}/api-tokens`, { cookie: t.a.tenant_admin });
    expect(used.json.items[0].lastUsedAt).not.toBeNull();
  });

  it("writes with a write scope, under its role, without CSRF checks, and audit rows name the token", async () => {
    const w = await create({ name: "Sistem Kepegawaian", scopes: ["perangkat-daerah:write"] });
    const made = await bearer(w.json.token, `/tenants/${t.codeA}/perangkat-daerah`, { body: { code: "8.02", name: "Dibuat Token", kind: "dinas" } });
    expect(made.status).toBe(201);
    const row = await dbOf(t.tA).prepare("SELECT user_id FROM audit_log WHERE entity_id = ?").bind(made.json.id).first<{ user_id: string }>();
    expect(row!.user_id).toBe(`token:${w.json.id}`);
    // A viewer-role token with a write scope is still a viewer: requireRole refuses.
    const v = await create({ name: "Pemantau Luar", role: "viewer", scopes: ["perangkat-daerah:write"] });
    expect((await bearer(v.json.token, `/tenants/${t.codeA}/perangkat-daerah`, { body: { code: "8.03", name: "Tidak Boleh", kind: "dinas" } })).status).toBe(403);
    // With a cookie too, the CSRF rule applies again.
    const mixed = await api(`/tenants/${t.codeA}/perangkat-daerah`, { cookie: t.a.viewer, body: { code: "8.04", name: "Campur", kind: "dinas" }, headers: { authorization: `Bearer ${w.json.token}`, origin: "https://evil.example" } });
    expect(mixed.status).toBe(403);
  });

  it("a token of tenant A against tenant B is 404, and B is unchanged", async () => {
    const w = await create({ name: "Token A", scopes: ["perangkat-daerah:write"] });
    expect((await bearer(w.json.token, `/tenants/${t.codeB}/perangkat-daerah`)).status).toBe(404);
    expect((await bearer(w.json.token, `/tenants/${t.codeB}/perangkat-daerah`, { body: { code: "8.05", name: "Sisipan", kind: "dinas" } })).status).toBe(404);
    expect((await bearer(w.json.token, `/tenants/${t.codeB}/perangkat-daerah/${t.pdB}`)).status).toBe(404);
    const pds = await api(`/tenants/${t.codeB}/perangkat-daerah`, { cookie: t.b.viewer });
    expect(pds.json.items.map((p: any) => p.code)).toEqual(["1.01"]);
  });

  it("revoked, expired and unknown tokens are 401", async () => {
    const r = await create({ name: "Dicabut" });
    expect((await api(`/tenants/${t.codeA}/api-tokens/${r.json.id}`, { method: "DELETE", cookie: t.a.tenant_admin })).status).toBe(200);
    expect((await bearer(r.json.token, `/tenants/${t.codeA}/perangkat-daerah`)).status).toBe(401);
    const e = await create({ name: "Kedaluwarsa", expiresInDays: 1 });
    await env.DB.prepare("UPDATE api_tokens SET expires_at = ? WHERE id = ?").bind(Date.now() - 1, e.json.id).run();
    expect((await bearer(e.json.token, `/tenants/${t.codeA}/perangkat-daerah`)).status).toBe(401);
    expect((await bearer("akt_tidak-ada", `/tenants/${t.codeA}/perangkat-daerah`)).status).toBe(401);
  });

  it("validates input: scopes, forbidden resources, PD scope", async () => {
    const bad = await create({ name: "x", role: "raja", scopes: ["users:write", "nope"] });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: any) => i.path).sort()).toEqual(["name", "role", "scopes.0", "scopes.1"]);
    expect((await create({ role: "agency_admin" })).json.error.issues[0].path).toBe("pdId");
    expect((await create({ role: "agency_admin", pdId: t.pdB })).status).toBe(400);
    const scoped = await create({ role: "agency_admin", pdId: t.pdA });
    expect(scoped.status).toBe(201);
  });

  it("only tenant admins manage tokens (403); another tenant's token is 404", async () => {
    for (const role of ["evaluator", "agency_admin", "agency_head", "viewer"] as const) {
      expect((await create({}, t.a[role])).status).toBe(403);
      expect((await api(`/tenants/${t.codeA}/api-tokens`, { cookie: t.a[role] })).status).toBe(403);
      expect((await api(`/tenants/${t.codeA}/email-outbox`, { cookie: t.a[role] })).status).toBe(403);
    }
    const b = await create({ name: "Token B" }, t.b.tenant_admin, t.codeB);
    expect((await api(`/tenants/${t.codeA}/api-tokens/${b.json.id}`, { method: "DELETE", cookie: t.a.tenant_admin })).status).toBe(404);
    expect((await api(`/tenants/${t.codeB}/perangkat-daerah`, { headers: { authorization: `Bearer ${b.json.token}` } })).status).toBe(200);
  });

  it("is documented in the OpenAPI document", async () => {
    const doc = (await api("/openapi.json")).json;
    expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.security).toEqual([{ session: [] }, { apiToken: [] }]);
  });
});

describe("deadlines", () => {
  it("starts from the default calendar, which the admin can change", async () => {
    const r = await api(`/tenants/${t.codeA}/deadlines?year=2028`, { cookie: t.a.viewer });
    expect(r.status).toBe(200);
    expect(r.json.items.map((d: any) => [d.key, d.dueDate])).toEqual([
      ["realisasi-tw4", "2028-01-10"],
      ["pk", "2028-01-31"],
      ["lkjip", "2028-02-29"],
      ["realisasi-tw1", "2028-04-10"],
      ["ikm-s1", "2028-06-30"],
      ["realisasi-tw2", "2028-07-10"],
      ["realisasi-tw3", "2028-10-10"],
      ["ikm-s2", "2028-12-31"],
    ]);
    const pk = r.json.items.find((d: any) => d.key === "pk");
    const upd = await api(`/tenants/${t.codeA}/deadlines/${pk.id}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { dueDate: "2028-02-05", remindDaysBefore: 10 } });
    expect(upd.json).toMatchObject({ dueDate: "2028-02-05", remindDaysBefore: 10 });
    expect((await api(`/tenants/${t.codeA}/deadlines/${pk.id}`, { method: "DELETE", cookie: t.a.tenant_admin })).status).toBe(409);
    const custom = await api(`/tenants/${t.codeA}/deadlines`, { cookie: t.a.tenant_admin, body: { label: "Reviu RKPD", dueDate: "2028-05-15" } });
    expect(custom.status).toBe(201);
    expect(custom.json).toMatchObject({ custom: true, year: 2028, remindDaysBefore: 7 });
    expect((await api(`/tenants/${t.codeA}/deadlines/${custom.json.id}`, { method: "DELETE", cookie: t.a.tenant_admin })).status).toBe(200);
  });

  it("rejects bad input with field paths", async () => {
    const bad = await api(`/tenants/${t.codeA}/deadlines`, { cookie: t.a.tenant_admin, body: { label: "", dueDate: "2028-02-30", remindDaysBefore: -1 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: any) => i.path).sort()).toEqual(["dueDate", "label", "remindDaysBefore"]);
    expect((await api(`/tenants/${t.codeA}/deadlines?year=abc`, { cookie: t.a.viewer })).status).toBe(400);
  });

  it("only tenant admins change it (403); another tenant's deadline is 404", async () => {
    const a = (await api(`/tenants/${t.codeA}/deadlines?year=2028`, { cookie: t.a.viewer })).json.items[0];
    for (const role of ["evaluator", "agency_admin", "agency_head", "viewer"] as const) {
      expect((await api(`/tenants/${t.codeA}/deadlines/${a.id}`, { method: "PATCH", cookie: t.a[role], body: { label: "Diubah" } })).status).toBe(403);
      expect((await api(`/tenants/${t.codeA}/deadlines`, { cookie: t.a[role], body: { label: "Tidak Boleh", dueDate: "2028-03-01" } })).status).toBe(403);
    }
    const b = (await api(`/tenants/${t.codeB}/deadlines?year=2028`, { cookie: t.b.viewer })).json.items[0];
    expect((await api(`/tenants/${t.codeA}/deadlines/${b.id}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { label: "Diambil Alih" } })).status).toBe(404);
    expect((await api(`/tenants/${t.codeA}/deadlines/${b.id}`, { method: "DELETE", cookie: t.a.tenant_admin })).status).toBe(404);
    expect((await api(`/tenants/${t.codeB}/deadlines?year=2028`, { cookie: t.b.viewer })).json.items[0].label).toBe(b.label);
  });
});

describe("reminders and notifications", () => {
  // 2029-04-05 08:00 WIB: realisasi TW I (10 April) is 5 days away, inside its 7-day window.
  const at = Date.parse("2029-04-05T01:00:00Z");

  it("the scheduled handler sends each reminder once, even when run twice", async () => {
    const first = await runReminders(env, at);
    // Tenant admins and agency admins of both tenants: 2 people per tenant.
    expect(first.sent).toBe(4);
    expect((await runReminders(env, at)).sent).toBe(0);
    expect((await runReminders(env, at + 86_400_000)).sent).toBe(0);
    const mails = await env.DB.prepare("SELECT to_email, subject FROM email_outbox WHERE kind = 'deadline_reminder'").all<{ to_email: string; subject: string }>();
    expect(mails.results.map((m) => m.to_email).sort()).toEqual(["agency_admin@a.test", "agency_admin@b.test", "tenant_admin@a.test", "tenant_admin@b.test"]);
    expect(mails.results[0]!.subject).toContain("Realisasi Triwulan I 2029 dalam 5 hari (10 April 2029)");
  });

  it("runs as the Worker's scheduled export too", async () => {
    const ctx = createExecutionContext();
    await worker.scheduled!(createScheduledController({ scheduledTime: new Date(), cron: "0 1 * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const year = new Date().getUTCFullYear();
    const n = await dbOf(t.tA).prepare("SELECT count(*) AS n FROM deadlines WHERE year = ?").bind(year).first<{ n: number }>();
    expect(n!.n).toBeGreaterThanOrEqual(16);
  });

  it("shows in the inbox with an unread count, and can be marked read", async () => {
    const me = await api("/auth/me", { cookie: t.a.tenant_admin });
    expect(me.json.unreadNotifications).toBeGreaterThanOrEqual(1);
    const inbox = await api("/account/notifications", { cookie: t.a.tenant_admin });
    const n = inbox.json.items.find((x: any) => x.kind === "deadline");
    expect(n.link).toBe(`/t/${t.codeA}/tenggat`);
    expect((await api(`/account/notifications/${n.id}/read`, { method: "POST", cookie: t.a.tenant_admin })).status).toBe(200);
    // Someone else's notification is not found.
    expect((await api(`/account/notifications/${n.id}/read`, { method: "POST", cookie: t.b.tenant_admin })).status).toBe(404);
    expect((await api("/account/notifications/read-all", { method: "POST", cookie: t.a.tenant_admin })).status).toBe(200);
    expect((await api("/auth/me", { cookie: t.a.tenant_admin })).json.unreadNotifications).toBe(0);
  });

  it("the tenant outbox shows this tenant's mail only", async () => {
    const a = await api(`/tenants/${t.codeA}/email-outbox`, { cookie: t.a.tenant_admin });
    expect(a.json.items.map((m: any) => m.to).sort()).toEqual(["agency_admin@a.test", "tenant_admin@a.test"]);
  });
});

describe("invitations reach the outbox and the inbox", () => {
  it("an invitation is e-mailed (outbox), and an existing account also gets a notification", async () => {
    const r = await api(`/tenants/${t.codeA}/invitations`, { cookie: t.a.tenant_admin, body: { email: "viewer@b.test", name: "Pemantau B", role: "viewer" } });
    expect(r.status).toBe(201);
    const mail = await env.DB.prepare("SELECT body, tenant_id FROM email_outbox WHERE kind = 'invitation' AND to_email = 'viewer@b.test'").first<{ body: string; tenant_id: string }>();
    expect(mail!.body).toContain(r.json.url);
    expect(mail!.tenant_id).toBe(t.tA);
    const inbox = await api("/account/notifications", { cookie: t.b.viewer });
    expect(inbox.json.items[0]).toMatchObject({ kind: "invitation", read: false });
  });
});

describe("late-updaters board", () => {
  it("lists, per PD, what was due and not submitted or came late, most late first", async () => {
    const ins = (sql: string, ...v: unknown[]) => dbOf(t.tA).prepare(sql).bind(...v).run();
    const now = Date.now();
    await ins(
      "INSERT INTO pk_documents (id, tenant_id, pd_id, year, version, effective_date, status, submitted_at, created_at, updated_at) VALUES (?, ?, ?, 2025, 1, '2025-01-20', 'submitted', ?, ?, ?)",
      crypto.randomUUID(), t.tA, t.pdA, Date.parse("2025-01-20T03:00:00Z"), now, now,
    );
    const tw = (period: number, status: string, at: string) =>
      ins("INSERT INTO tw_reports (id, tenant_id, pd_id, year, period, status, round, created_at, updated_at) VALUES (?, ?, ?, 2025, ?, ?, 1, ?, ?)", crypto.randomUUID(), t.tA, t.pdA, period, status, Date.parse(at), now);
    await tw(1, "accepted", "2025-04-15T03:00:00Z");
    await tw(2, "returned", "2025-07-01T03:00:00Z");
    const r = await api(`/tenants/${t.codeA}/monitoring?year=2025`, { cookie: t.a.evaluator });
    expect(r.status).toBe(200);
    const mine = r.json.rows.filter((x: any) => x.pdId === t.pdA).map((x: any) => [x.label, x.status]);
    expect(mine).toEqual([
      ["Realisasi Triwulan IV 2024", "missing"],
      ["LKjIP 2024", "missing"],
      ["Realisasi Triwulan II 2025", "missing"],
      ["Realisasi Triwulan III 2025", "missing"],
      ["Realisasi Triwulan I 2025", "late"],
    ]);
    const late = r.json.rows.find((x: any) => x.pdId === t.pdA && x.status === "late");
    expect(late.daysLate).toBe(5);
    const days = r.json.rows.map((x: any) => x.daysLate);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(r.json.tracked.find((x: any) => x.key === "pk").submitted).toBeGreaterThanOrEqual(1);
    expect(r.json.tracked.map((x: any) => x.key)).toContain("lkjip");
    // An agency operator sees their own PD only; tenant B sees none of A's PDs.
    const own = await api(`/tenants/${t.codeA}/monitoring?year=2025`, { cookie: t.a.agency_admin });
    expect(new Set(own.json.rows.map((x: any) => x.pdId))).toEqual(new Set([t.pdA]));
    const b = await api(`/tenants/${t.codeB}/monitoring?year=2025`, { cookie: t.b.viewer });
    expect(b.json.rows.every((x: any) => x.pdId === t.pdB)).toBe(true);
    expect((await api(`/tenants/${t.codeA}/monitoring?year=20x5`, { cookie: t.a.viewer })).status).toBe(400);
  });
});
