import { beforeAll, describe, expect, it } from "vitest";
import { api, dbOf, seedPd, twoTenants, type World } from "./helpers";
import { headerSimilarity, matchColumns, parseCsv, pegawaiSpec, sipdSpec, toCsv } from "../shared/import";
import { KIND_NAMES, KINDS } from "../worker/import";
import strukturCsv from "../scripts/demo/files/kaltim-setda-struktur.csv?raw";
import pegawaiCsv from "../scripts/demo/files/kaltim-simpeg-pegawai.csv?raw";
import sipdCsv from "../scripts/demo/files/kaltim-sipd-realisasi-2022.csv?raw";
import sakipCsv from "../scripts/demo/files/kaltim-nilai-sakip.csv?raw";
import sakipJatimCsv from "../scripts/demo/files/jatim-adpim-nilai-sakip-2015-2020.csv?raw";

// The column-mapping step of the shared import pipeline (issue 12): files whose headers differ.
let t: World;
const dryRun = (kind: string, file: string, mapping?: Record<string, string>, cookie = t.a.tenant_admin) =>
  api(`/tenants/${t.codeA}/imports/${kind}/dry-run${mapping ? `?mapping=${encodeURIComponent(JSON.stringify(mapping))}` : ""}`, { rawBody: file, headers: { "content-type": "text/csv" }, cookie });
const commit = (kind: string, file: string, mapping: Record<string, string>) =>
  api(`/tenants/${t.codeA}/imports/${kind}/commit?chunk=0&mapping=${encodeURIComponent(JSON.stringify(mapping))}`, { rawBody: file, headers: { "content-type": "text/csv" }, cookie: t.a.tenant_admin });
/** The same file with other headers. */
const renamed = (csv: string, headers: string[]) => toCsv([headers, ...parseCsv(csv).slice(1)]);

beforeAll(async () => {
  t = await twoTenants();
  await seedPd(t.tA, "1.30", "Sekretariat Daerah");
  await seedPd(t.tA, "4.01.07", "Biro Organisasi");
});

describe("header similarity", () => {
  it("scores renamed, abbreviated and extended headers above unrelated ones", () => {
    expect(headerSimilarity("Kode PD", "kode_pd")).toBe(1);
    expect(headerSimilarity("Tahun", "Thn")).toBeGreaterThanOrEqual(0.5);
    expect(headerSimilarity("Kode SKPD", "Kode PD")).toBeGreaterThanOrEqual(0.5);
    expect(headerSimilarity("Nama", "Nama Sub Kegiatan")).toBeGreaterThanOrEqual(0.5);
    expect(headerSimilarity("Pagu Murni", "NIP")).toBeLessThan(0.5);
  });

  it("suggests each file header for at most one column, the best first", () => {
    const m = matchColumns(sipdSpec.columns, ["Thn", "SKPD", "Kode", "Nama Sub Kegiatan", "Pagu APBD Murni", "Pagu APBD Perubahan", "Realisasi Triwulan I", "Keterangan"]);
    expect(m.exact).toBe(false);
    expect(m.suggested).toMatchObject({ Tahun: "Thn", "Kode SKPD": "SKPD", Kode: "Kode", Nama: "Nama Sub Kegiatan", "Pagu Murni": "Pagu APBD Murni", "Pagu Perubahan": "Pagu APBD Perubahan", "Realisasi TW I": "Realisasi Triwulan I", Sasaran: null });
    const used = Object.values(m.suggested).filter(Boolean);
    expect(new Set(used).size).toBe(used.length);
    expect(matchColumns(pegawaiSpec.columns, pegawaiSpec.columns.map((c) => c.header)).exact).toBe(true);
  });

  it("the sample files in the repo need no mapping step", () => {
    const samples = { org_units: [strukturCsv], pegawai: [pegawaiCsv], sipd: [sipdCsv], sakip_history: [sakipCsv, sakipJatimCsv] };
    for (const [kind, files] of Object.entries(samples)) {
      for (const f of files) expect(matchColumns(KINDS[kind]!.spec.columns, parseCsv(f)[0]!).exact, kind).toBe(true);
    }
  });
});

describe("mapping step", () => {
  it("works for every kind: a template with prefixed headers needs mapping, and the suggestion maps each back", async () => {
    for (const kind of KIND_NAMES) {
      const headers = KINDS[kind]!.spec.columns.map((c) => c.header);
      const dry = await dryRun(kind, toCsv([headers.map((h) => `Kolom ${h}`)]));
      expect(dry.status, kind).toBe(200);
      expect(dry.json.columns.exact, kind).toBe(false);
      expect(dry.json.columns.detected, kind).toEqual(headers.map((h) => `Kolom ${h}`));
      expect(dry.json.columns.suggested, kind).toEqual(Object.fromEntries(headers.map((h) => [h, `Kolom ${h}`])));
      const exact = await dryRun(kind, toCsv([headers]));
      expect(exact.json.columns.exact, kind).toBe(true);
    }
  });

  it("a file with other headers imports with the mapping, on dry run and commit alike", async () => {
    await api(`/tenants/${t.codeA}/imports/org_units/commit?chunk=0`, { rawBody: strukturCsv, headers: { "content-type": "text/csv" }, cookie: t.a.tenant_admin });
    const file = renamed(pegawaiCsv, ["NIP Baru", "Nama Pegawai", "Nama Jabatan", "SKPD", "Unit Kerja", "Eselon", "TMT Jabatan"]);
    const plain = await dryRun("pegawai", file);
    expect(plain.json.canCommit).toBe(false);
    expect(plain.json.issues.filter((i: any) => i.severity === "error").map((i: any) => i.column)).toEqual(["NIP", "Nama", "Jabatan", "Kode PD"]);
    expect(plain.json.columns).toMatchObject({ exact: false, suggested: { NIP: "NIP Baru", Nama: "Nama Pegawai", Jabatan: "Nama Jabatan", Eselon: "Eselon" } });
    const mapping = { NIP: "NIP Baru", Nama: "Nama Pegawai", Jabatan: "Nama Jabatan", "Kode PD": "SKPD", kode_unit: "Unit Kerja", TMT: "TMT Jabatan" };
    const mapped = await dryRun("pegawai", file, mapping);
    expect(mapped.json, JSON.stringify(mapped.json.issues)).toMatchObject({ canCommit: true, summary: { create: 5 } });
    expect(mapped.json.columns.suggested).toMatchObject({ "Kode PD": "SKPD", "Kode Unit": "Unit Kerja" });
    expect((await commit("pegawai", file, mapping)).status).toBe(200);
    const n = await dbOf(t.tA).prepare("SELECT count(*) AS n FROM jabatan_holders WHERE tenant_id = ? AND nip = '198503122010012015'").bind(t.tA).first<{ n: number }>();
    expect(n!.n).toBe(1);
    expect((await dryRun("pegawai", file, mapping)).json.summary).toMatchObject({ create: 0, update: 0 });
  });

  it("rejects a malformed mapping with 400 and reports unknown columns and headers in it", async () => {
    const file = toCsv([pegawaiSpec.columns.map((c) => c.header)]);
    for (const bad of ["{", "[1]", '{"NIP":5}']) {
      const r = await api(`/tenants/${t.codeA}/imports/pegawai/dry-run?mapping=${encodeURIComponent(bad)}`, { rawBody: file, headers: { "content-type": "text/csv" }, cookie: t.a.tenant_admin });
      expect(r.status, bad).toBe(400);
      expect(r.json.error.issues.map((i: any) => i.path)).toEqual(["mapping"]);
    }
    const r = await dryRun("pegawai", file, { Gaji: "NIP", Nama: "Nama Lengkap" });
    expect(r.json.issues.filter((i: any) => i.severity === "error").map((i: any) => i.message)).toEqual(['Pemetaan: kolom "Gaji" tidak dikenal', 'Pemetaan: kolom "Nama Lengkap" tidak ada di berkas']);
    expect((await dryRun("pegawai", file, { NIP: "NIP" }, t.a.viewer)).status).toBe(403);
  });
});
