import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, dbOf, drizzleOf, grant, login, seedPd, seedTenant, seedUser } from "./helpers";
import type { Db } from "../worker/db/client";
import * as schema from "../worker/db/schema";
import { FIGURE_PROVIDERS } from "../worker/data/figures";

// The ranking reads precomputed figures (worker/data/ranking-snapshot.ts): right after any write
// that feeds a figure it must show the new value, never the snapshot taken before the write.

let db: Db;
const id = () => crypto.randomUUID();
const now = Date.now();
let tenantId: string;
let pdId: string;
let indicatorId: string;
let nodeId: string;
let admin: string;
const CODE = "73";
const YEAR = 2022;

const ranking = async () => (await api(`/tenants/${CODE}/ranking?year=${YEAR}`, { cookie: admin })).json;
const rowOf = (r: any) => r.rows.find((x: any) => x.pd.id === pdId);

beforeAll(async () => {
  tenantId = await seedTenant(CODE);
  db = drizzleOf(tenantId);
  pdId = await seedPd(tenantId, "3.01");
  const userId = await seedUser(`admin@${CODE}.test`);
  await grant(userId, tenantId, "tenant_admin");
  admin = await login(`admin@${CODE}.test`);
  const planId = id();
  nodeId = id();
  indicatorId = id();
  await db.insert(schema.plans).values({ id: planId, tenantId, kind: "renstra", pdId, name: "Renstra", yearFrom: 2021, yearTo: 2026, status: "approved", createdAt: now, updatedAt: now });
  await db.insert(schema.planNodes).values({ id: nodeId, tenantId, planId, pdId, level: "sasaran", createdAt: now });
  await db.insert(schema.indicators).values({ id: indicatorId, tenantId, planId, nodeId, createdAt: now });
  await db.insert(schema.indicatorVersions).values({
    id: id(), tenantId, planId, indicatorId, version: 1, effectiveDate: "2021-01-01", removed: false, createdAt: now, name: "Indeks", satuan: "%",
    polarity: "positive", negativeMethod: "2T-R", kind: "numeric", scale: null, aggregation: "last", isIku: false, position: 1,
  });
  const pkId = id();
  await db.insert(schema.pkDocuments).values({ id: pkId, tenantId, pdId, year: YEAR, jabatanId: null, planId, version: 1, effectiveDate: "2022-01-01", status: "approved", createdAt: now, updatedAt: now });
  await db.insert(schema.pkItems).values({ id: id(), tenantId, pkId, kind: "indicator", nodeId, nodeName: "Sasaran", indicatorId, indicatorName: "Indeks", satuan: "%", targetText: "80", targetNum: 80, anggaran: null, position: 0 });
});

describe("ranking from snapshots", () => {
  it("a realisasi saved through the API shows in the very next ranking", async () => {
    const before = await ranking();
    expect(rowOf(before).values.capaian).toBeNull();
    expect((await ranking()).rows).toEqual(before.rows); // served from the snapshot, same table

    const save = (value: string, version: number) =>
      api(`/tenants/${CODE}/realisasi`, { cookie: admin, body: { indicatorId, year: YEAR, period: 4, value, status: "final", version } });
    const first = await save("40", 0);
    expect(first.status).toBe(200);
    expect(rowOf(await ranking()).values.capaian).toBe(50);

    expect((await save("60", first.json.version)).status).toBe(200);
    const after = await ranking();
    expect(rowOf(after).values.capaian).toBe(75);
    expect(rowOf(after).values.capaian).toBe((await FIGURE_PROVIDERS.capaian!(db, tenantId, YEAR)).get(pdId));
  });

  it("any write to a figure's table (here a budget line, a delete, the settings) shows at once", async () => {
    const lineId = id();
    await db.insert(schema.budgetLines).values({
      id: lineId, tenantId, pdId, year: YEAR, nodeId, level: "program", code: "1", name: "Program", sasaranId: nodeId, jenis: "operasi",
      paguMurni: 1000, paguPerubahan: null, realisasiTw1: 0, realisasiTw2: 0, realisasiTw3: 0, realisasiTw4: 250, version: 1, createdAt: now, updatedAt: now,
    });
    expect(rowOf(await ranking()).values.penyerapan).toBe(25);
    await dbOf(tenantId).prepare("DELETE FROM budget_lines WHERE id = ?").bind(lineId).run();
    expect(rowOf(await ranking()).values.penyerapan).toBeNull();

    const weighted = await ranking();
    await env.DB.prepare("UPDATE tenants SET settings = ? WHERE id = ?").bind(JSON.stringify({ rankingWeights: { sakip: 0, ikm: 0, capaian: 1, penyerapan: 0 } }), tenantId).run();
    const reweighted = await ranking();
    expect(reweighted.weights.capaian).toBe(1);
    expect(rowOf(reweighted).composite.value).toBe(75);
    expect(weighted.weights).not.toEqual(reweighted.weights);
  });
});
