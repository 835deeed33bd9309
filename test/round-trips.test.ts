import { beforeAll, describe, expect, it } from "vitest";
import { api, twoTenants, type World } from "./helpers";
import { countRoundTrips } from "./round-trips";
import { todayWib } from "../worker/data/ikm";
import { clearCaches } from "../worker/cache/read-cache";

// D1 round trips per request on the hot routes (bench/run.mjs measures their speed; never a timing here).
// Before issue 10's work: me 4, ranking 18, IKM results 8, survey submission 6, plan tree 4.
// The counts below are first reads (the Worker tests run with READ_CACHE=off); the last block repeats
// reads with the in-isolate caches on, as deployed (worker/cache/).
let t: World;
let unit: { id: string; slug: string };
let planId: string;
const year = Number(todayWib().slice(0, 4));

beforeAll(async () => {
  t = await twoTenants();
  unit = (await api(`/tenants/${t.codeA}/unit-layanan`, { cookie: t.a.tenant_admin, body: { pdId: t.pdA, name: "Loket", slug: "loket-rt", services: ["Legalisir"] } })).json;
  expect((await api(`/tenants/${t.codeA}/ikm/periods`, { cookie: t.a.tenant_admin, body: { kind: "tahun", year, number: 1 } })).status).toBe(201);
  const plan = await api(`/tenants/${t.codeA}/plans`, { cookie: t.a.tenant_admin, body: { kind: "renstra", pdId: t.pdA, name: "Renstra", yearFrom: 2025, yearTo: 2029 } });
  expect(plan.status).toBe(201);
  planId = plan.json.id;
});

const submission = () => ({
  idempotencyKey: crypto.randomUUID(),
  version: 0,
  answers: [3, 3, 3, 3, 3, 3, 3, 3, 4],
  gender: "P",
  age: 34,
  education: "D4-S1",
  occupation: "SWASTA",
  service: "Legalisir",
  fillMs: 45_000,
});

async function trips(path: string, call: Parameters<typeof countRoundTrips>[1] = {}) {
  const r = await countRoundTrips(path, call);
  expect(r.status, JSON.stringify(r.json)).toBeLessThan(300);
  return r.trips;
}

describe("D1 round trips per request", () => {
  it("session and grants are one round trip; the signed-in user's page data one more", async () => {
    expect(await trips("/auth/me", { cookie: t.a.viewer })).toBe(2);
    // Batched rows are keyed by column name: the tenant's and the PD's `name` must both survive.
    const me = await countRoundTrips("/auth/me", { cookie: t.a.agency_admin });
    expect(me.json.tenants).toEqual([{ code: "35.16", name: "Pemda 35.16", kind: "kabupaten", grants: [{ role: "agency_admin", pdId: t.pdA, pdName: "PD 1.01" }] }]);
    expect(await trips(`/tenants/${t.codeA}/plans/${planId}`, { cookie: t.a.viewer })).toBe(3);
  });

  it("the ranking reads fresh snapshots in one batch (computing them only after a write)", async () => {
    await trips(`/tenants/${t.codeA}/ranking?year=${year}`, { cookie: t.a.viewer });
    expect(await trips(`/tenants/${t.codeA}/ranking?year=${year}`, { cookie: t.a.viewer })).toBe(2);
  });

  // A submission: the slug's tenant with the rate counter (control plane), the unit, then the intake
  // (tenant database) — the slug map costs the middle one (docs/scaling.md).
  it("IKM results are one batch of tallies; a submission is three round trips", async () => {
    expect(await trips(`/tenants/${t.codeA}/ikm/results?year=${year}`, { cookie: t.a.viewer })).toBe(2);
    expect(await trips(`/tenants/${t.codeA}/ikm/results/units/${unit.id}?year=${year}`, { cookie: t.a.viewer })).toBe(2);
    expect(await trips(`/public/ikm/units/${unit.slug}/responses`, { body: submission(), headers: { "cf-connecting-ip": "10.1.1.1" } })).toBe(3);
  });

  it("a survey response shows in the ranking's IKM at once, without invalidating its snapshots", async () => {
    await trips(`/tenants/${t.codeA}/ranking?year=${year}`, { cookie: t.a.viewer });
    expect(await trips(`/public/ikm/units/${unit.slug}/responses`, { body: { ...submission(), answers: [4, 4, 4, 4, 4, 4, 4, 4, 4] }, headers: { "cf-connecting-ip": "10.1.1.2" } })).toBe(3);
    const after = await countRoundTrips(`/tenants/${t.codeA}/ranking?year=${year}`, { cookie: t.a.viewer });
    expect(after.trips).toBe(2);
    const figures = (await api(`/tenants/${t.codeA}/ikm/results?year=${year}`, { cookie: t.a.viewer })).json.pds.find((p: any) => p.pdId === t.pdA).summary.ikm;
    expect(after.json.rows.find((r: any) => r.pd.id === t.pdA).values.ikm).toBe(figures);
  });
});

describe("D1 round trips of a repeated read, with the in-isolate caches on", () => {
  /** From a cold isolate: the first read, then the same read again. */
  const twice = async (path: string) => {
    clearCaches();
    const first = await countRoundTrips(path, { cookie: t.a.viewer, cache: true });
    const again = await countRoundTrips(path, { cookie: t.a.viewer, cache: true });
    expect([first.status, again.status], JSON.stringify(again.json)).toEqual([200, 200]);
    return [first.trips, again.trips];
  };

  it("the session and grants come from memory: only the page's own data is read again", async () => {
    expect(await twice("/auth/me")).toEqual([2, 1]);
    expect(await twice(`/tenants/${t.codeA}/perangkat-daerah`)).toEqual([2, 1]);
  });

  it("ranking, IKM results and the plan tree are answered without any round trip", async () => {
    expect(await twice(`/tenants/${t.codeA}/ranking?year=${year}`)).toEqual([2, 0]);
    expect(await twice(`/tenants/${t.codeA}/ikm/results?year=${year}`)).toEqual([2, 0]);
    expect(await twice(`/tenants/${t.codeA}/ikm/results/units/${unit.id}?year=${year}`)).toEqual([2, 0]);
    expect(await twice(`/tenants/${t.codeA}/plans/${planId}`)).toEqual([3, 0]);
  });
});
