import { beforeAll, describe, expect, it } from "vitest";
import { api, dbOf, drizzleOf, twoTenants, type World } from "./helpers";
import { ikmFigure } from "../worker/data/ikm";
import { ikm, mutuIkm, tallyAnswers } from "../shared/formulas/ikm";
import { looksAbusive } from "../shared/schemas/ikm";
import { wibDay } from "../shared/format/wib";

let t: World;
let unitA: { id: string; slug: string };
let unitB: { id: string; slug: string };
let periodA: string;

const month = Number(wibDay().slice(5, 7));
const year = Number(wibDay().slice(0, 4));
const currentTriwulan = { kind: "triwulan", year, number: Math.ceil(month / 3) };

let seq = 0;
/** A valid citizen submission; `answers` default to all 3s. */
function submission(over: Record<string, unknown> = {}) {
  seq += 1;
  return {
    idempotencyKey: `key-${seq}-${crypto.randomUUID()}`,
    version: 0,
    answers: [3, 3, 3, 3, 3, 3, 3, 3, 3],
    gender: "P",
    age: 34,
    education: "D4-S1",
    occupation: "SWASTA",
    service: "Legalisir",
    fillMs: 45_000,
    ...over,
  };
}
const submit = (slug: string, body: unknown, ip = "10.0.0.1") =>
  api(`/public/ikm/units/${slug}/responses`, { body, headers: { "cf-connecting-ip": ip } });

async function results(code: string, cookie: string, query = "") {
  return (await api(`/tenants/${code}/ikm/results${query}`, { cookie })).json;
}

beforeAll(async () => {
  t = await twoTenants();
  const a = await api(`/tenants/${t.codeA}/unit-layanan`, { cookie: t.a.tenant_admin, body: { pdId: t.pdA, name: "Loket Pelayanan Terpadu", slug: "loket-a", services: ["Legalisir", "Rekomendasi"], populations: { [year]: 1000 } } });
  expect(a.status).toBe(201);
  unitA = a.json;
  const b = await api(`/tenants/${t.codeB}/unit-layanan`, { cookie: t.b.tenant_admin, body: { pdId: t.pdB, name: "Loket B", slug: "loket-b" } });
  expect(b.status).toBe(201);
  unitB = b.json;
  const p = await api(`/tenants/${t.codeA}/ikm/periods`, { cookie: t.a.tenant_admin, body: currentTriwulan });
  expect(p.status).toBe(201);
  periodA = p.json.id;
  expect((await api(`/tenants/${t.codeB}/ikm/periods`, { cookie: t.b.tenant_admin, body: currentTriwulan })).status).toBe(201);
});

describe("unit layanan", () => {
  it("lists, reads, updates; slugs are unique across tenants", async () => {
    const list = await api(`/tenants/${t.codeA}/unit-layanan`, { cookie: t.a.viewer });
    expect(list.json.items.map((u: any) => u.slug)).toEqual(["loket-a"]);
    const dup = await api(`/tenants/${t.codeA}/unit-layanan`, { cookie: t.a.tenant_admin, body: { pdId: t.pdA, name: "Sama", slug: "loket-b" } });
    expect(dup.status).toBe(409);
    const upd = await api(`/tenants/${t.codeA}/unit-layanan/${unitA.id}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { populations: { [year]: 1000, [year - 1]: 800 } } });
    expect(upd.json.populations).toEqual({ [year]: 1000, [year - 1]: 800 });
  });

  it("rejects bad input (400 with fields) and another tenant's PD", async () => {
    const bad = await api(`/tenants/${t.codeA}/unit-layanan`, { cookie: t.a.tenant_admin, body: { pdId: "", name: "X", slug: "Bad Slug!" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: any) => i.path).sort()).toEqual(["name", "pdId", "slug"]);
    const foreignPd = await api(`/tenants/${t.codeA}/unit-layanan`, { cookie: t.a.tenant_admin, body: { pdId: t.pdB, name: "Curang", slug: "curang" } });
    expect(foreignPd.status).toBe(400);
  });

  it("PD operators manage their own PD's units only; viewers none (403)", async () => {
    const own = await api(`/tenants/${t.codeA}/unit-layanan`, { cookie: t.a.agency_admin, body: { pdId: t.pdA, name: "Loket Operator", slug: "loket-operator", published: false } });
    expect(own.status).toBe(201);
    expect((await api(`/tenants/${t.codeA}/unit-layanan`, { cookie: t.a.viewer, body: { pdId: t.pdA, name: "Tidak Boleh", slug: "tidak-boleh" } })).status).toBe(403);
    expect((await api(`/tenants/${t.codeA}/unit-layanan/${unitA.id}`, { method: "PATCH", cookie: t.a.evaluator, body: { name: "Tidak Boleh" } })).status).toBe(403);
  });

  it("another tenant's unit answers 404", async () => {
    expect((await api(`/tenants/${t.codeA}/unit-layanan/${unitB.id}`, { cookie: t.a.tenant_admin })).status).toBe(404);
    expect((await api(`/tenants/${t.codeA}/unit-layanan/${unitB.id}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { name: "Diambil" } })).status).toBe(404);
    expect((await api(`/tenants/${t.codeA}/ikm/results/units/${unitB.id}`, { cookie: t.a.tenant_admin })).status).toBe(404);
  });
});

describe("citizen intake", () => {
  it("serves the form without a session", async () => {
    const r = await api(`/public/ikm/units/loket-a`);
    expect(r.status).toBe(200);
    expect(r.json.survey.unsur).toHaveLength(9);
    expect(r.json.unit).toMatchObject({ name: "Loket Pelayanan Terpadu", tenantCode: t.codeA, services: ["Legalisir", "Rekomendasi"] });
    expect(r.json.period.label).toMatch(/^Triwulan/);
    expect((await api(`/public/ikm/units/tidak-ada`)).status).toBe(404);
  });

  it("stores a response once, even when retried with the same key", async () => {
    const body = submission({ saran: "Antrean perlu nomor" });
    const first = await submit("loket-a", body);
    expect(first.status).toBe(201);
    const again = await submit("loket-a", body);
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ status: "duplicate", receipt: first.json.receipt });
    expect((await results(t.codeA, t.a.viewer)).units.find((u: any) => u.id === unitA.id).summary.responses).toBe(1);
  });

  it("answers each bad payload with a 4xx the citizen can read, storing nothing", async () => {
    const before = (await results(t.codeA, t.a.viewer)).tenant.responses;
    const cases: [unknown, number, string][] = [
      [submission({ answers: [3, 3, 3, 3, 5, 3, 3, 3, 3] }), 400, "answers.4"],
      [submission({ answers: [3, 3, 3, 3, 3, 3, 3, 3] }), 400, "answers"],
      [submission({ saran: "x".repeat(1001) }), 400, "saran"],
      [submission({ gender: undefined }), 400, "gender"],
      [submission({ service: "Bukan layanan unit ini" }), 400, "service"],
      [submission({ fillMs: 500 }), 400, ""],
      [submission({ website: "http://spam.example" }), 400, ""],
      [submission({ version: 99 }), 409, ""],
    ];
    for (const [body, status, path] of cases) {
      const r = await submit("loket-a", body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(r.json.error.message).toMatch(/\w/);
      if (path) expect(r.json.error.issues.map((i: any) => i.path)).toContain(path);
    }
    expect((await submit("tidak-ada", submission())).status).toBe(404);
    expect((await api(`/public/ikm/units/loket-a/responses`, { rawBody: "{not json" })).status).toBe(400);
    expect((await results(t.codeA, t.a.viewer)).tenant.responses).toBe(before);
  });

  it("200 parallel submissions: tallies equal the raw count, and a recount finds no difference", async () => {
    const before = (await results(t.codeA, t.a.viewer)).tenant.responses;
    const bodies = Array.from({ length: 200 }, (_, i) => submission({ answers: Array.from({ length: 9 }, (_, u) => ((i + u) % 4) + 1), age: 18 + (i % 50) }));
    const answers = await Promise.all(bodies.map((b, i) => submit("loket-a", b, `10.1.${i % 250}.${i}`)));
    expect(answers.map((r) => r.status)).toEqual(bodies.map(() => 201));
    const raw = await dbOf(t.tA).prepare("SELECT count(*) AS n FROM ikm_responses WHERE unit_id = ?").bind(unitA.id).first<{ n: number }>();
    const res = await results(t.codeA, t.a.viewer);
    const unit = res.units.find((u: any) => u.id === unitA.id);
    expect(unit.summary.responses).toBe(before + 200);
    expect(unit.summary.responses).toBe(raw!.n);
    const rc = await api(`/tenants/${t.codeA}/ikm/periods/${periodA}/recount`, { method: "POST", cookie: t.a.tenant_admin });
    expect(rc.json).toMatchObject({ responses: raw!.n, differences: [], respondentsDiffered: false, repaired: false });
  }, 60_000);

  it("the recount repairs tallies that drifted from the raw rows", async () => {
    await dbOf(t.tA).prepare("UPDATE ikm_tallies SET n4 = n4 + 5 WHERE unit_id = ? AND unsur = 2").bind(unitA.id).run();
    const rc = await api(`/tenants/${t.codeA}/ikm/periods/${periodA}/recount`, { method: "POST", cookie: t.a.tenant_admin });
    expect(rc.json.differences).toHaveLength(1);
    expect(rc.json.differences[0]).toMatchObject({ unitId: unitA.id, unsur: "U2" });
    expect(rc.json.repaired).toBe(true);
    const again = await api(`/tenants/${t.codeA}/ikm/periods/${periodA}/recount`, { method: "POST", cookie: t.a.tenant_admin });
    expect(again.json.differences).toEqual([]);
    expect((await api(`/tenants/${t.codeA}/ikm/periods/${periodA}/recount`, { method: "POST", cookie: t.a.viewer })).status).toBe(403);
  });

  it("a unit slug of tenant A cannot post into tenant B, whatever the body names", async () => {
    const bBefore = (await results(t.codeB, t.b.viewer)).tenant.responses;
    const r = await submit("loket-a", { ...submission(), tenantId: t.tB, tenantCode: t.codeB, unitId: unitB.id, slug: "loket-b", periodId: "x" });
    expect(r.status).toBe(201);
    expect((await results(t.codeB, t.b.viewer)).tenant.responses).toBe(bBefore);
    const stored = await dbOf(t.tA).prepare("SELECT tenant_id AS tenantId, unit_id AS unitId FROM ikm_responses WHERE idempotency_key LIKE ? ORDER BY submitted_at DESC LIMIT 1")
      .bind(`key-${seq}-%`)
      .first();
    expect(stored).toEqual({ tenantId: t.tA, unitId: unitA.id });
  });

  it("a closed period refuses responses (409), reopening accepts them", async () => {
    expect((await api(`/tenants/${t.codeB}/ikm/periods`, { cookie: t.b.viewer })).json.items).toHaveLength(1);
    const periodB = (await api(`/tenants/${t.codeB}/ikm/periods`, { cookie: t.b.viewer })).json.items[0].id;
    expect((await api(`/tenants/${t.codeB}/ikm/periods/${periodB}`, { method: "PATCH", cookie: t.b.tenant_admin, body: { status: "closed" } })).status).toBe(200);
    const closed = await submit("loket-b", submission());
    expect(closed.status).toBe(409);
    expect(closed.json.error.message).toMatch(/ditutup/);
    await api(`/tenants/${t.codeB}/ikm/periods/${periodB}`, { method: "PATCH", cookie: t.b.tenant_admin, body: { status: "open" } });
    expect((await submit("loket-b", submission({ service: "Apa saja" }))).status).toBe(201);
  });

  it("one response per device per day when the unit asks for it", async () => {
    await api(`/tenants/${t.codeB}/unit-layanan/${unitB.id}`, { method: "PATCH", cookie: t.b.tenant_admin, body: { onePerDevice: true } });
    expect((await submit("loket-b", submission({ deviceId: "device-123456" }))).status).toBe(201);
    const second = await submit("loket-b", submission({ deviceId: "device-123456" }));
    expect(second.status).toBe(409);
    expect((await submit("loket-b", submission())).status).toBe(400);
    await api(`/tenants/${t.codeB}/unit-layanan/${unitB.id}`, { method: "PATCH", cookie: t.b.tenant_admin, body: { onePerDevice: false } });
  });

  it("limits submissions per IP and unit (429 with Retry-After)", async () => {
    expect((await submit("loket-b", submission({ service: "Apa saja" }), "10.9.9.9")).status).toBe(201);
    // The rest of this IP's window for the unit (the counters live in the tenant's intake batcher, worker/intake/batcher.ts).
    const rest = await Promise.all(Array.from({ length: 59 }, () => submit("loket-b", submission({ service: "Apa saja" }), "10.9.9.9")));
    expect(rest.map((r) => r.status)).toEqual(Array(59).fill(201));
    const limited = await submit("loket-b", submission({ service: "Apa saja" }), "10.9.9.9");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await submit("loket-b", submission({ service: "Apa saja" }), "10.9.9.10")).status).toBe(201);
  });
});

describe("periods and survey versions", () => {
  it("periods may not overlap; only admins open them", async () => {
    const clash = await api(`/tenants/${t.codeA}/ikm/periods`, { cookie: t.a.tenant_admin, body: { kind: "tahun", year } });
    expect(clash.status).toBe(409);
    expect((await api(`/tenants/${t.codeA}/ikm/periods`, { cookie: t.a.tenant_admin, body: { kind: "semester", year, number: 3 } })).status).toBe(400);
    expect((await api(`/tenants/${t.codeA}/ikm/periods`, { cookie: t.a.agency_admin, body: { kind: "tahun", year: 2030 } })).status).toBe(403);
  });

  it("a new wording is a new version; responses record the version they answered", async () => {
    const def = (await api(`/tenants/${t.codeA}/ikm/survey`, { cookie: t.a.viewer })).json;
    expect(def.version).toBe(0);
    const next = { ...def.definition, extraQuestions: [{ id: "antre", question: "Berapa lama Anda mengantre?", options: ["< 15 menit", "≥ 15 menit"] }] };
    const saved = await api(`/tenants/${t.codeA}/ikm/survey`, { cookie: t.a.tenant_admin, body: next });
    expect(saved.status).toBe(201);
    expect(saved.json.version).toBe(1);
    expect((await api(`/public/ikm/units/loket-a`)).json.survey).toMatchObject({ version: 1, extraQuestions: [{ id: "antre" }] });
    expect((await submit("loket-a", submission({ version: 1, extra: { antre: "< 15 menit" } }))).status).toBe(201);
    expect((await submit("loket-a", submission({ version: 1, extra: { antre: "sejam" } }))).status).toBe(400);
    // A device that loaded version 0 before the change still sends it.
    expect((await submit("loket-a", submission({ version: 0 }))).status).toBe(201);
    expect((await api(`/tenants/${t.codeA}/ikm/survey`, { cookie: t.a.viewer, body: next })).status).toBe(403);
    const bad = await api(`/tenants/${t.codeA}/ikm/survey`, { cookie: t.a.tenant_admin, body: { unsur: def.definition.unsur.slice(0, 8) } });
    expect(bad.status).toBe(400);
  });
});

describe("results, figures and exports", () => {
  it("computes NRR, IKM and mutu from tallies exactly as the shared formulas do", async () => {
    const res = await results(t.codeA, t.a.viewer);
    const rows = (await dbOf(t.tA).prepare("SELECT answers FROM ikm_responses WHERE unit_id = ?").bind(unitA.id).all<{ answers: string }>()).results;
    const expected = ikm(tallyAnswers(rows.map((r) => [...r.answers].map(Number))))!;
    const unit = res.units.find((u: any) => u.id === unitA.id);
    expect(unit.summary.ikm).toBeCloseTo(expected, 10);
    expect(unit.summary.mutu).toEqual(mutuIkm(expected));
    expect(unit.sample).toEqual({ population: 1000, krejcieMorgan: 278, slovin: 286, adequate: false });
    expect(res.pds.find((p: any) => p.pdId === t.pdA).summary.ikm).toBeCloseTo(expected, 10);
    expect(res.units.some((u: any) => u.id === unitB.id)).toBe(false);
    expect(res.trend).toEqual([expect.objectContaining({ periodId: periodA, responses: res.tenant.responses })]);
    expect(res.respondents.gender.reduce((a: number, g: any) => a + g.n, 0)).toBe(res.tenant.responses);
  });

  it("shows a unit's unsur, respondents and trend", async () => {
    const r = await api(`/tenants/${t.codeA}/ikm/results/units/${unitA.id}?periodId=${periodA}`, { cookie: t.a.viewer });
    expect(r.status).toBe(200);
    expect(r.json.unsur).toHaveLength(9);
    expect(r.json.respondents.gender).toEqual([{ value: "P", n: r.json.summary.responses }]);
    expect(r.json.trend).toHaveLength(1);
    expect(r.json.summary.weakest).toMatch(/^U\d$/);
  });

  it("uses the legacy weight 0,111 when the tenant chooses it", async () => {
    const exact = (await results(t.codeA, t.a.viewer)).tenant.ikm;
    await api(`/tenants/${t.codeA}/settings`, { method: "PATCH", cookie: t.a.tenant_admin, body: { ikmWeightMode: "legacy_0_111" } });
    const legacy = (await results(t.codeA, t.a.viewer)).tenant.ikm;
    expect(legacy).toBeCloseTo((exact * 0.111 * 9), 10);
    await api(`/tenants/${t.codeA}/settings`, { method: "PATCH", cookie: t.a.tenant_admin, body: { ikmWeightMode: "exact" } });
  });

  it("provides the PD's IKM to the ranking tables, absent without responses", async () => {
    const db = drizzleOf(t.tA);
    const figures = await ikmFigure(db, t.tA, year);
    expect(figures.get(t.pdA)).toBeCloseTo((await results(t.codeA, t.a.viewer)).tenant.ikm, 10);
    expect((await ikmFigure(db, t.tA, year - 5)).size).toBe(0);
  });

  it("lists saran and lets moderators hide them", async () => {
    const list = await api(`/tenants/${t.codeA}/ikm/saran`, { cookie: t.a.viewer });
    expect(list.json.items.map((s: any) => s.saran)).toContain("Antrean perlu nomor");
    const id = list.json.items[0].id;
    expect((await api(`/tenants/${t.codeA}/ikm/saran/${id}`, { method: "PATCH", cookie: t.a.viewer, body: { hidden: true } })).status).toBe(403);
    expect((await api(`/tenants/${t.codeA}/ikm/saran/${id}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { hidden: true } })).json).toEqual({ id, hidden: true });
    expect((await api(`/tenants/${t.codeB}/ikm/saran/${id}`, { method: "PATCH", cookie: t.b.tenant_admin, body: { hidden: false } })).status).toBe(404);
  });

  it("stores an abusive saran hidden; its answers still count", async () => {
    expect(looksAbusive("Petugasnya g0bl0k semua")).toBe(true);
    expect(looksAbusive("Pelayanan santai dan ramah, terima kasih")).toBe(false);
    expect((await submit("loket-a", submission({ saran: "Dasar BANGSAT, lama sekali!" }))).status).toBe(201);
    const list = await api(`/tenants/${t.codeA}/ikm/saran`, { cookie: t.a.viewer });
    expect(list.json.items.find((s: any) => s.saran.startsWith("Dasar"))).toMatchObject({ hidden: true });
  });

  it("exports raw responses (CSV, XLSX) and the official report", async () => {
    const csv = await api(`/tenants/${t.codeA}/ikm/export/responses?periodId=${periodA}`, { cookie: t.a.viewer });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = String(csv.json).trim().split("\r\n");
    const raw = await dbOf(t.tA).prepare("SELECT count(*) AS n FROM ikm_responses WHERE tenant_id = ?").bind(t.tA).first<{ n: number }>();
    expect(lines).toHaveLength(raw!.n + 1);
    const xlsx = await api(`/tenants/${t.codeA}/ikm/export/responses?format=xlsx&unitId=${unitA.id}`, { cookie: t.a.viewer });
    expect(xlsx.headers.get("content-type")).toMatch(/spreadsheetml/);
    const report = await api(`/tenants/${t.codeA}/ikm/export/report`, { cookie: t.a.viewer });
    expect(String(report.json)).toContain("Loket Pelayanan Terpadu");
    expect(String(report.json)).not.toContain("Loket B");
  });
});

describe("public board", () => {
  it("shows only the tenant's published units, with counts", async () => {
    const a = await api(`/public/ikm/boards/${t.codeA}`);
    expect(a.status).toBe(200);
    expect(a.json.units.map((u: any) => u.slug)).toEqual(["loket-a"]);
    expect(a.json.units[0].responses).toBe((await results(t.codeA, t.a.viewer)).units.find((u: any) => u.id === unitA.id).summary.responses);
    const b = await api(`/public/ikm/boards/${t.codeB}`);
    expect(b.json.units.map((u: any) => u.slug)).toEqual(["loket-b"]);
    expect((await api(`/public/ikm/boards/99`)).status).toBe(404);
  });

  it("renders a QR code of the public link", async () => {
    const r = await api(`/public/ikm/units/loket-a/qr.svg`);
    expect(r.headers.get("content-type")).toMatch(/image\/svg\+xml/);
    expect(String(r.json)).toContain("<svg");
  });
});
