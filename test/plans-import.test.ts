import { beforeAll, describe, expect, it } from "vitest";
import { api, seedPd, twoTenants, type World } from "./helpers";

let t: World;
let planId: string;
const HEADER = "Kode PD,Tahun Awal,Tingkat,Kode,Uraian,Induk,Indikator,Satuan,Polaritas,IKU,Formulasi Pembilang,Formulasi Penyebut,Sumber Data,Penanggung Jawab,Target Tahun 1,Target Tahun 2,Target Tahun 3,Target Tahun 4,Target Tahun 5";
// Seed 002 Tabel 2.1: Biro Organisasi's sasaran with its IKU and yearly targets.
const FILE = [
  HEADER,
  "1.01,2019,Tujuan,,Terwujudnya birokrasi yang efektif dan efisien,,Nilai Akuntabilitas Kinerja,nilai,Positif,Tidak,,,,,76.55,76.60,76.65,77.00,78.00",
  '1.01,2019,Sasaran,,Meningkatnya kualitas kebijakan pelayanan publik,Terwujudnya birokrasi yang efektif dan efisien,Persentase Perangkat Daerah yang memperoleh nilai SAKIP minimal (B),%,Positif,Ya,,,,Biro Organisasi,70,75,77,79,81',
  '1.01,2019,Sasaran,,Meningkatnya kualitas kebijakan pelayanan publik,Terwujudnya birokrasi yang efektif dan efisien,Indeks Kelembagaan,Indeks,Positif,Ya,,,Data Kelembagaan,Biro Organisasi,,65.64 (peringkat 4),66 (peringkat 4),67 (peringkat 4),69 (peringkat 4)',
  "1.01,2019,Program,4.01.05,Program Penataan Organisasi,Meningkatnya kualitas kebijakan pelayanan publik,,,,,,,,,,,,,",
  "1.01,2019,Kegiatan,4.01.05.2.01,Fasilitasi Reformasi Birokrasi dan Akuntabilitas Kinerja,4.01.05,,,,,,,,,,,,,",
].join("\n");

const send = (step: "dry-run" | "commit", file: string, cookie = t.a.tenant_admin, code = t.codeA) =>
  api(`/tenants/${code}/imports/renstra/${step}`, { rawBody: file, headers: { "content-type": "text/csv" }, cookie });

beforeAll(async () => {
  t = await twoTenants();
  planId = (await api(`/tenants/${t.codeA}/plans`, { cookie: t.a.tenant_admin, body: { kind: "renstra", pdId: t.pdA, name: "P-Renstra 2019-2023", yearFrom: 2019, yearTo: 2023 } })).json.id;
});

describe("Renstra import", () => {
  it("dry run reports, commit writes the tree with IKU and targets, a re-import changes nothing", async () => {
    const dry = await send("dry-run", FILE);
    expect(dry.status).toBe(200);
    expect(dry.json).toMatchObject({ rows: 5, errors: 0, canCommit: true, summary: { create: 4, update: 1, unchanged: 0 } });
    const commit = await send("commit", FILE);
    expect(commit.status, JSON.stringify(commit.json)).toBe(200);
    const tree = (await api(`/tenants/${t.codeA}/plans/${planId}?asOf=2021-06-30`, { cookie: t.a.viewer })).json;
    expect(tree.nodes.map((n: any) => n.level)).toEqual(["tujuan", "sasaran", "program", "kegiatan"]);
    const sasaran = tree.nodes.find((n: any) => n.level === "sasaran");
    expect(sasaran.indicators.map((i: any) => [i.name, i.isIku])).toEqual([
      ["Persentase Perangkat Daerah yang memperoleh nilai SAKIP minimal (B)", true],
      ["Indeks Kelembagaan", true],
    ]);
    expect(sasaran.indicators[1].targets.find((x: any) => x.year === 2021)).toMatchObject({ value: "66 (peringkat 4)", valueNum: 66, label: "peringkat 4" });
    expect(tree.nodes.find((n: any) => n.level === "kegiatan").parentId).toBe(tree.nodes.find((n: any) => n.level === "program").id);

    const again = await send("dry-run", FILE);
    expect(again.json.summary).toEqual({ create: 0, update: 0, unchanged: 5 });
    const exported = await api(`/tenants/${t.codeA}/exports/renstra?format=csv`, { cookie: t.a.tenant_admin });
    expect(exported.status).toBe(200);
    expect(String(exported.json)).toContain("Indeks Kelembagaan");
  });

  it("names the row and column of each problem and writes nothing", async () => {
    // Cell problems first: the pipeline checks each row before it looks at the Renstra.
    const cells = await send("dry-run", [HEADER, "1.01,2019,Tujuan,,Tujuan baru,,Indikator tanpa satuan,,,,,,,,,,,,"].join("\n"));
    expect(cells.json.issues.map((i: any) => [i.row, i.column])).toEqual([
      [2, "Satuan"],
      [2, "Polaritas"],
    ]);
    const bad = [
      HEADER,
      "1.01,2019,Sasaran,,Sasaran tanpa tujuan,Tujuan yang tidak ada,,,,,,,,,,,,,",
      "1.01,2019,Tujuan,,Tujuan lain,,Indikator X,%,Positif,,,,,,tujuh puluh,,,,",
      "9.99,2019,Tujuan,,Tujuan PD tak dikenal,,,,,,,,,,,,,,",
      "1.01,2030,Tujuan,,Tujuan Renstra yang belum ada,,,,,,,,,,,,,,",
    ].join("\n");
    const r = await send("dry-run", bad);
    expect(r.json.canCommit).toBe(false);
    expect(r.json.issues.map((i: any) => [i.row, i.column])).toEqual([
      [2, "Induk"],
      [3, "Target Tahun 1"],
      [4, "Kode PD"],
      [5, "Tahun Awal"],
    ]);
    expect((await send("commit", bad)).status).toBe(400);
  });

  it("an operator imports only for its own PD; an approved Renstra is refused", async () => {
    const other = await seedPd(t.tA, "2.02");
    await api(`/tenants/${t.codeA}/plans`, { cookie: t.a.tenant_admin, body: { kind: "renstra", pdId: other, name: "Renstra PD lain", yearFrom: 2019, yearTo: 2023 } });
    const foreign = await send("dry-run", [HEADER, "2.02,2019,Tujuan,,Tujuan PD lain,,,,,,,,,,,,,,"].join("\n"), t.a.agency_admin);
    expect(foreign.json.issues[0]).toMatchObject({ row: 2, column: "Kode PD" });
    const own = await send("dry-run", [HEADER, "1.01,2019,Tujuan,,Tujuan milik sendiri,,,,,,,,,,,,,,"].join("\n"), t.a.agency_admin);
    expect(own.json.canCommit).toBe(true);
    expect((await send("dry-run", FILE, t.a.viewer)).status).toBe(403);
    expect((await api(`/tenants/${t.codeA}/plans/${planId}/approve`, { method: "POST", cookie: t.a.tenant_admin })).status).toBe(200);
    // Locked, yet its own file and its own export re-import as "unchanged"; a changing row is refused.
    const approved = await send("dry-run", FILE);
    expect(approved.json.issues.filter((i: any) => i.severity === "error")).toEqual([]);
    expect(approved.json.summary).toMatchObject({ create: 0, update: 0 });
    const exported = await api(`/tenants/${t.codeA}/exports/renstra?format=csv`, { cookie: t.a.tenant_admin });
    const roundTrip = await send("dry-run", String(exported.json));
    expect(roundTrip.json.issues.filter((i: any) => i.severity === "error")).toEqual([]);
    expect(roundTrip.json.summary).toMatchObject({ create: 0, update: 0 });
    const changed = await send("dry-run", [HEADER, "1.01,2019,Tujuan,,Tujuan baru setelah disetujui,,,,,,,,,,,,,,"].join("\n"));
    expect(changed.json.issues[0]).toMatchObject({ row: 2, column: "Tahun Awal" });
    expect(changed.json.canCommit).toBe(false);
  });

  it("another tenant's import route answers 404", async () => {
    expect((await send("dry-run", FILE, t.a.tenant_admin, t.codeB)).status).toBe(404);
  });
});
