import { beforeAll, describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import seed from "../scripts/demo/files/lkjip-bab1-setda-kaltim-2021.json";
import { api, drizzleOf, grant, login, seedPd, seedUser, twoTenants, type World } from "./helpers";
import { gatherPart, layout } from "../worker/reports/registry";
import { renderDocx } from "../worker/reports/docx";

// LKjIP Bab I tables on seed 002 (Setda Kaltim, 31 Desember 2021): Tabel 1.1 Sumber Daya Aparatur with
// OUR totals (621 people, 349 PNS by golongan, golongan IV 61 where the seed prints 60) and Tabel 1.2
// Sarana dan Prasarana Kerja (3.370 m² of land, the Gedung's second line 2.048 m²).

let t: World;
let otherOperator: string;
const path = (pdId = t.pdA, year = 2021, code = t.codeA) => `/tenants/${code}/perangkat-daerah/${pdId}/lkjip/${year}/tabel`;
const save = (table: "sdm" | "sarana", body: unknown, cookie = t.a.agency_admin, pdId = t.pdA) => api(`${path(pdId)}/${table}`, { method: "POST", body, cookie });
const sdm = (version: number, extra: object = {}) => ({ ...seed.sdm, version, ...extra });
const sarana = (version: number, extra: object = {}) => ({ ...seed.sarana, version, ...extra });

beforeAll(async () => {
  t = await twoTenants();
  const otherPd = await seedPd(t.tA, "1.02", "Biro Umum");
  const u = await seedUser("operator.umum@a.test");
  await grant(u, t.tA, "agency_admin", otherPd);
  otherOperator = await login("operator.umum@a.test");
});

describe("LKjIP Bab I tables", () => {
  it("starts empty at version 0", async () => {
    const r = await api(path(), { cookie: t.a.evaluator });
    expect(r.status).toBe(200);
    expect(r.json.sdm).toMatchObject({ rows: [], version: 0, updatedAt: null, warnings: [], totals: { jumlah: { jenisKelamin: 0, golongan: 0, pendidikan: 0 } } });
    expect(r.json.sarana).toMatchObject({ rows: [], version: 0 });
  });

  it("the PD operator saves Tabel 1.1; totals are computed from the rows, audited in the same batch", async () => {
    const r = await save("sdm", sdm(0));
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.version).toBe(1);
    expect(r.json.totals.jumlah).toEqual({ jenisKelamin: 621, golongan: 349, pendidikan: 621 });
    expect(r.json.totals.all).toMatchObject({ lakiLaki: 424, perempuan: 197, golongan: { iv: 61, iii: 196, ii: 83, i: 9 } });
    expect(r.json.warnings).toEqual([]);
    const read = await api(path(), { cookie: t.a.agency_head });
    expect(read.json.sdm.rows.map((x: any) => x.jabatan)).toEqual(seed.sdm.rows.map((x) => x.jabatan));
    expect(read.json.sdm.sumber).toBe(seed.sdm.sumber);
    const audit = await api(`/tenants/${t.codeA}/audit-log?entity=lkjip_table`, { cookie: t.a.tenant_admin });
    expect(audit.json.items.map((a: any) => [a.action, a.entityId, a.after.version])).toEqual([["create", `${t.pdA}:2021:sdm`, 1]]);
  });

  it("saves an inconsistent row with a warning (not a refusal); a stale version answers 409", async () => {
    const rows = seed.sdm.rows.map((r, i) => (i === 4 ? { ...r, lakiLaki: 7 } : r));
    const r = await save("sdm", sdm(1, { rows }), t.a.tenant_admin);
    expect(r.status).toBe(200);
    expect(r.json.warnings.map((w: any) => w.path)).toEqual(["rows.4.pendidikan", "rows.4.golongan"]);
    expect(r.json.warnings[0].message).toContain("Kepala Biro");
    const stale = await save("sdm", sdm(1));
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("conflict");
    expect((await save("sdm", sdm(2))).status).toBe(200);
    const audit = await api(`/tenants/${t.codeA}/audit-log?entity=lkjip_table`, { cookie: t.a.tenant_admin });
    expect(audit.json.items.map((a: any) => [a.action, a.before?.version ?? null, a.after.version])).toEqual([["update", 2, 3], ["update", 1, 2], ["create", null, 1]]);
  });

  it("saves Tabel 1.2 with a continuation line and decimal-free areas", async () => {
    const r = await save("sarana", sarana(0));
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ version: 1, sumber: "Biro Umum Setda Prov. Kaltim" });
    expect(r.json.rows[2]).toEqual({ uraian: "", banyaknya: 2048, satuan: "m²", keterangan: "" });
  });

  it("bad input: 400 with field paths", async () => {
    const honorWithGolongan = seed.sdm.rows.map((r) => (r.status === "honor" ? { ...r, golongan: { ...r.golongan, iii: 2 } } : r));
    const cases: [string, unknown, string[]][] = [
      ["sdm", sdm(3, { rows: honorWithGolongan }), ["rows.9.golongan"]],
      ["sdm", sdm(3, { rows: [{ ...seed.sdm.rows[0], jabatan: " ", lakiLaki: -1, pendidikan: { sd: 1 } }] }), ["rows.0.jabatan", "rows.0.lakiLaki", "rows.0.pendidikan.pascasarjana"]],
      ["sdm", { rows: [{ ...seed.sdm.rows[0], status: "kontrak", perempuan: 1.5 }], sumber: "", version: -1 }, ["rows.0.status", "rows.0.perempuan", "version"]],
      ["sarana", sarana(1, { rows: [{ uraian: "", banyaknya: 1, satuan: "", keterangan: "" }] }), ["rows.0.uraian"]],
      ["sarana", sarana(1, { rows: [{ uraian: "Tanah", banyaknya: "3.370", satuan: "m²" }] }), ["rows.0.banyaknya", "rows.0.keterangan"]],
      ["sarana", sarana(1, { rows: Array.from({ length: 101 }, () => seed.sarana.rows[0]) }), ["rows"]],
    ];
    for (const [table, body, paths] of cases) {
      const r = await save(table as "sdm", body);
      expect(r.status, JSON.stringify(body).slice(0, 120)).toBe(400);
      expect(r.json.error.code).toBe("validation_failed");
      for (const p of paths) expect(r.json.error.issues.map((i: any) => i.path), p).toContain(p);
    }
    expect((await api(`${path(t.pdA, 1999)}`, { cookie: t.a.agency_admin })).status).toBe(400);
    expect((await api(path(), { cookie: t.a.tenant_admin })).json.sdm.version).toBe(3);
  });

  it("wrong role 403: viewers, and operators of another PD, neither read nor write; evaluators only read", async () => {
    expect((await api(path(), { cookie: t.a.viewer })).status).toBe(403);
    expect((await api(path(), { cookie: otherOperator })).status).toBe(403);
    expect((await save("sdm", sdm(3), otherOperator)).status).toBe(403);
    expect((await save("sarana", sarana(1), t.a.evaluator)).status).toBe(403);
    expect((await save("sarana", sarana(1), t.a.viewer)).status).toBe(403);
    expect((await api(path(), { cookie: t.a.evaluator })).json.sarana.version).toBe(1);
  });

  it("cross tenant: tenant B's PD under tenant A's code answers 404, and B is unchanged", async () => {
    expect((await save("sdm", sdm(0), t.b.agency_admin, t.pdB)).status).toBe(404);
    expect((await save("sdm", sdm(0), t.b.agency_admin)).status).toBe(404);
    expect((await save("sarana", sarana(0), t.a.tenant_admin, t.pdB)).status).toBe(404);
    expect((await api(path(t.pdB), { cookie: t.a.tenant_admin })).status).toBe(404);
    const b = await api(path(t.pdB, 2021, t.codeB), { cookie: t.b.tenant_admin });
    expect(b.status).toBe(200);
    expect([b.json.sdm.version, b.json.sarana.version]).toEqual([0, 0]);
  });
});

describe("the tables in the LKjIP", () => {
  const request = () => ({ kind: "lkjip" as const, pdId: t.pdA, year: 2021, period: null });

  it("the HTML preview shows Tabel 1.1 under D with our totals and Tabel 1.2 under the new G", async () => {
    const r = await api(`/tenants/${t.codeA}/laporan/preview?kind=lkjip&pdId=${t.pdA}&year=2021`, { cookie: t.a.evaluator });
    expect(r.status).toBe(200);
    const html = r.json as string;
    const text = html.replace(/<[^>]+>/g, "|").replace(/\|+/g, "|");
    expect(text).toContain("Tabel 1.1 Jumlah Sumber Daya Manusia (PNS &amp; Non-PNS) PD 1.01 Per 31 Desember 2021");
    expect(text).toContain("|Jumlah PNS|242|107|61|196|83|9|72|137|17|108|8|7|");
    expect(text).toContain("|Jumlah Honor/PTT|182|90|–|–|–|–|7|103|10|143|6|3|");
    expect(text).toContain("|Jumlah PNS + Honor/PTT|424|197|61|196|83|9|79|240|27|251|14|10|");
    expect(text).toContain("|Jumlah|621|349|621|");
    expect(text).toContain("Sumber: Data Biro-Biro di lingkungan Setda Prov. Kaltim");
    expect(text).toContain("|G. Sarana dan Prasarana Kerja|");
    expect(text).toContain("|1.|Tanah|3.370|m²|");
    expect(text).toContain("|Gedung|2|Unit (2 Lantai)|2.048|m²|");
    expect(text).toContain("|13.|Meja Kerja|876|Unit|");
    // Tabel 1.1 follows D's text, Tabel 1.2 follows G's heading, and E comes between them.
    const at = (s: string) => text.indexOf(s);
    expect(at("D. Sumber Daya Aparatur")).toBeLessThan(at("Tabel 1.1"));
    expect(at("Tabel 1.1")).toBeLessThan(at("E. Aspek Strategis"));
    expect(at("G. Sarana dan Prasarana Kerja")).toBeLessThan(at("Tabel 1.2"));
    expect(at("Tabel 1.2")).toBeLessThan(at("Bab II Perencanaan Kinerja"));
  });

  it("the DOCX, laid out from the same blocks, holds the tables and our totals", async () => {
    const part = await gatherPart(drizzleOf(t.tA), t.tA, request(), t.pdA);
    const xml = strFromU8(unzipSync(await renderDocx(layout(request(), { code: t.codeA, name: "Kabupaten A", kind: "kabupaten", signingPlace: "" }, [part], {})))["word/document.xml"]!);
    const texts = (xml.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) ?? []).map((x) => x.replace(/<[^>]+>/g, ""));
    const joined = `|${texts.join("|")}|`;
    expect(joined).toContain("Tabel 1.1 Jumlah Sumber Daya Manusia (PNS &amp; Non-PNS) PD 1.01 Per 31 Desember 2021");
    expect(joined).toContain("|Jumlah|621|349|621|");
    expect(joined).toContain("|Jumlah PNS + Honor/PTT|424|197|61|");
    expect(joined).toContain("Tabel 1.2 Sarana dan Prasarana Kerja PD 1.01 Per 31 Desember 2021");
    expect(joined).toContain("|Tanah|3.370|m²|");
    // Tabel 1.1's merged header and Jumlah cells keep every row 13 columns wide.
    const tabel11 = (xml.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? []).find((x) => x.includes("Laki-laki"))!;
    const widths = (tabel11.match(/<w:tr>.*?<\/w:tr>/gs) ?? []).map((row) => (row.match(/<w:tc>.*?<\/w:tc>/gs) ?? []).reduce((n, tc) => n + Number(tc.match(/<w:gridSpan w:val="(\d+)"/)?.[1] ?? 1), 0));
    expect(new Set(widths)).toEqual(new Set([13]));
  });

  it("an empty table says what belongs there", async () => {
    const r = await api(`/tenants/${t.codeA}/laporan/preview?kind=lkjip&pdId=${t.pdA}&year=2022`, { cookie: t.a.evaluator });
    const html = r.json as string;
    expect(html).toContain("Data sumber daya aparatur belum diisi");
    expect(html).toContain("Data sarana dan prasarana belum diisi");
  });
});
