import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { drizzleOf, seedPd, seedTenant } from "./helpers";
import type { Db } from "../worker/db/client";
import * as schema from "../worker/db/schema";
import { FIGURE_PROVIDERS } from "../worker/data/figures";
import { anggaran, kinerja } from "../worker/data/performance";
import { sasaranCapaian } from "../shared/formulas/capaian";

// The ranking's capaian and penyerapan figures are read for all PD at once; they must equal
// what the per-PD realisasi grid (`kinerja`) and budget table (`anggaran`) compute.

let db: Db;
const id = () => crypto.randomUUID();
const now = Date.now();
let tenantId: string;
const pd: Record<"versions" | "draftOnly" | "noRealisasi" | "noPk" | "other", string> = {} as never;

type Ind = { name: string; polarity?: "positive" | "negative"; negativeMethod?: "2T-R" | "T/R"; kind?: "numeric" | "categorical" | "text"; scale?: string[]; aggregation?: "cumulative" | "sum" | "average" | "last" };

beforeAll(async () => {
  tenantId = await seedTenant("71");
  db = drizzleOf(tenantId);
  await env.DB.prepare("UPDATE tenants SET settings = ? WHERE id = ?").bind(JSON.stringify({ negativePolarityMethod: "T/R" }), tenantId).run();
  pd.versions = await seedPd(tenantId, "2.01");
  pd.draftOnly = await seedPd(tenantId, "2.02");
  pd.noRealisasi = await seedPd(tenantId, "2.03");
  pd.noPk = await seedPd(tenantId, "2.04");
  pd.other = await seedPd(tenantId, "2.05");

  const planId = id();
  await db.insert(schema.plans).values({ id: planId, tenantId, kind: "renstra", pdId: pd.versions, name: "Renstra", yearFrom: 2021, yearTo: 2026, status: "approved", createdAt: now, updatedAt: now });
  const node = async () => {
    const nodeId = id();
    await db.insert(schema.planNodes).values({ id: nodeId, tenantId, planId, pdId: pd.versions, level: "sasaran", createdAt: now });
    return nodeId;
  };
  const s1 = await node();
  const s2 = await node();
  const indicator = async (nodeId: string, i: Ind, versions: { effectiveDate: string; removed?: boolean; polarity?: "positive" | "negative" }[] = [{ effectiveDate: "2021-01-01" }]) => {
    const indicatorId = id();
    await db.insert(schema.indicators).values({ id: indicatorId, tenantId, planId, nodeId, createdAt: now });
    let version = 0;
    for (const v of versions) {
      await db.insert(schema.indicatorVersions).values({
        id: id(), tenantId, planId, version: ++version, effectiveDate: v.effectiveDate, removed: v.removed ?? false, createdAt: now, indicatorId,
        name: i.name, satuan: "%", polarity: v.polarity ?? i.polarity ?? "positive", negativeMethod: i.negativeMethod ?? "2T-R", kind: i.kind ?? "numeric",
        scale: i.scale ? JSON.stringify(i.scale) : null, aggregation: i.aggregation ?? "cumulative", isIku: false, position: version,
      });
    }
    return indicatorId;
  };
  const ind = {
    cumulative: await indicator(s1, { name: "positif kumulatif" }),
    negative: await indicator(s1, { name: "negatif, metode tenant (T/R)", polarity: "negative" }),
    negativeZero: await indicator(s1, { name: "negatif T/R, R = 0", polarity: "negative", negativeMethod: "T/R" }),
    text: await indicator(s2, { name: "teks", kind: "text" }),
    categorical: await indicator(s2, { name: "kategori", kind: "categorical", scale: ["AA", "A", "BB", "B", "CC", "C", "D"] }),
    sum: await indicator(s2, { name: "jumlah", aggregation: "sum" }),
    average: await indicator(s1, { name: "rata-rata", aggregation: "average" }),
    removed: await indicator(s2, { name: "dihapus", polarity: "negative" }, [{ effectiveDate: "2021-01-01" }, { effectiveDate: "2022-06-01", removed: true }]),
    later: await indicator(s1, { name: "berubah 2023" }, [{ effectiveDate: "2021-01-01" }, { effectiveDate: "2023-01-01", polarity: "negative" }]),
    noTarget: await indicator(s1, { name: "tanpa target" }),
    pendingOnly: await indicator(s2, { name: "menunggu" }),
  };

  const pk = async (pdId: string, version: number, status: "draft" | "submitted" | "approved", effectiveDate: string, items: [string, string, string | null][], plan: string | null = planId, year = 2022) => {
    const pkId = id();
    await db.insert(schema.pkDocuments).values({ id: pkId, tenantId, pdId, year, jabatanId: null, planId: plan, version, effectiveDate, status, createdAt: now, updatedAt: now });
    let position = 0;
    for (const [nodeId, indicatorId, targetText] of items) {
      await db.insert(schema.pkItems).values({ id: id(), tenantId, pkId, kind: "indicator", nodeId, nodeName: "Sasaran", indicatorId, indicatorName: "x", satuan: "%", targetText, targetNum: null, anggaran: null, position: position++ });
    }
    await db.insert(schema.pkItems).values({ id: id(), tenantId, pkId, kind: "program", nodeId: s1, nodeName: "Program", indicatorId: null, indicatorName: null, satuan: null, targetText: null, targetNum: null, anggaran: 1000, position: position++ });
  };
  // PD with three versions: v2 (approved mid-year) is in force at year end, not v1 nor the draft v3.
  await pk(pd.versions, 1, "approved", "2022-01-01", [[s1, ind.cumulative, "90"]]);
  await pk(pd.versions, 2, "approved", "2022-07-01", [
    [s1, ind.cumulative, "95"],
    [s2, ind.text, null],
    [s1, ind.negative, "10"],
    [s2, ind.categorical, "A"],
    [s1, ind.negativeZero, "5"],
    [s2, ind.sum, "100"],
    [s1, ind.average, "80"],
    [s2, ind.removed, "20"],
    [s1, ind.later, "50"],
    [s1, ind.noTarget, null],
    [s2, ind.pendingOnly, "10"],
  ]);
  await pk(pd.versions, 3, "draft", "2022-10-01", [[s1, ind.cumulative, "1"]]);
  // Only a draft, following a plan that does not exist: default meta (numeric, positive, cumulative).
  await pk(pd.draftOnly, 1, "draft", "2022-01-01", [[s1, ind.negative, "10"], [s2, ind.sum, "40"]], "tidak-ada");
  // Its only indicator is still "proses penilaian" (pending): no capaian, so the PD is absent.
  await pk(pd.noRealisasi, 1, "approved", "2022-01-01", [[s2, ind.pendingOnly, "10"]]);
  // Another year's PK does not count for 2022.
  await pk(pd.other, 1, "approved", "2021-01-01", [[s1, ind.cumulative, "10"]], planId, 2021);

  const cell = (indicatorId: string, year: number, period: number, v: { status?: "final" | "provisional" | "pending"; text?: string; num?: number | null; category?: string; manual?: number }) =>
    db.insert(schema.realisasi).values({
      id: id(), tenantId, pdId: pd.versions, indicatorId, year, period, status: v.status ?? "final", valueText: v.text ?? (v.num != null ? String(v.num) : null),
      valueNum: v.num ?? null, category: v.category ?? null, capaianManual: v.manual ?? null, version: 1, updatedAt: now,
    });
  await cell(ind.cumulative, 2022, 1, { num: 40 });
  await cell(ind.cumulative, 2022, 3, { num: 88.5, status: "provisional" });
  await cell(ind.cumulative, 2021, 4, { num: 70 });
  await cell(ind.negative, 2022, 4, { num: 12 });
  await cell(ind.negativeZero, 2022, 2, { num: 0 });
  await cell(ind.text, 2022, 4, { text: "Tersusun", manual: 87.5 });
  await cell(ind.categorical, 2022, 4, { text: "BB", category: "BB" });
  for (const [p, n] of [[1, 20], [2, 30], [3, null], [4, 25]] as const) await cell(ind.sum, 2022, p, { num: n, status: n === null ? "pending" : "final" });
  for (const [p, n] of [[1, 70], [2, 90]] as const) await cell(ind.average, 2022, p, { num: n });
  await cell(ind.removed, 2022, 4, { num: 10 });
  await cell(ind.later, 2022, 4, { num: 40 });
  await cell(ind.noTarget, 2022, 4, { num: 5 });
  await cell(ind.pendingOnly, 2022, 4, { status: "pending" });

  const line = (pdId: string, year: number, paguMurni: number, paguPerubahan: number | null, r: [number, number, number, number], jenis: "operasi" | "modal" = "operasi") =>
    db.insert(schema.budgetLines).values({
      id: id(), tenantId, pdId, year, nodeId: s1, level: "program", code: "1", name: "Program", sasaranId: s1, jenis, paguMurni, paguPerubahan,
      realisasiTw1: r[0], realisasiTw2: r[1], realisasiTw3: r[2], realisasiTw4: r[3], version: 1, createdAt: now, updatedAt: now,
    });
  await line(pd.versions, 2022, 1_000_000, 1_200_000, [100_000, 200_000, 300_000, 333_333]);
  await line(pd.versions, 2022, 500_000, null, [0, 0, 0, 499_999], "modal");
  await line(pd.draftOnly, 2022, 0, null, [0, 0, 0, 0]);
  await line(pd.noRealisasi, 2022, 300, null, [0, 0, 0, 700]);
  await line(pd.other, 2021, 100, null, [10, 0, 0, 0]);
});

describe("ranking figures read for all PD at once", () => {
  it("capaian equals the mean annual capaian of the per-PD realisasi grid", async () => {
    for (const year of [2021, 2022, 2023]) {
      const figure = await FIGURE_PROVIDERS.capaian!(db, tenantId, year);
      const expected = new Map<string, number>();
      for (const pdId of Object.values(pd)) {
        const k = await kinerja(db, tenantId, pdId, year);
        const mean = sasaranCapaian(k.sasaran.flatMap((s) => s.indicators.map((i) => i.annual.capaian.value)));
        if (mean !== null) expected.set(pdId, mean);
      }
      expect(Object.fromEntries(figure)).toEqual(Object.fromEntries(expected));
      if (year === 2021) expect([...figure.keys()]).toEqual([pd.other]);
      if (year === 2023) expect(figure.size).toBe(0);
    }
    const figure = await FIGURE_PROVIDERS.capaian!(db, tenantId, 2022);
    // Only a pending indicator, or no PK of the year: absent (never 0).
    expect([...figure.keys()].sort()).toEqual([pd.versions, pd.draftOnly].sort());
    // v2 in force: the draft v3's target of 1 would give 8850 %.
    expect(figure.get(pd.versions)!).toBeLessThan(150);
  });

  it("penyerapan equals the per-PD budget table's total", async () => {
    for (const year of [2021, 2022]) {
      const figure = await FIGURE_PROVIDERS.penyerapan!(db, tenantId, year);
      const expected = new Map<string, number>();
      for (const pdId of Object.values(pd)) {
        const a = await anggaran(db, tenantId, pdId, year);
        if (a.total.percent !== null) expected.set(pdId, a.total.percent);
      }
      expect(Object.fromEntries(figure)).toEqual(Object.fromEntries(expected));
    }
  });
});
