import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, login, seedUser, twoTenants, type World } from "./helpers";
import { enrolTotp } from "./security-helpers";

let t: World;
beforeAll(async () => {
  t = await twoTenants();
});

const tokenOf = (url: string) => url.split("/invite/")[1]!;

describe("tenant admin invites a user", () => {
  it("creates a one-time link; the person sets a password and is signed in with the role", async () => {
    const inv = await api(`/tenants/${t.codeA}/invitations`, { cookie: t.a.tenant_admin, body: { email: "operator@a.test", name: "Operator Baru", role: "agency_admin", pdId: t.pdA } });
    expect(inv.status).toBe(201);
    expect(inv.json.url).toMatch(/^http:\/\/localhost\/invite\/[\w-]{40,}$/);
    const token = tokenOf(inv.json.url);
    const stored = await env.DB.prepare("SELECT token_hash FROM invitations WHERE id = ?").bind(inv.json.id).first<{ token_hash: string }>();
    expect(stored!.token_hash).not.toBe(token);

    const info = await api(`/invitations/${token}`);
    expect(info.status).toBe(200);
    expect(info.json).toMatchObject({ email: "operator@a.test", role: "agency_admin", tenant: { code: t.codeA }, accountExists: false });

    const weak = await api(`/invitations/${token}/accept`, { body: { name: "Operator Baru", password: "pendek" } });
    expect(weak.status).toBe(400);
    expect(weak.json.error.issues[0].path).toBe("password");

    const acc = await api(`/invitations/${token}/accept`, { body: { name: "Operator Baru", password: "kata-sandi-baru-1" } });
    expect(acc.status).toBe(200);
    const cookie = acc.headers.get("set-cookie")!.split(";")[0]!;
    const me = await api("/auth/me", { cookie });
    expect(me.json.tenants[0].grants).toEqual([{ role: "agency_admin", pdId: t.pdA, pdName: "PD 1.01" }]);

    const again = await api(`/invitations/${token}/accept`, { body: { name: "X Y", password: "kata-sandi-baru-1" } });
    expect(again.status).toBe(410);
    expect((await api(`/invitations/${token}`)).status).toBe(410);
  });

  it("two racing accepts of one link: one account, the other answers 410", async () => {
    const inv = await api(`/tenants/${t.codeA}/invitations`, { cookie: t.a.tenant_admin, body: { email: "race@a.test", name: "Balapan", role: "viewer" } });
    const token = tokenOf(inv.json.url);
    const body = { name: "Balapan", password: "kata-sandi-baru-1" };
    const results = await Promise.all([api(`/invitations/${token}/accept`, { body }), api(`/invitations/${token}/accept`, { body })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
    const users = await env.DB.prepare("SELECT count(*) AS n FROM users WHERE email = 'race@a.test'").first<{ n: number }>();
    expect(users!.n).toBe(1);
  });

  it("expired invitations cannot be used", async () => {
    const inv = await api(`/tenants/${t.codeA}/invitations`, { cookie: t.a.tenant_admin, body: { email: "late@a.test", name: "Terlambat", role: "viewer" } });
    await env.DB.prepare("UPDATE invitations SET expires_at = ? WHERE id = ?").bind(Date.now() - 1, inv.json.id).run();
    const r = await api(`/invitations/${tokenOf(inv.json.url)}/accept`, { body: { name: "Terlambat", password: "kata-sandi-baru-1" } });
    expect(r.status).toBe(410);
    expect(r.json.error.message).toMatch(/kedaluwarsa/);
  });

  it("revoked invitations cannot be used; unknown tokens are 404", async () => {
    const inv = await api(`/tenants/${t.codeA}/invitations`, { cookie: t.a.tenant_admin, body: { email: "rev@a.test", name: "Dibatalkan", role: "viewer" } });
    expect((await api(`/tenants/${t.codeA}/invitations/${inv.json.id}`, { method: "DELETE", cookie: t.a.tenant_admin })).status).toBe(200);
    expect((await api(`/invitations/${tokenOf(inv.json.url)}`)).status).toBe(410);
    expect((await api(`/invitations/${"x".repeat(43)}`)).status).toBe(404);
  });

  it("an existing account must sign in to accept, then joins the second tenant", async () => {
    const inv = await api(`/tenants/${t.codeB}/invitations`, { cookie: t.b.tenant_admin, body: { email: "viewer@a.test", name: "Dua Pemda", role: "evaluator" } });
    const token = tokenOf(inv.json.url);
    const anon = await api(`/invitations/${token}/accept`, { body: { name: "X Y", password: "kata-sandi-baru-1" } });
    expect(anon.status).toBe(409);
    const cookie = await login("viewer@a.test");
    expect((await api(`/invitations/${token}/accept`, { body: {}, cookie })).status).toBe(200);
    const me = await api("/auth/me", { cookie });
    expect(me.json.tenants.map((x: any) => x.code)).toEqual(["35.16", "64"]);
  });

  it("PD-scoped roles need a PD of this tenant; another tenant's PD is not found", async () => {
    const missing = await api(`/tenants/${t.codeA}/invitations`, { cookie: t.a.tenant_admin, body: { email: "p@a.test", name: "Tanpa PD", role: "agency_head" } });
    expect(missing.status).toBe(400);
    expect(missing.json.error.issues[0].path).toBe("pdId");
    const foreign = await api(`/tenants/${t.codeA}/invitations`, { cookie: t.a.tenant_admin, body: { email: "p@a.test", name: "PD Lain", role: "agency_head", pdId: t.pdB } });
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.issues[0]).toEqual({ path: "pdId", message: "Perangkat daerah tidak ditemukan" });
  });

  it("only tenant admins invite", async () => {
    for (const role of ["evaluator", "agency_admin", "agency_head", "viewer"] as const) {
      const r = await api(`/tenants/${t.codeA}/invitations`, { cookie: t.a[role], body: { email: "z@a.test", name: "Zed", role: "viewer" } });
      expect(r.status).toBe(403);
    }
  });

  it("an invitation of another tenant cannot be revoked (404)", async () => {
    const inv = await api(`/tenants/${t.codeB}/invitations`, { cookie: t.b.tenant_admin, body: { email: "keep@b.test", name: "Tetap", role: "viewer" } });
    expect((await api(`/tenants/${t.codeA}/invitations/${inv.json.id}`, { method: "DELETE", cookie: t.a.tenant_admin })).status).toBe(404);
    const list = await api(`/tenants/${t.codeB}/invitations`, { cookie: t.b.tenant_admin });
    expect(list.json.items.some((i: any) => i.id === inv.json.id)).toBe(true);
  });
});

describe("platform operator onboards a tenant", () => {
  let op: string;
  beforeAll(async () => {
    await seedUser("op@platform.test", { platform: true });
    op = await login("op@platform.test");
    // Platform operators must use two-step sign-in: the first session only reaches enrolment.
    await enrolTotp(op);
  });

  it("creates a kabupaten under its provinsi with a tenant_admin invitation", async () => {
    const r = await api("/platform/tenants", { cookie: op, body: { code: "64.02", name: "Kabupaten Kutai Kartanegara", kind: "kabupaten", parentCode: "64", adminEmail: "admin@kukar.test", adminName: "Admin Kukar" } });
    expect(r.status).toBe(201);
    const acc = await api(`/invitations/${tokenOf(r.json.invitation.url)}/accept`, { body: { name: "Admin Kukar", password: "kata-sandi-kukar" } });
    expect(acc.status).toBe(200);
    const cookie = acc.headers.get("set-cookie")!.split(";")[0]!;
    const pd = await api("/tenants/64.02/perangkat-daerah", { cookie, body: { code: "4.01", name: "Sekretariat Daerah", kind: "sekretariat_daerah" } });
    expect(pd.status).toBe(201);
    const list = await api("/platform/tenants", { cookie: op });
    expect(list.json.items.find((x: any) => x.code === "64.02")).toMatchObject({ parentCode: "64", members: 1, perangkatDaerah: 1 });
  });

  it("rejects duplicates, inconsistent codes and missing parents with field errors", async () => {
    const dup = await api("/platform/tenants", { cookie: op, body: { code: "64", name: "Lagi", kind: "provinsi", adminEmail: "a@b.test", adminName: "Ab Cd" } });
    expect(dup.status).toBe(409);
    const bad = await api("/platform/tenants", { cookie: op, body: { code: "35.16", name: "Salah Kode", kind: "provinsi", adminEmail: "a@b.test", adminName: "Ab Cd" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("code");
    const orphan = await api("/platform/tenants", { cookie: op, body: { code: "99.01", name: "Yatim", kind: "kota", parentCode: "99", adminEmail: "a@b.test", adminName: "Ab Cd" } });
    expect(orphan.status).toBe(400);
    expect(orphan.json.error.issues[0].path).toBe("parentCode");
  });

  it("suspends a tenant: its members lose access (404)", async () => {
    expect((await api("/platform/tenants/64", { method: "PATCH", cookie: op, body: { status: "suspended" } })).status).toBe(200);
    expect((await api(`/tenants/${t.codeB}`, { cookie: t.b.tenant_admin })).status).toBe(404);
    expect((await api("/platform/tenants/64", { method: "PATCH", cookie: op, body: { status: "active" } })).status).toBe(200);
    expect((await api(`/tenants/${t.codeB}`, { cookie: t.b.tenant_admin })).status).toBe(200);
    expect((await api("/platform/tenants/99", { method: "PATCH", cookie: op, body: { status: "active" } })).status).toBe(404);
  });

  it("tenant roles are not platform operators (403), anonymous is 401", async () => {
    expect((await api("/platform/tenants", { cookie: t.a.tenant_admin })).status).toBe(403);
    expect((await api("/platform/tenants")).status).toBe(401);
    const r = await api("/platform/tenants", { cookie: t.a.tenant_admin, body: { code: "11", name: "Aceh", kind: "provinsi", adminEmail: "a@b.test", adminName: "Ab Cd" } });
    expect(r.status).toBe(403);
  });

  it("writes the onboarding to the audit log: control-plane steps in DB, the PD in the tenant's own database", async () => {
    const tenant = (await env.DB.prepare("SELECT id, db_binding FROM tenants WHERE code = '64.02'").first<{ id: string; db_binding: string }>())!;
    // Onboarding put it in the emptiest tenant database: twoTenants' pair shares TENANT_DB_0.
    expect(tenant.db_binding).not.toBe("TENANT_DB_0");
    const query = "SELECT action, entity FROM audit_log WHERE tenant_id = ? ORDER BY id";
    const control = await env.DB.prepare(query).bind(tenant.id).all();
    const own = await env[tenant.db_binding as "TENANT_DB_1"].prepare(query).bind(tenant.id).all();
    expect([...control.results, ...own.results].map((r: any) => `${r.action}:${r.entity}`)).toEqual(
      expect.arrayContaining(["create:tenant", "invite:invitation", "accept:invitation", "create:user", "create:perangkat_daerah"]),
    );
  });
});
