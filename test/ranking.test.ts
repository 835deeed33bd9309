import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import golden from "../../shared/fixtures/golden.json";
import kaltimCsv from "../scripts/demo/files/kaltim-nilai-sakip.csv?raw";
import { api, dbOf, grant, login, seedPd, seedTenant, seedUser } from "./helpers";
import { enrolTotp } from "./security-helpers";

/** A tenant with its admin signed in; kabupaten get `parent` as provinsi. */
async function pemda(code: string, parent?: string) {
  const id = await seedTenant(code);
  if (parent) await env.DB.prepare("UPDATE tenants SET parent_id = ? WHERE id = ?").bind(parent, id).run();
  const userId = await seedUser(`admin@${code}.test`);
  await grant(userId, id, "tenant_admin");
  return { id, code, admin: await login(`admin@${code}.test`) };
}

const csv = (...lines: string[]) => lines.join("\r\n");
const importFile = (code: string, cookie: string, body: string, step: "dry-run" | "commit") =>
  api(`/tenants/${code}/imports/sakip_history/${step}`, { method: "POST", cookie, rawBody: body, headers: { "content-type": "text/csv" } });

describe("historic import through the import pipeline (seed 002: 37 PD, share ≥ B 28 of 37)", () => {
  let kaltim: Awaited<ReturnType<typeof pemda>>;
  beforeAll(async () => {
    kaltim = await pemda("62");
    const names = kaltimCsv.split(/\r?\n/).slice(1).filter(Boolean).map((l) => (l.startsWith("2021;;\"") ? l.split('"')[1]! : l.split(";")[2]!));
    let n = 0;
    for (const name of new Set(names)) await seedPd(kaltim.id, `1.${String(++n).padStart(2, "0")}`, name.replace(/\s*\(UKM\);$/, ""));
  });

  it("dry run reports every row and flags the seed's disagreements without writing", async () => {
    const r = await importFile("62", kaltim.admin, kaltimCsv, "dry-run");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ rows: 39, errors: 0, canCommit: true, summary: { create: 39, update: 0, unchanged: 0 } });
    // Seed 002 Tabel 3.1: the 2019 components add up to 67,23, the sheet says 67,21.
    expect(r.json.issues).toEqual([expect.objectContaining({ row: 2, column: "Nilai", severity: "warning", message: "Jumlah komponen 67,23 berbeda dengan nilai tertulis 67,21" })]);
    expect((await dbOf(kaltim.id).prepare("SELECT count(*) AS n FROM lke_evaluations WHERE tenant_id = ?").bind(kaltim.id).first<{ n: number }>())?.n).toBe(0);
  });

  it("a wrong predikat, an unknown PD and a component of another sheet are reported; errors block the commit", async () => {
    const body = csv(
      "Tahun;Perangkat Daerah;Evaluasi;Capaian Kinerja;Nilai;Predikat",
      "2022;Inspektorat;;;70,00;BB/Sangat Baik",
      "2022;Dinas Tidak Ada;;;65;B",
      "2022;Dinas Sosial;;10;;",
      "2022;Dinas Kesehatan;;;80,01;A/Sangat Baik",
    );
    const r = await importFile("62", kaltim.admin, body, "dry-run");
    expect(r.json.canCommit).toBe(false);
    const messages = r.json.issues.map((i: any) => `${i.row}|${i.severity}|${i.message}`);
    expect(messages).toContain("2|warning|Tertulis BB, menurut batas nilai 70,00 adalah B; dipakai B");
    expect(messages.some((m: string) => m.startsWith("3|error|Perangkat daerah \"Dinas Tidak Ada\""))).toBe(true);
    expect(messages.some((m: string) => m.startsWith("4|error|Komponen ini tidak ada di LKE 2022"))).toBe(true);
    expect(messages).toContain('5|warning|Interpretasi "Sangat Baik" berbeda dengan A = Memuaskan');
    const commit = await importFile("62", kaltim.admin, body, "commit");
    expect(commit.status).toBe(400);
  });

  it("commits, and the ranking shows 28 of 37 at or above B (75,68 %), average 66,47", async () => {
    const r = await importFile("62", kaltim.admin, kaltimCsv, "commit");
    expect(r.status).toBe(200);
    expect(r.json.done).toBe(true);
    const ranking = await api("/tenants/62/ranking?year=2021", { cookie: kaltim.admin });
    expect(ranking.json.summary).toMatchObject({ evaluated: 37, atLeastB: 28 });
    expect(ranking.json.summary.shareAtLeastB).toBeCloseTo(75.68, 2);
    expect(ranking.json.summary.average).toBeCloseTo(66.47, 2);
    expect(ranking.json.summary.counts).toMatchObject({ BB: 18, B: 10, CC: 9 });
    const first = ranking.json.rows.find((row: any) => row.ranks.sakip === 1);
    expect(first.pd.name).toBe("Inspektorat");
    const setda = ranking.json.rows.find((row: any) => row.pd.name === "Sekretariat Daerah");
    expect(setda.previous.sakip).toBeCloseTo(59.14, 9);
    expect(ranking.json.trend.map((p: any) => p.year)).toEqual([2019, 2020, 2021]);

    const again = await importFile("62", kaltim.admin, kaltimCsv, "dry-run");
    expect(again.json.summary).toEqual({ create: 0, update: 0, unchanged: 39 });
    const detail = await api(`/tenants/62/evaluations/${setda.evaluation.id}`, { cookie: kaltim.admin });
    expect(detail.json).toMatchObject({ source: "import", status: "final", predikat: "CC" });
  });
});

describe("ranking with ties and missing values (golden ranking_ties)", () => {
  it("ties share a rank, a PD without a value has none", async () => {
    const k = await pemda("63");
    for (const [i, v] of golden.ranking_ties.values.entries()) await seedPd(k.id, `1.0${i + 1}`, `Dinas ${v.pd}`);
    const rows = golden.ranking_ties.values.filter((v) => v.nilai !== null).map((v) => `2021;Dinas ${v.pd};${String(v.nilai).replace(".", ",")}`);
    expect((await importFile("63", k.admin, csv("Tahun;Perangkat Daerah;Nilai", ...rows), "commit")).status).toBe(200);
    const r = await api("/tenants/63/ranking?year=2021", { cookie: k.admin });
    const ranks = Object.fromEntries(r.json.rows.map((row: any) => [row.pd.name.replace("Dinas ", ""), row.ranks.sakip]));
    expect(ranks).toEqual(golden.ranking_ties.ranks);
    const e = r.json.rows.find((row: any) => row.pd.name === "Dinas E");
    expect(e.values.sakip).toBeNull();
    expect(e.composite).toEqual({ value: null, partial: e.composite.partial });
    expect(r.json.summary.evaluated).toBe(4);
  });
});

describe("across pemda: only opted-in kabupaten/kota, only published aggregates", () => {
  let prov: Awaited<ReturnType<typeof pemda>>;
  let kab1: Awaited<ReturnType<typeof pemda>>;
  let kab2: Awaited<ReturnType<typeof pemda>>;
  let other: Awaited<ReturnType<typeof pemda>>;
  let operator: string;
  const table = async () => (await api(`/tenants/${prov.code}/ranking/kabupaten-kota?year=2021`, { cookie: prov.admin })).json.rows.map((r: any) => r.code);
  const optIn = (t: { code: string; admin: string }, body: Record<string, boolean>) =>
    api(`/tenants/${t.code}/settings`, { method: "PATCH", cookie: t.admin, body });

  beforeAll(async () => {
    prov = await pemda("36");
    kab1 = await pemda("36.01", prov.id);
    kab2 = await pemda("36.02", prov.id);
    other = await pemda("37.01");
    for (const k of [kab1, kab2, other]) {
      await seedPd(k.id, "1.01", "Inspektorat");
      await seedPd(k.id, "1.02", "Dinas Kesehatan");
      const body = csv("Tahun;Perangkat Daerah;Nilai", "2020;Inspektorat;60,50", "2021;Inspektorat;72,40", "2021;Dinas Kesehatan;58,10");
      expect((await importFile(k.code, k.admin, body, "commit")).status).toBe(200);
      for (const year of [2020, 2021]) expect((await api(`/tenants/${k.code}/ranking/publish`, { cookie: k.admin, body: { year } })).status).toBe(200);
    }
    await seedUser("operator@platform.test", { platform: true });
    operator = await login("operator@platform.test");
    // Platform operators must use two-step sign-in before reaching /platform.
    await enrolTotp(operator);
  });

  it("a kabupaten that did not opt in is absent, and asking for it directly is 404", async () => {
    expect(await table()).toEqual([]);
    expect((await api(`/tenants/36/ranking/kabupaten-kota/36.01`, { cookie: prov.admin })).status).toBe(404);
  });

  it("after opting in, the provinsi sees its aggregates (mean nilai, predikat, share ≥ B, previous year)", async () => {
    expect((await optIn(kab1, { shareWithProvinsi: true })).status).toBe(200);
    expect(await table()).toEqual(["36.01"]);
    const r = await api(`/tenants/36/ranking/kabupaten-kota?year=2021`, { cookie: prov.admin });
    const row = r.json.rows[0];
    expect(row.values.sakip).toBeCloseTo((72.4 + 58.1) / 2, 9);
    expect(row).toMatchObject({ predikat: "B", pdCount: 2, ranks: { sakip: 1 } });
    expect(row.values.sakipShareB).toBeCloseTo(50, 9);
    expect(row.previous.sakip).toBeCloseTo(60.5, 9);
    expect(row.values.ikm).toBeNull();
    // Only aggregates cross: no PD names or ids in the answer.
    expect(JSON.stringify(r.json)).not.toContain("Inspektorat");

    const history = await api(`/tenants/36/ranking/kabupaten-kota/36.01`, { cookie: prov.admin });
    expect(history.status).toBe(200);
    expect(history.json.years.map((y: any) => y.year)).toEqual([2020, 2021]);
    expect((await api(`/tenants/36/ranking/kabupaten-kota/36.02`, { cookie: prov.admin })).status).toBe(404);
  });

  it("another provinsi's kabupaten never appears, even when it opted in", async () => {
    expect((await optIn(other, { shareWithProvinsi: true })).status).toBe(200);
    expect(await table()).toEqual(["36.01"]);
    expect((await api(`/tenants/36/ranking/kabupaten-kota/37.01`, { cookie: prov.admin })).status).toBe(404);
  });

  it("opting out removes it again", async () => {
    await optIn(kab2, { shareWithProvinsi: true });
    expect((await table()).sort()).toEqual(["36.01", "36.02"]);
    await optIn(kab1, { shareWithProvinsi: false });
    expect(await table()).toEqual(["36.02"]);
    expect((await api(`/tenants/36/ranking/kabupaten-kota/36.01`, { cookie: prov.admin })).status).toBe(404);
  });

  it("is a provinsi's member-only view: a kabupaten, a non-member and the anonymous get 404/401", async () => {
    expect((await api(`/tenants/36.01/ranking/kabupaten-kota`, { cookie: kab1.admin })).status).toBe(404);
    expect((await api(`/tenants/36.01/ranking/kabupaten-kota/36.02`, { cookie: kab1.admin })).status).toBe(404);
    expect((await api(`/tenants/36/ranking/kabupaten-kota`, { cookie: kab2.admin })).status).toBe(404);
    expect((await api(`/tenants/36/ranking/kabupaten-kota`)).status).toBe(401);
  });

  it("the national table lists only pemda that opted in to public comparison (platform operators only)", async () => {
    const before = await api("/platform/ranking?year=2021", { cookie: operator });
    expect(before.status).toBe(200);
    expect(before.json.rows.map((r: any) => r.code)).not.toContain("36.01");
    await optIn(kab1, { shareNationally: true });
    const after = await api("/platform/ranking?year=2021", { cookie: operator });
    expect(after.json.rows.map((r: any) => r.code)).toContain("36.01");
    expect(after.json.rows.map((r: any) => r.code)).not.toContain("36.02");
    expect((await api("/platform/ranking", { cookie: kab1.admin })).status).toBe(403);
    const bad = await api("/platform/ranking?year=20x", { cookie: operator });
    expect(bad.status).toBe(400);
  });
});
