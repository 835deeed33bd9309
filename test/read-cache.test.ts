import { env } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/d1";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { api, drizzleOf, grant, login, seedUser, twoTenants, type Call, type World } from "./helpers";
import { countRoundTrips } from "./round-trips";
import { bookmarkNotNewer, clearCaches } from "../worker/cache/read-cache";
import * as schema from "../worker/db/schema";

// The in-isolate caches as deployed (worker/cache/): the other Worker tests run with READ_CACHE=off
// because they write D1 directly. Each call here goes through the app with caching on and counts
// its D1 round trips; the module instance (and so the caches) is the one the Worker runs with.
const cached = (path: string, call: Call = {}) => countRoundTrips(path, { ...call, cache: true });

let t: World;
let indicatorId: string;
let nodeId: string;
let planId: string;
const YEAR = 2022;
const now = Date.now();
const id = () => crypto.randomUUID();
const rankingPath = () => `/tenants/${t.codeA}/ranking?year=${YEAR}`;
const rowOf = (json: any) => json.rows.find((r: any) => r.pd.id === t.pdA);

beforeAll(async () => {
  t = await twoTenants();
  // One indicator with a PK target of 80 in PD A, so a realisasi moves the ranking's capaian.
  const db = drizzleOf(t.tA);
  planId = id();
  nodeId = id();
  indicatorId = id();
  await db.insert(schema.plans).values({ id: planId, tenantId: t.tA, kind: "renstra", pdId: t.pdA, name: "Renstra", yearFrom: 2021, yearTo: 2026, status: "approved", createdAt: now, updatedAt: now });
  await db.insert(schema.planNodes).values({ id: nodeId, tenantId: t.tA, planId, pdId: t.pdA, level: "sasaran", createdAt: now });
  await db.insert(schema.indicators).values({ id: indicatorId, tenantId: t.tA, planId, nodeId, createdAt: now });
  await db.insert(schema.indicatorVersions).values({
    id: id(), tenantId: t.tA, planId, indicatorId, version: 1, effectiveDate: "2021-01-01", removed: false, createdAt: now, name: "Indeks", satuan: "%",
    polarity: "positive", negativeMethod: "2T-R", kind: "numeric", scale: null, aggregation: "last", isIku: false, position: 1,
  });
  const pkId = id();
  await db.insert(schema.pkDocuments).values({ id: pkId, tenantId: t.tA, pdId: t.pdA, year: YEAR, jabatanId: null, planId, version: 1, effectiveDate: "2022-01-01", status: "approved", createdAt: now, updatedAt: now });
  await db.insert(schema.pkItems).values({ id: id(), tenantId: t.tA, pkId, kind: "indicator", nodeId, nodeName: "Sasaran", indicatorId, indicatorName: "Indeks", satuan: "%", targetText: "80", targetNum: 80, anggaran: null, position: 0 });
});

beforeEach(() => clearCaches());

describe("heavy reads served from memory", () => {
  it("a repeated ranking is a hit without any D1 round trip", async () => {
    const first = await cached(rankingPath(), { cookie: t.a.viewer });
    expect(first.status).toBe(200);
    expect(first.headers.get("x-cache")).toBe("miss");
    expect(first.trips).toBeGreaterThan(0);
    const again = await cached(rankingPath(), { cookie: t.a.viewer });
    expect(again.headers.get("x-cache")).toBe("hit");
    expect(again.trips).toBe(0);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get("content-type")).toBe(first.headers.get("content-type"));
    // The same query in another order is the same entry.
    expect((await cached(`/tenants/${t.codeA}/ranking?late=false&year=${YEAR}`, { cookie: t.a.viewer })).trips).toBeGreaterThan(0);
    expect((await cached(`/tenants/${t.codeA}/ranking?year=${YEAR}&late=false`, { cookie: t.a.viewer })).headers.get("x-cache")).toBe("hit");
  });

  it("IKM results, a plan's tree and its capaian are hits the second time", async () => {
    for (const path of [`/tenants/${t.codeA}/ikm/results?year=${YEAR}`, `/tenants/${t.codeA}/plans/${planId}`, `/tenants/${t.codeA}/plans/${planId}/capaian?year=${YEAR}`]) {
      expect((await cached(path, { cookie: t.a.viewer })).headers.get("x-cache"), path).toBe("miss");
      const again = await cached(path, { cookie: t.a.viewer });
      expect([again.status, again.headers.get("x-cache"), again.trips], path).toEqual([200, "hit", 0]);
    }
  });

  it("errors are not kept: a missing plan is looked up every time", async () => {
    const path = `/tenants/${t.codeA}/plans/${id()}`;
    expect((await cached(path, { cookie: t.a.viewer })).status).toBe(404);
    const again = await cached(path, { cookie: t.a.viewer });
    expect(again.status).toBe(404);
    expect(again.trips).toBeGreaterThan(0);
  });

  it("a realisasi saved through the API shows in the very next ranking", async () => {
    expect(rowOf((await cached(rankingPath(), { cookie: t.a.tenant_admin })).json).values.capaian).toBeNull();
    expect((await cached(rankingPath(), { cookie: t.a.tenant_admin })).headers.get("x-cache")).toBe("hit");
    const save = await cached(`/tenants/${t.codeA}/realisasi`, { cookie: t.a.tenant_admin, body: { indicatorId, year: YEAR, period: 4, value: "40", status: "final", version: 0 } });
    expect(save.status, JSON.stringify(save.json)).toBe(200);
    const after = await cached(rankingPath(), { cookie: t.a.tenant_admin });
    expect(after.headers.get("x-cache")).toBe("miss");
    expect(rowOf(after.json).values.capaian).toBe(50);
  });

  it("a caller whose bookmark is newer than the entry's misses (a write served by another isolate)", async () => {
    const first = await cached(rankingPath(), { cookie: t.a.tenant_admin });
    const given = first.headers.get("x-d1-bookmark")!;
    const [binding, entryBookmark] = given.split("~") as [string, string];
    expect((await cached(rankingPath(), { cookie: t.a.tenant_admin, headers: { "x-d1-bookmark": given } })).headers.get("x-cache")).toBe("hit");
    // Another isolate writes (nothing here notices) and hands its caller the newer bookmark.
    const session = env[binding as "TENANT_DB_0"].withSession(entryBookmark);
    await drizzle(session as unknown as D1Database).insert(schema.budgetLines).values({
      id: id(), tenantId: t.tA, pdId: t.pdA, year: YEAR, nodeId, level: "program", code: "9", name: "Program", sasaranId: nodeId, jenis: "operasi",
      paguMurni: 1000, paguPerubahan: null, realisasiTw1: 0, realisasiTw2: 0, realisasiTw3: 0, realisasiTw4: 400, version: 1, createdAt: now, updatedAt: now,
    });
    const newer = session.getBookmark()!;
    expect(newer > entryBookmark).toBe(true);
    // Without that bookmark the entry is still served (at most RESPONSE_TTL_MS old); with it, a miss with the write.
    expect(rowOf((await cached(rankingPath(), { cookie: t.a.tenant_admin })).json).values.penyerapan).toBeNull();
    const mine = await cached(rankingPath(), { cookie: t.a.tenant_admin, headers: { "x-d1-bookmark": `${binding}~${newer}` } });
    expect(mine.headers.get("x-cache")).toBe("miss");
    expect(rowOf(mine.json).values.penyerapan).toBe(40);
    // A bookmark of another database says nothing about this one.
    expect((await cached(rankingPath(), { cookie: t.a.tenant_admin, headers: { "x-d1-bookmark": `TENANT_DB_9~${newer}` } })).headers.get("x-cache")).toBe("hit");
  });

  it("compares D1 bookmarks as the fixed-width hex they are, else only by equality", () => {
    const a = "00000000-0000000c-00000000-00000000000000000000000000000000";
    const b = "00000000-0000000d-00000000-00000000000000000000000000000000";
    expect([bookmarkNotNewer(undefined, a), bookmarkNotNewer(a, b), bookmarkNotNewer(b, b), bookmarkNotNewer(b, a), bookmarkNotNewer(a, undefined)]).toEqual([true, true, true, false, false]);
    expect([bookmarkNotNewer("v2:x", "v2:x"), bookmarkNotNewer("v2:a", "v2:b")]).toEqual([true, false]);
  });

  it("never hands one tenant's or one PD scope's entry to another", async () => {
    const admin = await cached(rankingPath(), { cookie: t.a.tenant_admin });
    const scoped = await cached(rankingPath(), { cookie: t.a.agency_admin });
    expect(scoped.headers.get("x-cache")).toBe("miss");
    expect((await cached(rankingPath(), { cookie: t.a.agency_admin })).headers.get("x-cache")).toBe("hit");
    expect((await cached(rankingPath(), { cookie: t.a.tenant_admin })).json).toEqual(admin.json);
    // Tenant B: its own ranking is computed for it; A's path with B's session is still 404.
    const b = await cached(`/tenants/${t.codeB}/ranking?year=${YEAR}`, { cookie: t.b.tenant_admin });
    expect(b.headers.get("x-cache")).toBe("miss");
    expect(b.json.rows.map((r: any) => r.pd.id)).toEqual([t.pdB]);
    expect((await cached(rankingPath(), { cookie: t.b.tenant_admin })).status).toBe(404);
  });
});

describe("sessions served from memory", () => {
  it("a signed-in read needs no control-plane round trip the second time; a write always reads it", async () => {
    // One PD is not a cached response: the second read asks D1 only for the PD itself.
    const pd = `/tenants/${t.codeA}/perangkat-daerah/${t.pdA}`;
    expect((await cached(pd, { cookie: t.a.viewer })).trips).toBe(2);
    expect((await cached(pd, { cookie: t.a.viewer })).trips).toBe(1);
  });

  it("signed out: the very next read is 401", async () => {
    const userId = await seedUser("keluar@a.test");
    await grant(userId, t.tA, "viewer");
    const cookie = await login("keluar@a.test");
    await cached(rankingPath(), { cookie });
    expect((await cached(rankingPath(), { cookie })).headers.get("x-cache")).toBe("hit");
    expect((await cached("/auth/logout", { method: "POST", cookie })).status).toBe(200);
    expect((await cached(rankingPath(), { cookie })).status).toBe(401);
    expect((await cached("/auth/me", { cookie })).status).toBe(401);
  });

  it("a membership revoked through the API: the very next read is 404", async () => {
    const userId = await seedUser("dicabut@a.test");
    const membershipId = await grant(userId, t.tA, "viewer");
    const cookie = await login("dicabut@a.test");
    expect((await cached(rankingPath(), { cookie })).status).toBe(200);
    expect((await cached(rankingPath(), { cookie })).trips).toBe(0);
    expect((await cached(`/tenants/${t.codeA}/users/${userId}/roles/${membershipId}`, { method: "DELETE", cookie: t.a.tenant_admin })).status).toBe(200);
    expect((await cached(rankingPath(), { cookie })).status).toBe(404);
  });

  it("writes never use the cached session (a sign-out in another isolate stops them at once)", async () => {
    const userId = await seedUser("isolat@a.test");
    await grant(userId, t.tA, "tenant_admin");
    const cookie = await login("isolat@a.test");
    expect((await cached(rankingPath(), { cookie })).status).toBe(200);
    // Another isolate signs the session out: this one does not know.
    await env.DB.prepare("DELETE FROM sessions WHERE user_id = ?").bind(userId).run();
    expect((await cached(rankingPath(), { cookie })).status).toBe(200); // a read, for at most SESSION_CACHE_TTL_MS
    const write = await cached(`/tenants/${t.codeA}/realisasi`, { cookie, body: { indicatorId, year: YEAR, period: 1, value: "10", status: "final", version: 0 } });
    expect(write.status).toBe(401);
  });

  it("API tokens: the second read is served from memory; a revocation ends it at once", async () => {
    const made = await api(`/tenants/${t.codeA}/api-tokens`, { cookie: t.a.tenant_admin, body: { name: "Dasbor", role: "viewer", scopes: ["ranking:read"] } });
    expect(made.status).toBe(201);
    const bearer = { headers: { authorization: `Bearer ${made.json.token}` } };
    expect((await cached(rankingPath(), bearer)).status).toBe(200);
    const again = await cached(rankingPath(), bearer);
    expect([again.status, again.trips]).toEqual([200, 0]);
    expect((await cached(`/tenants/${t.codeB}/ranking?year=${YEAR}`, bearer)).status).toBe(404);
    expect((await cached(`/tenants/${t.codeA}/api-tokens/${made.json.id}`, { method: "DELETE", cookie: t.a.tenant_admin })).status).toBe(200);
    expect((await cached(rankingPath(), bearer)).status).toBe(401);
  });
});
