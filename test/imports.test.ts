import { beforeAll, describe, expect, it } from "vitest";
import { api, dbOf, seedPd, twoTenants, type World } from "./helpers";
import demoCsv from "../scripts/demo/files/kaltim-setda-struktur.csv?raw";
import namedXlsx from "./fixtures/struktur-named.xlsx.b64?raw";
import onlyXlsx from "./fixtures/struktur-only.xlsx.b64?raw";
import wrongXlsx from "./fixtures/struktur-wrong.xlsx.b64?raw";

let t: World;
const HEADER = "Kode PD,Kode Unit,Nama Unit,Jenis Unit,Eselon,Kode Induk,Aktif,Jabatan Kepala,Nama Pejabat,NIP,TMT";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function send(step: "dry-run" | "commit", file: string | ArrayBuffer, opts: { kind?: string; chunk?: number; cookie?: string; code?: string } = {}) {
  const path = `/tenants/${opts.code ?? t.codeA}/imports/${opts.kind ?? "org_units"}/${step}${step === "commit" ? `?chunk=${opts.chunk ?? 0}` : ""}`;
  const headers = { "content-type": typeof file === "string" ? "text/csv" : XLSX };
  // The test helper sends text; binary files go through fetch directly.
  return typeof file === "string"
    ? api(path, { rawBody: file, headers, cookie: opts.cookie ?? t.a.tenant_admin })
    : apiBinary(path, file, opts.cookie ?? t.a.tenant_admin);
}

async function apiBinary(path: string, body: ArrayBuffer, cookie: string) {
  const { exports } = await import("cloudflare:workers");
  const res = await exports.default.fetch(new Request(`http://localhost/api/v1${path}`, { method: "POST", headers: { cookie, origin: "http://localhost", "content-type": XLSX }, body }));
  return { status: res.status, json: (await res.json()) as any };
}

/** Dry run, then every chunk in turn, as the web page does. */
async function importAll(file: string | ArrayBuffer, opts: { code?: string; cookie?: string; kind?: string } = {}) {
  const report = await send("dry-run", file, opts);
  expect(report.json.canCommit, JSON.stringify(report.json.issues?.slice(0, 5))).toBe(true);
  const results = [];
  for (let chunk = 0; chunk < report.json.chunks; chunk++) {
    const r = await send("commit", file, { ...opts, chunk });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    results.push(r.json);
  }
  return { report: report.json, results };
}

const unitCount = async (tenantId: string) => ((await dbOf(t.tA).prepare("SELECT count(*) AS n FROM org_units WHERE tenant_id = ?").bind(tenantId).first<{ n: number }>())!.n);
const tableCounts = async () => {
  const q = (table: string) => dbOf(t.tA).prepare(`SELECT count(*) AS n, max(updated_at) AS u FROM ${table}`).first<{ n: number; u: number }>();
  return { units: await q("org_units"), jabatan: await q("jabatan"), holders: await q("jabatan_holders") };
};
const issuesOf = (r: any) => r.json.issues.map((i: any) => [i.row, i.column, i.severity]);

// XLSX fixtures (base64) made with ExcelJS in Node (a date cell for TMT, NIP as text). Built outside the Workers
// runtime because ExcelJS keeps module-wide job queues that must not be shared by the test and a request.
const books = { named: namedXlsx, only: onlyXlsx, wrong: wrongXlsx };
const bytes = (base64: string) => Uint8Array.from(atob(base64.trim()), (c) => c.charCodeAt(0)).buffer;

beforeAll(async () => {
  t = await twoTenants();
  await seedPd(t.tA, "1.30", "Sekretariat Daerah");
  await seedPd(t.tA, "4.01.07", "Biro Organisasi");
});

describe("org structure import", () => {
  it("imports the Kaltim Setda demo file: Permendagri warnings in the dry run, tree after commit, idempotent re-import", async () => {
    const before = await tableCounts();
    const dry = await send("dry-run", demoCsv);
    expect(dry.status).toBe(200);
    expect(dry.json).toMatchObject({ rows: 136, errors: 0, canCommit: true, summary: { create: 136, update: 0, unchanged: 0 } });
    expect(dry.json.issues.filter((i: any) => i.severity === "warning").map((i: any) => i.message)).toEqual([
      expect.stringContaining("Bagian Tata Laksana membawahkan 4 Subbagian"),
      expect.stringContaining("Biro Umum membawahkan 4 Bagian"),
    ]);
    expect(await tableCounts()).toEqual(before); // a dry run writes nothing

    const { results } = await importAll(demoCsv);
    expect(results).toEqual([{ chunk: 0, chunks: 1, rows: 136, written: 136, done: true }]);
    const pdId = (await dbOf(t.tA).prepare("SELECT id FROM perangkat_daerah WHERE tenant_id = ? AND code = '1.30'").bind(t.tA).first<{ id: string }>())!.id;
    const tree = await api(`/tenants/${t.codeA}/perangkat-daerah/${pdId}/struktur`, { cookie: t.a.viewer });
    const kinds = (k: string) => tree.json.units.filter((u: any) => u.kind === k).length;
    expect([kinds("asisten"), kinds("biro"), kinds("bagian"), kinds("subbagian")]).toEqual([3, 9, 28, 82]);
    expect(tree.json.warnings).toHaveLength(2);
    const hukum = tree.json.units.find((u: any) => u.name === "Biro Hukum");
    expect(tree.json.jabatan.find((j: any) => j.unitId === hukum.id)).toMatchObject({ name: "Kepala Biro Hukum", eselon: "II", isHead: true, holder: { name: "Rozani Erawadi", nip: "197101241997031007", validFrom: "2022-01-03" } });

    const snapshot = await tableCounts();
    const again = await importAll(demoCsv);
    expect(again.report.summary).toEqual({ create: 0, update: 0, unchanged: 136 });
    expect(again.results[0]).toMatchObject({ written: 0 });
    expect(await tableCounts()).toEqual(snapshot);
  });

  it("re-import with a new holder closes the old term instead of overwriting it; a rename updates in place", async () => {
    const changed = demoCsv
      .replace("Rozani Erawadi,19710124 199703 1 007,2022-01-03", "Pejabat Baru,19800101 200501 2 003,2023-07-01")
      .replace("Bagian Protokol,", "Bagian Protokol dan Acara,");
    const { report } = await importAll(changed);
    expect(report.summary).toMatchObject({ create: 0, update: 2 });
    const rows = await dbOf(t.tA).prepare("SELECT h.name, h.valid_from, h.valid_to FROM jabatan_holders h JOIN jabatan j ON j.id = h.jabatan_id WHERE j.name = 'Kepala Biro Hukum' ORDER BY h.valid_from").all();
    expect(rows.results).toEqual([
      { name: "Rozani Erawadi", valid_from: "2022-01-03", valid_to: "2023-06-30" },
      { name: "Pejabat Baru", valid_from: "2023-07-01", valid_to: null },
    ]);
    expect(await dbOf(t.tA).prepare("SELECT count(*) AS n FROM org_units WHERE name LIKE 'Bagian Protokol%' AND tenant_id = ?").bind(t.tA).first("n")).toBe(1);
  });

  it("reports each malformed file precisely and writes nothing", async () => {
    const row = (cells: string) => `${HEADER}\r\n${cells}\r\n`;
    const ok = "1.01,R,Unit Akar,Bidang,III,,Ya,,,,";
    const cases: [string, string | ArrayBuffer, [number | null, string | null, string][]][] = [
      ["missing columns", "Kode PD,Nama Unit\r\n1.01,Unit\r\n", [[1, "Kode Unit", "error"], [1, "Jenis Unit", "error"], [1, "Eselon", "error"]]],
      ["bad eselon and kind", row("1.01,R,Unit Akar,Planet,V,,Ya,,,,"), [[2, "Jenis Unit", "error"], [2, "Eselon", "error"]]],
      ["unknown parent", row("1.01,R,Unit Akar,Bidang,III,NOPE,Ya,,,,"), [[2, "Kode Induk", "error"]]],
      ["duplicate code", `${HEADER}\r\n${ok}\r\n${ok}\r\n`, [[3, "Kode Unit", "error"]]],
      ["unknown PD (also: another tenant's PD)", row("9.99,R,Unit Akar,Bidang,III,,Ya,,,,"), [[2, "Kode PD", "error"]]],
      ["bad NIP", row("1.01,R,Unit Akar,Bidang,III,,Ya,Kepala,Nama Orang,1964102819900310,2022-01-01"), [[2, "NIP", "error"]]],
      ["holder without TMT", row("1.01,R,Unit Akar,Bidang,III,,Ya,Kepala,Nama Orang,19641028 199003 1 009,"), [[2, "TMT", "error"]]],
      ["bad Aktif and TMT", row("1.01,R,Unit Akar,Bidang,III,,Mungkin,,,,31/02/2022"), [[2, "Aktif", "error"], [2, "TMT", "error"]]],
      ["cycle inside the file", `${HEADER}\r\n1.01,P,Unit P,Bidang,III,Q,Ya,,,,\r\n1.01,Q,Unit Q,Seksi,IV,P,Ya,,,,\r\n`, [[2, "Kode Induk", "error"], [3, "Kode Induk", "error"]]],
      ["empty file", "", [[null, null, "error"]]],
      ["header only", `${HEADER}\r\n`, [[null, null, "error"]]],
      ["not a spreadsheet", new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 7, 7]).buffer, [[null, null, "error"]]],
    ];
    const before = await tableCounts();
    for (const [name, file, expected] of cases) {
      const r = await send("dry-run", file);
      expect(r.status, name).toBe(200);
      expect(r.json.canCommit, name).toBe(false);
      expect(issuesOf(r), name).toEqual(expected);
      const commit = await send("commit", file);
      expect(commit.status, name).toBe(400);
    }
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses a move that would make a cycle with units already stored", async () => {
    await importAll(`${HEADER}\r\n1.01,C1,Unit Satu,Bidang,III,,Ya,,,,\r\n1.01,C2,Unit Dua,Seksi,IV,C1,Ya,,,,\r\n`);
    const r = await send("dry-run", `${HEADER}\r\n1.01,C1,Unit Satu,Bidang,III,C2,Ya,,,,\r\n`);
    expect(issuesOf(r)).toEqual([[2, "Kode Induk", "error"]]);
    expect(r.json.issues[0].message).toContain("C1 → C2 → C1");
  });

  it("reads XLSX: the named sheet, or the only sheet with a warning; another sheet name is an error", async () => {
    const named = await send("dry-run", bytes(books.named));
    expect(named.json).toMatchObject({ sheet: "Struktur Organisasi", canCommit: true, summary: { create: 1 } });
    const only = await send("dry-run", bytes(books.only));
    expect(only.json.canCommit).toBe(true);
    expect(issuesOf(only)).toEqual([[null, null, "warning"]]);
    const wrong = await send("dry-run", bytes(books.wrong));
    expect(wrong.json.canCommit).toBe(false);
    expect(wrong.json.issues[0].message).toContain('Sheet "Struktur Organisasi" tidak ditemukan');
  });

  it("exports XLSX and CSV in the import columns; the export imports back unchanged", async () => {
    const csv = await api(`/tenants/${t.codeA}/exports/org_units?format=csv`, { cookie: t.a.viewer });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(String(csv.json).replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(HEADER);
    const back = await send("dry-run", String(csv.json));
    expect(back.json).toMatchObject({ canCommit: true, summary: { create: 0, update: 0 } });

    const res = await (await import("cloudflare:workers")).exports.default.fetch(new Request(`http://localhost/api/v1/tenants/${t.codeA}/exports/org_units?format=xlsx`, { headers: { cookie: t.a.viewer } }));
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="org_units-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const xlsxBack = await send("dry-run", await res.arrayBuffer());
    expect(xlsxBack.json).toMatchObject({ canCommit: true, summary: { create: 0, update: 0 } });

    const template = await api(`/tenants/${t.codeA}/imports/org_units/template?format=csv`, { cookie: t.a.tenant_admin });
    expect(String(template.json)).toContain(HEADER);
  });

  it("only tenant admins and agency admins import; an agency admin only into their own PD", async () => {
    for (const role of ["viewer", "evaluator", "agency_head"] as const) {
      expect((await send("dry-run", demoCsv, { cookie: t.a[role] })).status, role).toBe(403);
      expect((await send("commit", demoCsv, { cookie: t.a[role] })).status, role).toBe(403);
    }
    const own = await send("dry-run", `${HEADER}\r\n1.01,AG1,Unit Operator,Bidang,III,,Ya,,,,\r\n`, { cookie: t.a.agency_admin });
    expect(own.json.canCommit).toBe(true);
    const other = await send("dry-run", `${HEADER}\r\n1.30,AG1,Unit Operator,Bidang,III,,Ya,,,,\r\n`, { cookie: t.a.agency_admin });
    expect(issuesOf(other)).toEqual([[2, "Kode PD", "error"]]);
    expect((await send("dry-run", "Kode,Nama,Jenis\r\n9.1,Dinas X,Dinas\r\n", { kind: "perangkat_daerah", cookie: t.a.agency_admin })).status).toBe(403);
  });

  it("a tenant's import never reaches another tenant's PDs", async () => {
    await seedPd(t.tB, "7.77", "PD Khusus B");
    const r = await send("dry-run", `${HEADER}\r\n7.77,Z,Unit Nyasar,Bidang,III,,Ya,,,,\r\n`);
    expect(issuesOf(r)).toEqual([[2, "Kode PD", "error"]]);
    expect(await unitCount(t.tB)).toBe(0);
  });

  it("imports a 5,000-row file in chunks of ≤ 100 bound parameters per statement", async () => {
    const lines = [HEADER];
    for (let i = 0; i < 50; i++) {
      lines.push(`1.01,L${i},Bidang Besar ${i},Bidang,III,,Ya,Kepala Bidang ${i},,,`);
      for (let j = 0; j < 99; j++) lines.push(`1.01,L${i}.${j},Seksi ${i}.${j},Seksi,IV,L${i},Ya,,,,`);
    }
    const file = lines.join("\r\n");
    const started = Date.now();
    const { report, results } = await importAll(file);
    expect(report.summary.create).toBe(5000);
    expect(results.map((r) => r.chunk)).toEqual([...Array(10).keys()]);
    expect(results.at(-1)).toMatchObject({ done: true, rows: 5000 });
    expect(await dbOf(t.tA).prepare("SELECT count(*) AS n FROM org_units WHERE tenant_id = ? AND code LIKE 'L%'").bind(t.tA).first("n")).toBe(5000);
    const orphans = await dbOf(t.tA).prepare("SELECT count(*) AS n FROM org_units c LEFT JOIN org_units p ON p.id = c.parent_id WHERE c.tenant_id = ? AND c.parent_id IS NOT NULL AND p.id IS NULL").bind(t.tA).first("n");
    expect(orphans).toBe(0);
    console.log(`5,000-row import: ${Date.now() - started} ms`);
    const again = await send("dry-run", file);
    expect(again.json.summary).toEqual({ create: 0, update: 0, unchanged: 5000 });
  }, 30_000);
});

describe("perangkat daerah import", () => {
  it("upserts by code, reads years as Indonesians write them, and reports bad numbers", async () => {
    const file = "Kode;Nama;Jenis;Kepala;Tahun Mulai;Tahun Selesai;Aktif\r\n1.01;Dinas Diperbarui;Dinas;;2016;;Ya\r\n4.01.09;Biro Baru;Biro;Nama Kepala;2021;;Ya\r\n";
    const { report } = await importAll(file, { kind: "perangkat_daerah" });
    expect(report.summary).toEqual({ create: 1, update: 1, unchanged: 0 });
    const pds = await api(`/tenants/${t.codeA}/perangkat-daerah?q=4.01.09`, { cookie: t.a.viewer });
    expect(pds.json.items[0]).toMatchObject({ name: "Biro Baru", kind: "biro", yearFrom: 2021, yearTo: null });
    expect((await send("dry-run", file, { kind: "perangkat_daerah" })).json.summary).toEqual({ create: 0, update: 0, unchanged: 2 });

    const bad = await send("dry-run", "Kode;Nama;Jenis;Tahun Mulai;Tahun Selesai\r\n9.01;Dinas A;Dinas;sekitar 2021;\r\n9.02;Dinas B;Dinas;2020,5;\r\n9.03;Dinas C;Dinas;2022;2020\r\n9.03;Dinas C;Dinas;;\r\n", { kind: "perangkat_daerah" });
    expect(issuesOf(bad)).toEqual([[2, "Tahun Mulai", "error"], [3, "Tahun Mulai", "error"], [4, "Tahun Selesai", "error"]]);
  });
});
