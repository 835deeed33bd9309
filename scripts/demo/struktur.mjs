// The Kaltim Setda structure (seed 002, Pergub Kaltim 18/2021) from the committed import file
// scripts/demo/files/kaltim-setda-struktur.csv — the same file a tenant admin can import on the
// Organisasi › Impor page (the browser test does). Node cannot run the TypeScript import pipeline, so
// this turns the file into SQL directly; ids are deterministic, e.g. demo-jabatan-64-4.01.07-BO
// for Kepala Biro Organisasi, so other demo modules can link to them.
import { readFileSync } from "node:fs";

export const STRUKTUR_FILE = new URL("./files/kaltim-setda-struktur.csv", import.meta.url);
const TENANT = "64";
const KIND = { "Sekretariat Daerah": "sekretariat_daerah", Asisten: "asisten", Biro: "biro", Bagian: "bagian", Subbagian: "subbagian", "Kelompok Jabatan Fungsional": "kelompok_fungsional" };
const ESELON = { II: "II", III: "III", IV: "IV", Fungsional: "fungsional", Pelaksana: "pelaksana" };

/** Cells of one line of this file: comma-separated, double quotes around cells holding commas. */
const cells = (line) => [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) => (m[1] ?? m[2] ?? "").replaceAll('""', '"'));

export function strukturSql({ now, tenantId, row }) {
  const [, ...lines] = readFileSync(STRUKTUR_FILE, "utf8").split(/\r?\n/).filter(Boolean);
  const out = [];
  const unitId = (pd, code) => `demo-unit-${TENANT}-${pd}-${code}`;
  for (const line of lines) {
    const [pd, code, name, kind, eselon, parent, aktif, jabatan, holder, nip, tmt] = cells(line);
    const pdId = `demo-pd-${TENANT}-${pd}`;
    out.push(row("org_units", { id: unitId(pd, code), tenant_id: tenantId(TENANT), pd_id: pdId, parent_id: parent ? unitId(pd, parent) : null, code, name, kind: KIND[kind], eselon: ESELON[eselon], active: aktif === "Ya" ? 1 : 0, created_at: now, updated_at: now }));
    if (!jabatan) continue;
    const jabatanId = `demo-jabatan-${TENANT}-${pd}-${code}`;
    out.push(row("jabatan", { id: jabatanId, tenant_id: tenantId(TENANT), pd_id: pdId, unit_id: unitId(pd, code), name: jabatan, eselon: ESELON[eselon], is_head: 1, active: 1, created_at: now, updated_at: now }));
    if (nip) out.push(row("jabatan_holders", { id: `${jabatanId}-1`, tenant_id: tenantId(TENANT), jabatan_id: jabatanId, name: holder, nip: nip.replace(/\s+/g, ""), valid_from: tmt, valid_to: null, created_at: now, updated_at: now }));
  }
  return out;
}
