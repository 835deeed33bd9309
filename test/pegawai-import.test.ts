import { beforeAll, describe, expect, it } from "vitest";
import { api, dbOf, seedPd, twoTenants, type World } from "./helpers";
import strukturCsv from "../scripts/demo/files/kaltim-setda-struktur.csv?raw";
import pegawaiCsv from "../scripts/demo/files/kaltim-simpeg-pegawai.csv?raw";

// The SIMPEG / e-Kinerja employee list (issue 12) through the shared import pipeline.
let t: World;
const HEADER = "NIP,Nama,Jabatan,Kode PD,Kode Unit,Eselon,TMT";
const send = (step: "dry-run" | "commit", file: string, cookie = t.a.tenant_admin, code = t.codeA) =>
  api(`/tenants/${code}/imports/pegawai/${step}`, { rawBody: file, headers: { "content-type": "text/csv" }, cookie });
const importFile = async (kind: string, file: string) => {
  const dry = await api(`/tenants/${t.codeA}/imports/${kind}/dry-run`, { rawBody: file, headers: { "content-type": "text/csv" }, cookie: t.a.tenant_admin });
  expect(dry.json.canCommit, JSON.stringify(dry.json.issues?.slice(0, 5))).toBe(true);
  const done = await api(`/tenants/${t.codeA}/imports/${kind}/commit?chunk=0`, { rawBody: file, headers: { "content-type": "text/csv" }, cookie: t.a.tenant_admin });
  expect(done.status, JSON.stringify(done.json)).toBe(200);
  return dry.json;
};
const holders = async () =>
  (await dbOf(t.tA).prepare("SELECT h.nip, h.name, h.valid_from, h.valid_to, j.name AS jabatan, j.is_head FROM jabatan_holders h JOIN jabatan j ON j.id = h.jabatan_id WHERE h.tenant_id = ? ORDER BY h.nip, h.valid_from").bind(t.tA).all<any>()).results;

beforeAll(async () => {
  t = await twoTenants();
  await seedPd(t.tA, "1.30", "Sekretariat Daerah");
  await seedPd(t.tA, "4.01.07", "Biro Organisasi");
  await importFile("org_units", strukturCsv);
});

describe("SIMPEG employee list import", () => {
  it("imports the sample file: jabatan created once per unit, holders from TMT; unit heads are left to the structure import", async () => {
    const report = await importFile("pegawai", pegawaiCsv);
    expect(report.summary).toEqual({ create: 5, update: 0, unchanged: 1 });
    expect(report.issues).toEqual([expect.objectContaining({ row: 7, column: "Jabatan", severity: "warning" })]);
    const rows = (await holders()).filter((h: any) => !h.is_head);
    expect(rows.map((h: any) => [h.nip, h.jabatan, h.valid_from])).toEqual([
      ["197912252005011003", "Penata Laporan Keuangan", "2020-02-03"],
      ["198503122010012015", "Analis Kebijakan Ahli Muda", "2023-01-02"],
      ["198807202012122001", "Pengadministrasi Umum", "2021-03-01"],
      ["199001152015031002", "Pranata Komputer Ahli Pertama", "2022-07-01"],
      ["199203032019031004", "Analis Kebijakan Ahli Muda", "2023-01-02"],
    ]);
    const analis = await dbOf(t.tA).prepare("SELECT count(*) AS n FROM jabatan WHERE tenant_id = ? AND name = 'Analis Kebijakan Ahli Muda'").bind(t.tA).first<{ n: number }>();
    expect(analis!.n).toBe(1);
  });

  it("re-importing the same file changes nothing", async () => {
    const before = await holders();
    const report = await importFile("pegawai", pegawaiCsv);
    expect(report.summary).toEqual({ create: 0, update: 0, unchanged: 6 });
    expect(await holders()).toEqual(before);
  });

  it("a move to another jabatan closes the previous holding the day before the new TMT", async () => {
    const moved = `${HEADER}\n198807202012122001,Dewi Lestari,Pranata Komputer Ahli Pertama,1.30,SETDA.3.1.3,Fungsional,2025-01-02\n`;
    expect((await importFile("pegawai", moved)).summary).toEqual({ create: 0, update: 1, unchanged: 0 });
    const dewi = (await holders()).filter((h: any) => h.nip === "198807202012122001");
    expect(dewi.map((h: any) => [h.jabatan, h.valid_from, h.valid_to])).toEqual([
      ["Pengadministrasi Umum", "2021-03-01", "2025-01-01"],
      ["Pranata Komputer Ahli Pertama", "2025-01-02", null],
    ]);
    const backdated = `${HEADER}\n198807202012122001,Dewi Lestari,Pengadministrasi Umum,1.30,SETDA.3.1.3.1,Pelaksana,2024-01-01\n`;
    const r = await send("dry-run", backdated);
    expect(r.json.issues[0]).toMatchObject({ row: 2, column: "TMT", severity: "error" });
  });

  it("reports malformed files per row and column, and writes nothing", async () => {
    const before = await holders();
    // Cells that do not parse are reported first…
    const unreadable = [HEADER, "12345,Ab,Analis,1.30,SETDA.3.1,,", "199001152015031002,Andi,Pranata Komputer Ahli Pertama,1.30,SETDA.3.1.3,Raja,31/02/2024"].join("\n");
    const r = await send("dry-run", unreadable);
    expect(r.status).toBe(200);
    expect(r.json.canCommit).toBe(false);
    expect(r.json.issues.map((i: any) => `${i.row}:${i.column}`)).toEqual(["2:NIP", "3:Eselon", "3:TMT"]);
    expect((await send("commit", unreadable)).status).toBe(400);
    // …then rows that parse but do not fit the tenant's data or each other.
    const unfit = [
      HEADER,
      "198503122010012015,Siti,Analis Kebijakan Ahli Muda,9.99,,,",
      "199001152015031002,Andi,Pranata Komputer Ahli Pertama,1.30,TIDAK.ADA,,",
      "199203032019031004,Rizky,Analis Kebijakan Ahli Muda,1.30,SETDA.3.1.2,,",
      "199203032019031004,Rizky Ganda,Analis Kebijakan Ahli Muda,1.30,SETDA.3.1.2,,",
    ].join("\n");
    const u = await send("dry-run", unfit);
    expect(u.json.issues.map((i: any) => `${i.row}:${i.column}`)).toEqual(["2:Kode PD", "3:Kode Unit", "5:NIP"]);
    expect(u.json.canCommit).toBe(false);
    const missing = await send("dry-run", "Nama,Jabatan\nSiti,Analis\n");
    expect(missing.json.issues.map((i: any) => i.column)).toEqual(expect.arrayContaining(["NIP", "Kode PD"]));
    expect((await send("dry-run", "")).json.canCommit).toBe(false);
    expect(await holders()).toEqual(before);
  });

  it("roles: viewers and evaluators may not import (403); a PD operator only their own PD", async () => {
    expect((await send("dry-run", pegawaiCsv, t.a.viewer)).status).toBe(403);
    expect((await send("dry-run", pegawaiCsv, t.a.evaluator)).status).toBe(403);
    const own = await send("dry-run", pegawaiCsv, t.a.agency_admin);
    expect(own.json.issues.some((i: any) => i.column === "Kode PD" && i.severity === "error")).toBe(true);
    // Tenant B's admin importing into tenant A: 404.
    expect((await send("dry-run", pegawaiCsv, t.b.tenant_admin)).status).toBe(404);
  });

  it("exports in the same columns, ready to re-import", async () => {
    const r = await api(`/tenants/${t.codeA}/exports/pegawai?format=csv`, { cookie: t.a.tenant_admin });
    expect(r.status).toBe(200);
    const lines = String(r.json).trim().split(/\r?\n/);
    expect(lines[0]).toBe(HEADER);
    expect(lines.some((l) => l.startsWith("198503122010012015,"))).toBe(true);
  });
});
