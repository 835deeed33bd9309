import { beforeAll, describe, expect, it } from "vitest";
import { api, dbOf, seedPd, twoTenants, type World } from "./helpers";
import sipdCsv from "../scripts/demo/files/kaltim-sipd-realisasi-2022.csv?raw";

// The SIPD export of program/kegiatan/sub kegiatan with pagu and realisasi (issue 12) through the shared pipeline.
let t: World;
let pd: string;
let planId: string;
let sasaranId: string;
const HEADER = "Tahun,Kode SKPD,Kode,Nama,Sasaran,Jenis Belanja,Pagu Murni,Pagu Perubahan,Realisasi TW I,Realisasi TW II,Realisasi TW III,Realisasi TW IV";
const send = (step: "dry-run" | "commit", file: string, cookie = t.a.tenant_admin) =>
  api(`/tenants/${t.codeA}/imports/sipd/${step}${step === "commit" ? "?chunk=0" : ""}`, { rawBody: file, headers: { "content-type": "text/csv" }, cookie });
async function importFile(file: string) {
  const dry = await send("dry-run", file);
  expect(dry.json.canCommit, JSON.stringify(dry.json.issues?.slice(0, 5))).toBe(true);
  const done = await send("commit", file);
  expect(done.status, JSON.stringify(done.json)).toBe(200);
  return dry.json;
}
const lines = async () =>
  (await dbOf(t.tA).prepare("SELECT code, level, name, jenis, pagu_murni, pagu_perubahan, realisasi_tw1, realisasi_tw4, sasaran_id, version FROM budget_lines WHERE tenant_id = ? ORDER BY code, jenis").bind(t.tA).all<any>()).results;
const nodes = async () => (await api(`/tenants/${t.codeA}/plans/${planId}`, { cookie: t.a.viewer })).json.nodes as any[];

beforeAll(async () => {
  t = await twoTenants();
  pd = await seedPd(t.tA, "4.01.07", "Biro Organisasi");
  const call = async (path: string, body: unknown) => (await api(`/tenants/${t.codeA}${path}`, { body, cookie: t.a.tenant_admin })).json;
  planId = (await call("/plans", { kind: "renstra", pdId: pd, name: "P-Renstra Biro Organisasi 2019-2023", yearFrom: 2019, yearTo: 2023 })).id;
  const tujuan = (await call(`/plans/${planId}/nodes`, { level: "tujuan", name: "Terwujudnya birokrasi yang efektif dan efisien" })).id;
  sasaranId = (await call(`/plans/${planId}/nodes`, { level: "sasaran", parentId: tujuan, code: "S.1", name: "Meningkatnya kualitas kebijakan pelayanan publik" })).id;
  await call(`/plans/${planId}/nodes`, { level: "program", parentId: sasaranId, code: "4.01.05", name: "Program Penataan Organisasi" });
});

describe("SIPD import", () => {
  it("imports the sample file: kegiatan added under the program read from the code, budget lines on the detail rows only", async () => {
    const report = await importFile(sipdCsv);
    expect(report).toMatchObject({ rows: 3, errors: 0, warnings: 0, summary: { create: 2, update: 0, unchanged: 1 } });
    const tree = await nodes();
    const program = tree.find((n) => n.code === "4.01.05");
    expect(tree.filter((n) => n.level === "kegiatan").map((n) => [n.code, n.parentId])).toEqual([
      ["4.01.05.2.01", program.id],
      ["4.01.05.2.02", program.id],
    ]);
    expect(await lines()).toEqual([
      expect.objectContaining({ code: "4.01.05.2.01", level: "kegiatan", jenis: "operasi", pagu_murni: 3_412_000_000, pagu_perubahan: 3_301_500_000, realisasi_tw1: 402_150_000, realisasi_tw4: 1_080_210_000, sasaran_id: sasaranId, version: 1 }),
      expect.objectContaining({ code: "4.01.05.2.02", pagu_murni: 1_100_000_000, pagu_perubahan: 1_089_000_000, sasaran_id: sasaranId }),
    ]);
    const anggaran = (await api(`/tenants/${t.codeA}/anggaran?pdId=${pd}&year=2022`, { cookie: t.a.viewer })).json;
    expect(anggaran.total).toMatchObject({ pagu: 4_390_500_000, realisasi: 4_268_410_000 });
  });

  it("re-importing the sample file or its own export changes nothing", async () => {
    const before = await lines();
    expect((await importFile(sipdCsv)).summary).toEqual({ create: 0, update: 0, unchanged: 3 });
    const exported = await api(`/tenants/${t.codeA}/exports/sipd?format=csv`, { cookie: t.a.tenant_admin });
    expect(exported.status).toBe(200);
    expect((exported.json as string).split("\n")[0]).toContain(HEADER);
    expect((await importFile((exported.json as string))).summary).toEqual({ create: 0, update: 0, unchanged: 2 });
    expect(await lines()).toEqual(before);
  });

  it("a changed realisasi updates the line; a new program goes under the named sasaran with its sub kegiatan", async () => {
    const file = [
      HEADER,
      "2022,4.01.07,4.01.05.2.02,Fasilitasi Kelembagaan dan Analisis Jabatan,,,1.100.000.000,1.089.000.000,160.200.000,255.000.000,301.750.000,400.000.000",
      "2022,4.01.07,4.01.06,Program Pelayanan Publik,S.1,,,,,,,",
      "2022,4.01.07,4.01.06.2.01,Fasilitasi Pelayanan Publik,,,,,,,,",
      "2022,4.01.07,4.01.06.2.01.0001,Penyusunan Standar Pelayanan,,Belanja Modal,80.000.000,,10.000.000,,,",
      "2023,4.01.07,4.01.06.2.01.0001,Penyusunan Standar Pelayanan,,Belanja Modal,90.000.000,,,,,",
    ].join("\n");
    const report = await importFile(file);
    expect(report.summary).toEqual({ create: 4, update: 1, unchanged: 0 });
    const tree = await nodes();
    const program = tree.find((n) => n.code === "4.01.06");
    expect(program).toMatchObject({ level: "program", parentId: sasaranId });
    expect(tree.find((n) => n.code === "4.01.06.2.01.0001")).toMatchObject({ level: "sub_kegiatan", parentId: tree.find((n) => n.code === "4.01.06.2.01").id });
    const all = await lines();
    expect(all.find((l) => l.code === "4.01.05.2.02")).toMatchObject({ realisasi_tw4: 400_000_000, version: 2 });
    expect(all.filter((l) => l.code === "4.01.06.2.01.0001").map((l) => [l.jenis, l.pagu_murni, l.sasaran_id])).toEqual([
      ["modal", 80_000_000, sasaranId],
      ["modal", 90_000_000, sasaranId],
    ]);
  });

  it("reports malformed files per row and column, and writes nothing", async () => {
    const before = await lines();
    const unreadable = [
      HEADER,
      "2022,4.01.07,4.01,Kode dua bagian,,,1.000,,,,,",
      "2022,4.01.07,4.01.05.2.01,Fasilitasi,,Belanja Pegawai,\"Rp 1,5 juta\",,,,,",
      "dua ribu,4.01.07,4.01.05.2.02,Fasilitasi Kelembagaan,,,-5,,,,,",
    ].join("\n");
    const r = await send("dry-run", unreadable);
    expect(r.status).toBe(200);
    expect(r.json.canCommit).toBe(false);
    expect(r.json.issues.map((i: any) => `${i.row}:${i.column}`)).toEqual(["2:Kode", "3:Jenis Belanja", "3:Pagu Murni", "4:Tahun", "4:Pagu Murni"]);
    expect((await send("commit", unreadable)).status).toBe(400);

    const unfit = [
      HEADER,
      "2022,9.99,4.01.05.2.01,Tidak terdaftar,,,1,,,,,",
      "2030,4.01.07,4.01.05.2.01,Di luar periode,,,1,,,,,",
      "2022,4.01.07,4.01.09,Program tanpa sasaran,,,1,,,,,",
      "2022,4.01.07,4.01.09.2.01.0001,Sub kegiatan tanpa induk,,,1,,,,,",
      "2022,4.01.07,4.01.05.2.01,Tanpa pagu,,,,,,,,",
      "2022,4.01.07,4.01.05.2.02,Kelembagaan,,,1,,,,,",
      "2022,4.01.07,4.01.05.2.02,Kelembagaan lagi,,,2,,,,,",
    ].join("\n");
    const u = await send("dry-run", unfit);
    expect(u.json.issues.filter((i: any) => i.severity === "error").map((i: any) => `${i.row}:${i.column}`)).toEqual(["2:Kode SKPD", "3:Tahun", "4:Sasaran", "5:Kode", "6:Pagu Murni", "8:Kode"]);
    // A subtotal that does not add up is a warning, a different name keeps the Renstra's.
    const warned = await send("dry-run", [HEADER, "2022,4.01.07,4.01.05,Program Penataan Organisasi,,,1.000,,,,,", "2022,4.01.07,4.01.05.2.01,Nama lain,,,3.412.000.000,3.301.500.000,402.150.000,811.300.000,905.400.000,1.080.210.000"].join("\n"));
    expect(warned.json).toMatchObject({ canCommit: true, summary: { create: 0, update: 0, unchanged: 2 } });
    expect(warned.json.issues.map((i: any) => `${i.row}:${i.column}:${i.severity}`)).toEqual(["2:Pagu Murni:warning", "3:Nama:warning"]);

    const missing = await send("dry-run", "Tahun,Kode SKPD,Nama\n2022,4.01.07,X");
    expect(missing.json.issues.filter((i: any) => i.severity === "error").map((i: any) => i.column)).toEqual(["Kode"]);
    expect((await send("dry-run", "\u0000\u0001binary")).json.issues[0].message).toMatch(/bukan XLSX atau CSV/);
    expect(await lines()).toEqual(before);
  });

  it("an approved Renstra takes budget lines for its codes but no new nodes", async () => {
    await dbOf(t.tA).prepare("UPDATE plans SET status = 'approved' WHERE id = ?").bind(planId).run();
    try {
      const r = await send("dry-run", [HEADER, "2022,4.01.07,4.01.05.2.01,Fasilitasi Reformasi Birokrasi dan Akuntabilitas Kinerja,,,3.500.000.000,,,,,", "2022,4.01.07,4.01.05.2.03,Kegiatan baru,,,1,,,,,"].join("\n"));
      expect(r.json.issues.map((i: any) => `${i.row}:${i.column}`)).toEqual(["3:Kode"]);
      expect(r.json.issues[0].message).toMatch(/sudah disetujui/);
      const ok = await send("dry-run", [HEADER, "2022,4.01.07,4.01.05.2.01,Fasilitasi Reformasi Birokrasi dan Akuntabilitas Kinerja,,,3.500.000.000,,,,,"].join("\n"));
      expect(ok.json).toMatchObject({ canCommit: true, summary: { create: 0, update: 1, unchanged: 0 } });
    } finally {
      await dbOf(t.tA).prepare("UPDATE plans SET status = 'draft' WHERE id = ?").bind(planId).run();
    }
  });

  it("roles: a viewer or evaluator is refused (403), another PD's operator gets row errors, tenant B's PD codes are unknown", async () => {
    expect((await send("dry-run", sipdCsv, t.a.viewer)).status).toBe(403);
    expect((await send("dry-run", sipdCsv, t.a.evaluator)).status).toBe(403);
    expect((await api(`/tenants/${t.codeA}/imports/sipd/template?format=csv`, { cookie: t.a.viewer })).status).toBe(403);
    const other = await send("dry-run", sipdCsv, t.a.agency_admin);
    expect(other.json.issues.filter((i: any) => i.severity === "error").map((i: any) => i.message)).toEqual(Array(3).fill("Anda tidak mengelola anggaran perangkat daerah ini"));
    const beforeB = (await dbOf(t.tA).prepare("SELECT count(*) AS n FROM budget_lines WHERE tenant_id = ?").bind(t.tB).first<{ n: number }>())!.n;
    const cross = await api(`/tenants/${t.codeB}/imports/sipd/dry-run`, { rawBody: sipdCsv, headers: { "content-type": "text/csv" }, cookie: t.a.tenant_admin });
    expect(cross.status).toBe(404);
    const b = await api(`/tenants/${t.codeB}/imports/sipd/dry-run`, { rawBody: sipdCsv, headers: { "content-type": "text/csv" }, cookie: t.b.tenant_admin });
    expect(b.json.issues.map((i: any) => i.column)).toEqual(["Kode SKPD", "Kode SKPD", "Kode SKPD"]);
    expect((await dbOf(t.tA).prepare("SELECT count(*) AS n FROM budget_lines WHERE tenant_id = ?").bind(t.tB).first<{ n: number }>())!.n).toBe(beforeB);
  });

  it("the template documents the columns", async () => {
    const r = await api(`/tenants/${t.codeA}/imports/sipd/template?format=csv`, { cookie: t.a.tenant_admin });
    expect(r.status).toBe(200);
    expect((r.json as string).split(/\r?\n/)[0]).toContain(HEADER);
  });
});
