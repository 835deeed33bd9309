import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { IntakeBatcher } from "../worker/intake/batcher";
import { api, twoTenants, type Call, type World } from "./helpers";
import { countRoundTrips } from "./round-trips";
import { clearCaches } from "../worker/cache/read-cache";
import { clearPortals } from "../worker/cache/portal-cache";
import { wibDay } from "../shared/format/wib";

// D1 round trips per request on the hot routes (bench/run.mjs measures their speed; never a timing here).
// Before issue 10's work: me 4, ranking 18, IKM results 8, survey submission 6, plan tree 4, public portal 2.
// The counts below are first reads (the Worker tests run with READ_CACHE=off); the last block repeats
// reads with the in-isolate caches on, as deployed (worker/cache/): there, a repeated hot read makes none.
const batcherFlushes = () => runInDurableObject(env.INTAKE.get(env.INTAKE.idFromName(t.tA)), (o: IntakeBatcher) => o.stats.flushes);
let t: World;
let unit: { id: string; slug: string };
let planId: string;
const year = Number(wibDay().slice(0, 4));

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

  it("the public portal is one control-plane batch and one tenant batch", async () => {
    expect(await trips(`/public/portal/${t.codeA}`)).toBe(2);
  });

  it("the ranking reads fresh snapshots in one batch (computing them only after a write)", async () => {
    await trips(`/tenants/${t.codeA}/ranking?year=${year}`, { cookie: t.a.viewer });
    expect(await trips(`/tenants/${t.codeA}/ranking?year=${year}`, { cookie: t.a.viewer })).toBe(2);
  });

  // A submission makes no D1 round trip in the Worker once the isolate knows the slug: the slug map and
  // the unit are cached (≤ 30 s, worker/intake/public-unit.ts; the first look-up costs 2), and the row is
  // stored by the tenant's IntakeBatcher (a Durable Object) in one D1 batch shared with every submission
  // queued meanwhile. The counter here cannot see the batcher's D1 calls, so its flushes are read from it:
  // one submission at a time is one flush each. Before group commit: 3 (slug map + rate counter, unit, intake).
  it("IKM results are one batch of tallies; a submission is no round trip in the Worker and one batch in its batcher", async () => {
    expect(await trips(`/tenants/${t.codeA}/ikm/results?year=${year}`, { cookie: t.a.viewer })).toBe(2);
    expect(await trips(`/tenants/${t.codeA}/ikm/results/units/${unit.id}?year=${year}`, { cookie: t.a.viewer })).toBe(2);
    const flushes = await batcherFlushes();
    expect(await trips(`/public/ikm/units/${unit.slug}/responses`, { body: submission(), headers: { "cf-connecting-ip": "10.1.1.1" } })).toBe(2);
    expect(await trips(`/public/ikm/units/${unit.slug}/responses`, { body: submission(), headers: { "cf-connecting-ip": "10.1.1.1" } })).toBe(0);
    expect((await batcherFlushes()) - flushes).toBe(2);
    // The citizen's form: the period (is the survey open today?) is read each time; unit and survey are cached.
    await trips(`/public/ikm/units/${unit.slug}`);
    expect(await trips(`/public/ikm/units/${unit.slug}`)).toBe(1);
  });

  it("a survey response shows in the ranking's IKM at once, without invalidating its snapshots", async () => {
    await trips(`/tenants/${t.codeA}/ranking?year=${year}`, { cookie: t.a.viewer });
    expect(await trips(`/public/ikm/units/${unit.slug}/responses`, { body: { ...submission(), answers: [4, 4, 4, 4, 4, 4, 4, 4, 4] }, headers: { "cf-connecting-ip": "10.1.1.2" } })).toBe(0);
    const after = await countRoundTrips(`/tenants/${t.codeA}/ranking?year=${year}`, { cookie: t.a.viewer });
    expect(after.trips).toBe(2);
    const figures = (await api(`/tenants/${t.codeA}/ikm/results?year=${year}`, { cookie: t.a.viewer })).json.pds.find((p: any) => p.pdId === t.pdA).summary.ikm;
    expect(after.json.rows.find((r: any) => r.pd.id === t.pdA).values.ikm).toBe(figures);
  });
});

describe("D1 round trips of a repeated read, with the in-isolate caches on", () => {
  /** From a cold isolate: the first read, then the same read again (signed in as a viewer unless `call` says otherwise). */
  const twice = async (path: string, call: Call = { cookie: t.a.viewer }) => {
    clearCaches();
    clearPortals();
    const first = await countRoundTrips(path, { ...call, cache: true });
    const again = await countRoundTrips(path, { ...call, cache: true });
    expect([first.status, again.status], JSON.stringify(again.json)).toEqual([200, 200]);
    return [first.trips, again.trips];
  };

  // Before: me and PD list [2, 1] (the session came from memory, the page's own data from D1), portal [2, 2].
  it("/auth/me, the PD list and the public portal are answered without any round trip", async () => {
    expect(await twice("/auth/me")).toEqual([2, 0]);
    expect(await twice(`/tenants/${t.codeA}/perangkat-daerah?limit=50`)).toEqual([2, 0]);
    expect(await twice(`/public/portal/${t.codeA}`, {})).toEqual([2, 0]);
  });

  it("ranking, IKM results and the plan tree are answered without any round trip", async () => {
    expect(await twice(`/tenants/${t.codeA}/ranking?year=${year}`)).toEqual([2, 0]);
    expect(await twice(`/tenants/${t.codeA}/ikm/results?year=${year}`)).toEqual([2, 0]);
    expect(await twice(`/tenants/${t.codeA}/ikm/results/units/${unit.id}?year=${year}`)).toEqual([2, 0]);
    expect(await twice(`/tenants/${t.codeA}/plans/${planId}`)).toEqual([3, 0]);
  });
});
