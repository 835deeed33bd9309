import { beforeAll, describe, expect, it } from "vitest";
import { api, dbOf, twoTenants, type World } from "./helpers";
import { capaian, predikatCapaian, sasaranCapaian } from "../shared/formulas/capaian";

// Pohon kinerja coloured by capaian (GET /plans/{planId}/capaian) and the refusal to delete
// nodes/indicators that realisasi or a PK refers to.

let t: World;
let plan: string;
let planB: string;
const base = (code: string) => `/tenants/${code}/plans`;
const ids: Record<string, string> = {};
const bands = [
  { label: "Istimewa", min: 100 },
  { label: "Baik", min: 80 },
  { label: "Kurang", min: 0 },
];

async function node(body: Record<string, unknown>) {
  const r = await api(`${base(t.codeA)}/${plan}/nodes`, { cookie: t.a.agency_admin, body });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json.id as string;
}
async function indicator(nodeId: string, body: Record<string, unknown>, targets: { year: number; value: string }[]) {
  const r = await api(`${base(t.codeA)}/${plan}/nodes/${nodeId}/indicators`, { cookie: t.a.agency_admin, body: { satuan: "%", kind: "numeric", ...body } });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  const tr = await api(`${base(t.codeA)}/${plan}/indicators/${r.json.id}/targets`, { cookie: t.a.agency_admin, body: { targets: targets.map((x) => ({ ...x, period: 0 })) } });
  expect(tr.status, JSON.stringify(tr.json)).toBe(200);
  return r.json.id as string;
}
async function realisasi(indicatorId: string, year: number, period: number, value: number) {
  await dbOf(t.tA).prepare(
    "INSERT INTO realisasi (id, tenant_id, pd_id, indicator_id, year, period, status, value_text, value_num, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'final', ?, ?, 1, ?)",
  )
    .bind(crypto.randomUUID(), t.tA, t.pdA, indicatorId, year, period, String(value), value, Date.now())
    .run();
}

beforeAll(async () => {
  t = await twoTenants();
  const s = await api(`/tenants/${t.codeA}/settings`, { method: "PATCH", cookie: t.a.tenant_admin, body: { capaianBands: bands, negativePolarityMethod: "T/R" } });
  expect(s.status, JSON.stringify(s.json)).toBe(200);
  plan = (await api(base(t.codeA), { cookie: t.a.agency_admin, body: { kind: "renstra", pdId: t.pdA, name: "Renstra 2021-2025", yearFrom: 2021, yearTo: 2025 } })).json.id;
  planB = (await api(base(t.codeB), { cookie: t.b.tenant_admin, body: { kind: "renstra", pdId: t.pdB, name: "Renstra B", yearFrom: 2021, yearTo: 2025 } })).json.id;
  ids.tujuan = await node({ level: "tujuan", name: "Tujuan" });
  ids.s1 = await node({ level: "sasaran", parentId: ids.tujuan, name: "Sasaran satu" });
  ids.s2 = await node({ level: "sasaran", parentId: ids.tujuan, name: "Sasaran dua" });
  ids.s3 = await node({ level: "sasaran", parentId: ids.tujuan, name: "Sasaran tiga" });
  ids.s4 = await node({ level: "sasaran", parentId: ids.tujuan, name: "Sasaran empat" });
  ids.pos = await indicator(ids.s1, { name: "Indeks kepuasan", polarity: "positive" }, [{ year: 2021, value: "80" }, { year: 2022, value: "85" }]);
  ids.neg = await indicator(ids.s1, { name: "Persentase keluhan", polarity: "negative" }, [{ year: 2021, value: "10" }]);
  ids.sum = await indicator(ids.s2, { name: "Jumlah dokumen", polarity: "positive", satuan: "dokumen", aggregation: "sum" }, [{ year: 2021, value: "50" }]);
  ids.none = await indicator(ids.s3, { name: "Belum diisi", polarity: "positive" }, [{ year: 2021, value: "10" }]);
  ids.pk = await indicator(ids.s4, { name: "Di PK saja", polarity: "positive" }, [{ year: 2021, value: "10" }]);
  // Cumulative: the year is the last triwulan (72); sum: 60 + 40 = 100 of 50 → 200 %, an outlier.
  await realisasi(ids.pos, 2021, 2, 40);
  await realisasi(ids.pos, 2021, 4, 72);
  await realisasi(ids.neg, 2021, 4, 8);
  await realisasi(ids.sum, 2021, 1, 60);
  await realisasi(ids.sum, 2021, 3, 40);
  await realisasi(ids.pos, 2022, 1, 85);
  const pkId = crypto.randomUUID();
  await dbOf(t.tA).batch([
    dbOf(t.tA).prepare("INSERT INTO pk_documents (id, tenant_id, pd_id, year, version, effective_date, status, created_at, updated_at) VALUES (?, ?, ?, 2021, 1, '2021-01-01', 'draft', 0, 0)").bind(pkId, t.tA, t.pdA),
    dbOf(t.tA).prepare("INSERT INTO pk_items (id, tenant_id, pk_id, kind, node_id, node_name, indicator_id, indicator_name, position) VALUES (?, ?, ?, 'indicator', ?, 'Sasaran empat', ?, 'Di PK saja', 0)").bind(
      crypto.randomUUID(),
      t.tA,
      pkId,
      ids.s4,
      ids.pk,
    ),
  ]);
});

describe("capaian per node", () => {
  it("defaults to the latest year with realisasi and lists the years", async () => {
    const r = await api(`${base(t.codeA)}/${plan}/capaian`, { cookie: t.a.viewer });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.year).toBe(2022);
    expect(r.json.years).toEqual([2022, 2021]);
    expect(r.json.bands).toEqual(bands);
    expect(r.json.nodes).toEqual([expect.objectContaining({ nodeId: ids.s1, capaian: 100, predikat: "Istimewa", outlier: false })]);
  });

  it("matches the shared formulas with the tenant's negative method and bands; nodes without realisasi are absent", async () => {
    const r = await api(`${base(t.codeA)}/${plan}/capaian?year=2021`, { cookie: t.a.agency_head });
    expect(r.status).toBe(200);
    const by = new Map(r.json.nodes.map((n: any) => [n.nodeId, n]));
    const pos = capaian({ polarity: "positive", target: 80, realisasi: 72 }).value!;
    const neg = capaian({ polarity: "negative", method: "T/R", target: 10, realisasi: 8 }).value!;
    const s1 = sasaranCapaian([pos, neg])!;
    expect(pos).toBe(90);
    expect(neg).toBe(125);
    expect(by.get(ids.s1)).toMatchObject({ capaian: s1, predikat: predikatCapaian(s1, bands), outlier: false });
    expect((by.get(ids.s1) as any).indicators.map((i: any) => [i.indicatorId, i.capaian])).toEqual(
      expect.arrayContaining([
        [ids.pos, pos],
        [ids.neg, neg],
      ]),
    );
    expect(by.get(ids.s2)).toMatchObject({ capaian: 200, predikat: "Istimewa", outlier: true });
    expect((by.get(ids.s2) as any).indicators[0].flags).toContain("outlier");
    expect(by.has(ids.s3)).toBe(false);
    expect(by.has(ids.tujuan)).toBe(false);
    const empty = await api(`${base(t.codeA)}/${plan}/capaian?year=2024`, { cookie: t.a.viewer });
    expect(empty.json).toMatchObject({ year: 2024, nodes: [] });
  });

  it("bad year 400 with the field; any member may read; other tenant's plan 404; non-member 404", async () => {
    const bad = await api(`${base(t.codeA)}/${plan}/capaian?year=dua`, { cookie: t.a.viewer });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: any) => i.path)).toEqual(["year"]);
    for (const role of ["tenant_admin", "evaluator", "agency_admin", "agency_head", "viewer"] as const) {
      expect((await api(`${base(t.codeA)}/${plan}/capaian`, { cookie: t.a[role] })).status).toBe(200);
    }
    expect((await api(`${base(t.codeA)}/${planB}/capaian`, { cookie: t.a.tenant_admin })).status).toBe(404);
    expect((await api(`${base(t.codeA)}/${plan}/capaian`, { cookie: t.b.tenant_admin })).status).toBe(404);
    expect((await api(`${base(t.codeA)}/${plan}/capaian`)).status).toBe(401);
  });
});

describe("deleting what realisasi or a PK refers to", () => {
  it("refuses an indicator with realisasi (409, naming it) and keeps it", async () => {
    const r = await api(`${base(t.codeA)}/${plan}/indicators/${ids.sum}`, { method: "DELETE", cookie: t.a.agency_admin });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe("conflict");
    expect(r.json.error.message).toContain("2 isian realisasi (tahun 2021)");
    const tree = await api(`${base(t.codeA)}/${plan}`, { cookie: t.a.viewer });
    expect(tree.json.nodes.find((n: any) => n.id === ids.s2).indicators.map((i: any) => i.id)).toEqual([ids.sum]);
  });

  it("refuses a node whose indicators have realisasi or PK rows (409), and still deletes one without", async () => {
    const s1 = await api(`${base(t.codeA)}/${plan}/nodes/${ids.s1}`, { method: "DELETE", cookie: t.a.agency_admin });
    expect(s1.status).toBe(409);
    expect(s1.json.error.message).toContain("4 isian realisasi (tahun 2021, 2022)");
    const s4 = await api(`${base(t.codeA)}/${plan}/nodes/${ids.s4}`, { method: "DELETE", cookie: t.a.agency_admin });
    expect(s4.status).toBe(409);
    expect(s4.json.error.message).toContain("1 baris Perjanjian Kinerja");
    const ind = await api(`${base(t.codeA)}/${plan}/indicators/${ids.pk}`, { method: "DELETE", cookie: t.a.agency_admin });
    expect(ind.status).toBe(409);
    expect(ind.json.error.message).toContain("Perjanjian Kinerja");
    expect((await api(`${base(t.codeA)}/${plan}/nodes/${ids.s3}`, { method: "DELETE", cookie: t.a.agency_admin })).status).toBe(200);
    const tree = await api(`${base(t.codeA)}/${plan}`, { cookie: t.a.viewer });
    expect(tree.json.nodes.map((n: any) => n.id).sort()).toEqual([ids.tujuan, ids.s1, ids.s2, ids.s4].sort());
  });
});
