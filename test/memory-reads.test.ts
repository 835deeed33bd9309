import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { api, dbOf, grant, login, PASSWORD, seedPd, seedTenant, seedUser, twoTenants, type Call, type World } from "./helpers";
import { countRoundTrips } from "./round-trips";
import { enrolTotp } from "./security-helpers";
import { clearCaches } from "../worker/cache/read-cache";
import { clearPortals, PORTAL_TTL_MS } from "../worker/cache/portal-cache";

// The light signed-in reads and the public portal served from the isolate (worker/cache/), with
// caching on as deployed: /auth/me (by session, cleared with the session cache), the PD list (the
// response cache) and the portal (by tenant code). Each call counts its D1 round trips.
const cached = (path: string, call: Call = {}) => countRoundTrips(path, { ...call, cache: true });

let t: World;
const pdList = () => `/tenants/${t.codeA}/perangkat-daerah?limit=50`;
const portal = (code: string, call: Call = {}) => cached(`/public/portal/${encodeURIComponent(code)}`, call);

/** A user with `role` in tenant A, signed in (a fresh session each call of `signIn`). */
async function member(email: string, role: "viewer" | "tenant_admin" = "viewer") {
  const userId = await seedUser(email);
  const membershipId = await grant(userId, t.tA, role);
  return { userId, membershipId, signIn: () => login(email) };
}

beforeAll(async () => {
  t = await twoTenants();
});

beforeEach(() => {
  clearCaches();
  clearPortals();
});

describe("/auth/me from memory", () => {
  it("a repeated /auth/me is answered without a round trip; each session has its own entry", async () => {
    const first = await cached("/auth/me", { cookie: t.a.viewer });
    expect([first.status, first.trips]).toEqual([200, 2]);
    const again = await cached("/auth/me", { cookie: t.a.viewer });
    expect([again.status, again.trips]).toEqual([200, 0]);
    expect(again.json).toEqual(first.json);
    const b = await cached("/auth/me", { cookie: t.b.agency_admin });
    expect(b.trips).toBeGreaterThan(0);
    expect(b.json.user.email).toBe("agency_admin@b.test");
    expect(b.json.tenants).toEqual([{ code: t.codeB, name: "Pemda 64", kind: "provinsi", grants: [{ role: "agency_admin", pdId: t.pdB, pdName: "PD 1.01" }] }]);
    expect((await cached("/auth/me", { cookie: t.a.viewer })).json.user.email).toBe("viewer@a.test");
  });

  it("signed out: the very next /auth/me is 401", async () => {
    const cookie = await (await member("keluar-me@a.test")).signIn();
    await cached("/auth/me", { cookie });
    expect((await cached("/auth/me", { cookie })).trips).toBe(0);
    expect((await cached("/auth/logout", { method: "POST", cookie })).status).toBe(200);
    expect((await cached("/auth/me", { cookie })).status).toBe(401);
  });

  it("a role given or taken through the API shows in the very next /auth/me", async () => {
    const { userId, membershipId, signIn } = await member("peran-me@a.test");
    const cookie = await signIn();
    const grantsNow = async () => (await cached("/auth/me", { cookie })).json.tenants.flatMap((x: any) => x.grants.map((g: any) => g.role));
    expect(await grantsNow()).toEqual(["viewer"]);
    expect((await cached("/auth/me", { cookie })).trips).toBe(0);
    expect((await cached(`/tenants/${t.codeA}/users/${userId}/roles`, { cookie: t.a.tenant_admin, body: { role: "agency_admin", pdId: t.pdA } })).status).toBe(200);
    expect((await grantsNow()).sort()).toEqual(["agency_admin", "viewer"]);
    expect((await cached(`/tenants/${t.codeA}/users/${userId}/roles/${membershipId}`, { method: "DELETE", cookie: t.a.tenant_admin })).status).toBe(200);
    expect(await grantsNow()).toEqual(["agency_admin"]);
  });

  it("a password change signs the user's other sessions out at once", async () => {
    const { signIn } = await member("sandi-me@a.test");
    const [here, elsewhere] = [await signIn(), await signIn()];
    for (const cookie of [here, elsewhere, here, elsewhere]) expect((await cached("/auth/me", { cookie })).status).toBe(200);
    const change = await cached("/account/password", { cookie: here, body: { currentPassword: PASSWORD, newPassword: "kata-sandi-baru-123" } });
    expect(change.status, JSON.stringify(change.json)).toBe(200);
    expect((await cached("/auth/me", { cookie: elsewhere })).status).toBe(401);
    expect((await cached("/auth/me", { cookie: here })).status).toBe(200);
  });

  it("two-step sign-in switched on shows in the very next /auth/me", async () => {
    const cookie = await (await member("totp-me@a.test")).signIn();
    expect((await cached("/auth/me", { cookie })).json.security.totpEnabled).toBe(false);
    expect((await cached("/auth/me", { cookie })).trips).toBe(0);
    await enrolTotp(cookie);
    const after = await cached("/auth/me", { cookie });
    expect([after.trips > 0, after.json.security.totpEnabled]).toEqual([true, true]);
  });

  it("a notification read here shows in the very next unread count; one written elsewhere within the TTL", async () => {
    const { userId, signIn } = await member("kabar-me@a.test");
    const cookie = await signIn();
    const inbox = (title: string) =>
      env.DB.prepare("INSERT INTO notifications (id, user_id, tenant_id, kind, title, body, created_at) VALUES (?, ?, ?, 'evaluation', ?, 'Isi', ?) RETURNING id")
        .bind(crypto.randomUUID(), userId, t.tA, title, Date.now())
        .first<{ id: string }>();
    const first = (await inbox("Satu"))!.id;
    await inbox("Dua");
    expect((await cached("/auth/me", { cookie })).json.unreadNotifications).toBe(2);
    expect((await cached(`/account/notifications/${first}/read`, { method: "POST", cookie })).status).toBe(200);
    expect((await cached("/auth/me", { cookie })).json.unreadNotifications).toBe(1);
    // Written outside this isolate's requests (another isolate, the daily cron): shown once the entry expires.
    await inbox("Tiga");
    expect((await cached("/auth/me", { cookie })).json.unreadNotifications).toBe(1);
    expect((await cached("/account/notifications/read-all", { method: "POST", cookie })).status).toBe(200);
    expect((await cached("/auth/me", { cookie })).json.unreadNotifications).toBe(0);
  });
});

describe("the PD list from memory", () => {
  it("a repeated list is a hit without any round trip; another query or PD scope is its own entry", async () => {
    const first = await cached(pdList(), { cookie: t.a.viewer });
    expect([first.status, first.headers.get("x-cache")]).toEqual([200, "miss"]);
    const again = await cached(pdList(), { cookie: t.a.viewer });
    expect([again.headers.get("x-cache"), again.trips]).toEqual(["hit", 0]);
    expect(again.json).toEqual(first.json);
    expect((await cached(`/tenants/${t.codeA}/perangkat-daerah?limit=10`, { cookie: t.a.viewer })).headers.get("x-cache")).toBe("miss");
    expect((await cached(pdList(), { cookie: t.a.agency_admin })).headers.get("x-cache")).toBe("miss");
    expect((await cached(pdList(), { cookie: t.a.agency_admin })).headers.get("x-cache")).toBe("hit");
  });

  it("a PD registered or renamed through the API shows in the very next list", async () => {
    await cached(pdList(), { cookie: t.a.viewer });
    const made = await cached(`/tenants/${t.codeA}/perangkat-daerah`, { cookie: t.a.tenant_admin, body: { code: "2.01", name: "Dinas Baru", kind: "dinas" } });
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    const after = await cached(pdList(), { cookie: t.a.viewer });
    expect(after.headers.get("x-cache")).toBe("miss");
    expect(after.json.items.map((p: any) => p.name)).toContain("Dinas Baru");
    expect((await cached(pdList(), { cookie: t.a.viewer })).headers.get("x-cache")).toBe("hit");
    expect((await cached(`/tenants/${t.codeA}/perangkat-daerah/${made.json.id}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { name: "Dinas Ganti Nama" } })).status).toBe(200);
    expect((await cached(pdList(), { cookie: t.a.viewer })).json.items.map((p: any) => p.name)).toContain("Dinas Ganti Nama");
  });

  it("never answers another tenant from A's entry; a write in B leaves A's entry served", async () => {
    const a = await cached(pdList(), { cookie: t.a.viewer });
    expect(a.json.items.map((p: any) => p.id)).not.toContain(t.pdB);
    expect((await cached(pdList(), { cookie: t.b.viewer })).status).toBe(404);
    const b = await cached(`/tenants/${t.codeB}/perangkat-daerah?limit=50`, { cookie: t.b.viewer });
    expect([b.headers.get("x-cache"), b.json.items.map((p: any) => p.id)]).toEqual(["miss", [t.pdB]]);
    expect((await cached(`/tenants/${t.codeB}/perangkat-daerah`, { cookie: t.b.tenant_admin, body: { code: "3.01", name: "Dinas B", kind: "dinas" } })).status).toBe(201);
    expect((await cached(pdList(), { cookie: t.a.viewer })).headers.get("x-cache")).toBe("hit");
    expect((await cached(`/tenants/${t.codeB}/perangkat-daerah?limit=50`, { cookie: t.b.viewer })).headers.get("x-cache")).toBe("miss");
  });

  it("a caller who lost their membership here gets 404, not the cached list", async () => {
    const { userId, membershipId, signIn } = await member("pd-dicabut@a.test");
    const cookie = await signIn();
    await cached(pdList(), { cookie });
    expect((await cached(pdList(), { cookie })).headers.get("x-cache")).toBe("hit");
    expect((await cached(`/tenants/${t.codeA}/users/${userId}/roles/${membershipId}`, { method: "DELETE", cookie: t.a.tenant_admin })).status).toBe(200);
    expect((await cached(pdList(), { cookie })).status).toBe(404);
  });
});

describe("the public portal from memory", () => {
  const PDF = "%PDF-1.4\n% portal cache\n";
  const upload = async (code: string, cookie: string, title: string) => {
    const qs = new URLSearchParams({ filename: "dokumen.pdf", kind: "lkjip", year: "2021", title }).toString();
    const r = await api(`/tenants/${code}/documents?${qs}`, { method: "POST", rawBody: PDF, cookie, headers: { "content-type": "application/pdf" } });
    expect(r.status).toBe(201);
    return r.json.id as string;
  };
  const titles = (json: any) => json.documents.map((d: any) => d.title);

  it("a repeated portal is one entry for everyone: no round trip, no per-user data", async () => {
    const first = await portal(t.codeA);
    expect([first.status, first.trips, first.headers.get("x-cache")]).toEqual([200, 2, "miss"]);
    expect(first.headers.get("cache-control")).toBe(`public, max-age=${PORTAL_TTL_MS / 1000}, s-maxage=${PORTAL_TTL_MS / 1000}`);
    const again = await portal(t.codeA);
    expect([again.status, again.trips, again.headers.get("x-cache")]).toEqual([200, 0, "hit"]);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    expect((await portal(t.codeA, { headers: { "if-none-match": first.headers.get("etag")! } })).status).toBe(304);
    // What is left of the entry's life, never more: shared caches add nothing to its age.
    expect(Number(again.headers.get("cache-control")!.match(/max-age=(\d+)/)![1])).toBeLessThanOrEqual(PORTAL_TTL_MS / 1000);
    const signedIn = await portal(t.codeA, { cookie: t.a.tenant_admin });
    expect(signedIn.headers.get("set-cookie")).toBeNull();
    expect(signedIn.json).toEqual(first.json);
    expect(signedIn.headers.get("x-cache")).toBe("hit");
  });

  it("a document published or withdrawn shows in the very next portal", async () => {
    const id = await upload(t.codeA, t.a.tenant_admin, "LKjIP Memori");
    expect(titles((await portal(t.codeA)).json)).not.toContain("LKjIP Memori");
    expect((await cached(`/tenants/${t.codeA}/documents/${id}/publish`, { method: "POST", cookie: t.a.tenant_admin })).status).toBe(200);
    const published = await portal(t.codeA);
    expect([published.headers.get("x-cache"), titles(published.json).includes("LKjIP Memori")]).toEqual(["miss", true]);
    expect((await portal(t.codeA)).headers.get("x-cache")).toBe("hit");
    expect((await cached(`/tenants/${t.codeA}/documents/${id}/unpublish`, { method: "POST", cookie: t.a.tenant_admin })).status).toBe(200);
    expect(titles((await portal(t.codeA)).json)).not.toContain("LKjIP Memori");
  });

  it("SAKIP figures published through the API show in the very next portal", async () => {
    const year = 2020;
    expect((await portal(t.codeA)).json.sakip.pd.filter((s: any) => s.year === year)).toEqual([]);
    // A final LKE result written outside the Worker is not public until the pemda publishes the year.
    const template = crypto.randomUUID();
    const now = Date.now();
    await dbOf(t.tA).batch([
      dbOf(t.tA).prepare("INSERT INTO lke_templates (id, tenant_id, year, kind, name, definition, locked_at, created_at, updated_at) VALUES (?, ?, 2000, 'legacy', 'x', '{}', ?, ?, ?)").bind(template, t.tA, now, now, now),
      dbOf(t.tA).prepare("INSERT INTO lke_evaluations (id, tenant_id, pd_id, year, template_id, source, status, total, predikat, flags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'import', 'final', 81.5, 'A', '[]', ?, ?)")
        .bind(crypto.randomUUID(), t.tA, t.pdA, year, template, now, now),
    ]);
    expect((await portal(t.codeA)).headers.get("x-cache")).toBe("hit");
    expect((await cached(`/tenants/${t.codeA}/ranking/publish`, { cookie: t.a.tenant_admin, body: { year } })).status).toBe(200);
    const after = await portal(t.codeA);
    expect(after.headers.get("x-cache")).toBe("miss");
    expect(after.json.sakip.pd).toContainEqual({ pdId: t.pdA, year, total: 81.5, predikat: "A" });
    expect(after.json.sakip.tenant.map((f: any) => f.year)).toContain(year);
  });

  it("a tenant suspended by the platform has no portal from the very next request; an unknown code is never kept", async () => {
    const tenantId = await seedTenant("35.10");
    await seedPd(tenantId, "1.01");
    expect((await portal("35.10")).status).toBe(200);
    expect((await portal("35.10")).headers.get("x-cache")).toBe("hit");
    await seedUser("op-portal@platform.test", { platform: true });
    const op = await login("op-portal@platform.test");
    await enrolTotp(op);
    expect((await cached("/platform/tenants/35.10", { method: "PATCH", cookie: op, body: { status: "suspended" } })).status).toBe(200);
    expect((await portal("35.10")).status).toBe(404);
    const unknown = await portal("99.99");
    expect(unknown.status).toBe(404);
    expect((await portal("99.99")).trips).toBeGreaterThan(0);
  });

  it("one tenant's entry never answers another; a write in B leaves A's entry served", async () => {
    const bId = await upload(t.codeB, t.b.tenant_admin, "LKjIP Tenant B");
    await portal(t.codeA);
    expect((await cached(`/tenants/${t.codeB}/documents/${bId}/publish`, { method: "POST", cookie: t.b.tenant_admin })).status).toBe(200);
    const a = await portal(t.codeA);
    expect([a.headers.get("x-cache"), titles(a.json).includes("LKjIP Tenant B")]).toEqual(["hit", false]);
    const b = await portal(t.codeB);
    expect([b.headers.get("x-cache"), b.json.tenant.code, titles(b.json)]).toEqual(["miss", t.codeB, ["LKjIP Tenant B"]]);
  });
});
