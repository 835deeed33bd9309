import { beforeAll, describe, expect, it } from "vitest";
import { api, twoTenants, type World } from "./helpers";

let t: World;
let pdA2: string;
const base = () => `/tenants/${t.codeA}`;

async function addUnit(pdId: string, body: Record<string, unknown>, cookie = t.a.tenant_admin) {
  return api(`${base()}/perangkat-daerah/${pdId}/units`, { cookie, body });
}

beforeAll(async () => {
  t = await twoTenants();
  pdA2 = (await api(`${base()}/perangkat-daerah`, { cookie: t.a.tenant_admin, body: { code: "4.01.07", name: "Biro Organisasi", kind: "biro", yearFrom: 2021 } })).json.id;
});

describe("organisation tree", () => {
  it("builds a tree, warns above Permendagri 56/2019 limits, renames and deactivates", async () => {
    const biro = await addUnit(pdA2, { code: "B", name: "Biro Organisasi", kind: "biro", eselon: "II" });
    expect(biro.status).toBe(201);
    const bagian = [];
    for (const i of [1, 2, 3, 4]) {
      const r = await addUnit(pdA2, { code: `B.${i}`, name: `Bagian ${i}`, kind: "bagian", eselon: "III", parentId: biro.json.id });
      expect(r.status).toBe(201);
      bagian.push(r.json);
    }
    let tree = await api(`${base()}/perangkat-daerah/${pdA2}/struktur`, { cookie: t.a.viewer });
    expect(tree.status).toBe(200);
    expect(tree.json.units).toHaveLength(5);
    expect(tree.json.warnings).toEqual([{ unitId: biro.json.id, message: expect.stringContaining("4 Bagian") }]);

    const off = await api(`${base()}/org-units/${bagian[3].id}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { active: false, name: "Bagian Empat" } });
    expect(off.json).toMatchObject({ active: false, name: "Bagian Empat" });
    tree = await api(`${base()}/perangkat-daerah/${pdA2}/struktur`, { cookie: t.a.viewer });
    expect(tree.json.warnings).toEqual([]);

    const table = await api(`${base()}/org-units?pdId=${pdA2}&kind=bagian&active=true`, { cookie: t.a.viewer });
    expect(table.json.total).toBe(3);
  });

  it("moves a unit, but never under itself or its descendants (400)", async () => {
    const root = (await addUnit(pdA2, { code: "M", name: "Unit Akar", kind: "bagian", eselon: "III" })).json;
    const child = (await addUnit(pdA2, { code: "M.1", name: "Unit Anak", kind: "subbagian", eselon: "IV", parentId: root.id })).json;
    const grandchild = (await addUnit(pdA2, { code: "M.1.1", name: "Unit Cucu", kind: "lainnya", eselon: "pelaksana", parentId: child.id })).json;
    for (const parentId of [root.id, grandchild.id]) {
      const r = await api(`${base()}/org-units/${root.id}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { parentId } });
      expect(r.status).toBe(400);
      expect(r.json.error.issues[0].path).toBe("parentId");
    }
    const moved = await api(`${base()}/org-units/${grandchild.id}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { parentId: root.id } });
    expect(moved.json.parentId).toBe(root.id);
    const top = await api(`${base()}/org-units/${child.id}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { parentId: null } });
    expect(top.json.parentId).toBeNull();
    // A parent in another PD is not a parent here.
    const other = (await addUnit(t.pdA, { code: "X", name: "Unit Lain", kind: "bidang", eselon: "III" })).json;
    expect((await api(`${base()}/org-units/${child.id}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { parentId: other.id } })).status).toBe(400);
  });

  it("rejects bad input and duplicate codes", async () => {
    const bad = await addUnit(pdA2, { code: "", name: "X", kind: "planet", eselon: "V" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: any) => i.path).sort()).toEqual(["code", "eselon", "kind", "name"]);
    await addUnit(pdA2, { code: "D", name: "Unit Ganda", kind: "bagian", eselon: "III" });
    expect((await addUnit(pdA2, { code: "D", name: "Unit Ganda Lagi", kind: "bagian", eselon: "III" })).status).toBe(409);
    expect((await addUnit(pdA2, { code: "D2", name: "Induk Hilang", kind: "bagian", eselon: "III", parentId: "nope" })).status).toBe(400);
  });

  it("lets an agency admin shape only their own PD; viewers and evaluators not at all (403)", async () => {
    expect((await addUnit(t.pdA, { code: "AG", name: "Unit Operator", kind: "bidang", eselon: "III" }, t.a.agency_admin)).status).toBe(201);
    expect((await addUnit(pdA2, { code: "AG", name: "Unit Operator", kind: "bidang", eselon: "III" }, t.a.agency_admin)).status).toBe(403);
    for (const role of ["viewer", "evaluator", "agency_head"] as const) {
      expect((await addUnit(t.pdA, { code: "NO", name: "Tidak Boleh", kind: "bidang", eselon: "III" }, t.a[role])).status).toBe(403);
    }
  });

  it("another tenant's units and jabatan answer 404 under this tenant's code, and stay unchanged", async () => {
    const unitB = (await api(`/tenants/${t.codeB}/perangkat-daerah/${t.pdB}/units`, { cookie: t.b.tenant_admin, body: { code: "B1", name: "Unit Milik B", kind: "bidang", eselon: "III" } })).json;
    const jabB = (await api(`/tenants/${t.codeB}/jabatan`, { cookie: t.b.tenant_admin, body: { pdId: t.pdB, unitId: unitB.id, name: "Kepala Unit B", eselon: "III", isHead: true } })).json;
    const a = t.a.tenant_admin;
    expect((await api(`${base()}/perangkat-daerah/${t.pdB}/struktur`, { cookie: a })).status).toBe(404);
    expect((await addUnit(t.pdB, { code: "Z", name: "Sisipan", kind: "bidang", eselon: "III" })).status).toBe(404);
    expect((await api(`${base()}/org-units/${unitB.id}`, { method: "PATCH", cookie: a, body: { name: "Diambil Alih" } })).status).toBe(404);
    expect((await api(`${base()}/jabatan/${jabB.id}`, { method: "PATCH", cookie: a, body: { name: "Diambil Alih" } })).status).toBe(404);
    expect((await api(`${base()}/jabatan/${jabB.id}/holders`, { cookie: a })).status).toBe(404);
    expect((await api(`${base()}/jabatan/${jabB.id}/holders`, { cookie: a, body: { name: "Penyusup", nip: "197101241997031007", validFrom: "2024-01-01" } })).status).toBe(404);
    expect((await api(`${base()}/jabatan`, { cookie: a, body: { pdId: t.pdB, name: "Sisipan", eselon: "III" } })).status).toBe(404);
    expect((await api(`${base()}/jabatan?pdId=${t.pdB}`, { cookie: a })).json.items).toEqual([]);
    expect((await api(`${base()}/org-units?pdId=${t.pdB}`, { cookie: a })).json.total).toBe(0);
    const still = await api(`/tenants/${t.codeB}/perangkat-daerah/${t.pdB}/struktur`, { cookie: t.b.viewer });
    expect(still.json.units.map((u: any) => u.name)).toEqual(["Unit Milik B"]);
    expect(still.json.jabatan.map((j: any) => [j.name, j.holder])).toEqual([["Kepala Unit B", null]]);
  });
});

describe("jabatan and holders", () => {
  it("keeps holder history: a new holder ends the previous term the day before", async () => {
    const unit = (await addUnit(pdA2, { code: "H", name: "Bagian Riwayat", kind: "bagian", eselon: "III" })).json;
    const j = await api(`${base()}/jabatan`, { cookie: t.a.tenant_admin, body: { pdId: pdA2, unitId: unit.id, name: "Kepala Bagian Riwayat", eselon: "III", isHead: true } });
    expect(j.status).toBe(201);
    expect((await api(`${base()}/jabatan`, { cookie: t.a.tenant_admin, body: { pdId: pdA2, unitId: unit.id, name: "Kepala Kedua", eselon: "III", isHead: true } })).status).toBe(409);
    const first = await api(`${base()}/jabatan/${j.json.id}/holders`, { cookie: t.a.tenant_admin, body: { name: "Muhammad Sa'bani", nip: "19620128 198803 1 005", validFrom: "2019-01-02" } });
    expect(first.status).toBe(201);
    expect(first.json.nip).toBe("196201281988031005");
    const second = await api(`${base()}/jabatan/${j.json.id}/holders`, { cookie: t.a.tenant_admin, body: { name: "Ir. Riza Indra Riadi, M.Si.", nip: "196410281990031009", validFrom: "2022-02-01" } });
    expect(second.status).toBe(201);
    const history = await api(`${base()}/jabatan/${j.json.id}/holders`, { cookie: t.a.viewer });
    expect(history.json.items.map((h: any) => [h.name, h.validFrom, h.validTo])).toEqual([
      ["Ir. Riza Indra Riadi, M.Si.", "2022-02-01", null],
      ["Muhammad Sa'bani", "2019-01-02", "2022-01-31"],
    ]);
    const list = await api(`${base()}/jabatan?pdId=${pdA2}&unitId=${unit.id}`, { cookie: t.a.viewer });
    expect(list.json.items[0].holder.name).toBe("Ir. Riza Indra Riadi, M.Si.");
    const renamed = await api(`${base()}/jabatan/${j.json.id}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { name: "Kepala Bagian Sejarah" } });
    expect(renamed.json.name).toBe("Kepala Bagian Sejarah");
  });

  it("validates NIP and dates (400) and roles (403)", async () => {
    const j = (await api(`${base()}/jabatan`, { cookie: t.a.tenant_admin, body: { pdId: pdA2, name: "Analis Kebijakan", eselon: "fungsional" } })).json;
    for (const nip of ["12345", "196413281990031009", "196410281990131009", "196410281990033009", "19641028199003100X"]) {
      const r = await api(`${base()}/jabatan/${j.id}/holders`, { cookie: t.a.tenant_admin, body: { name: "Salah NIP", nip, validFrom: "2022-02-01" } });
      expect(r.status, nip).toBe(400);
      expect(r.json.error.issues[0].path).toBe("nip");
    }
    const badDate = await api(`${base()}/jabatan/${j.id}/holders`, { cookie: t.a.tenant_admin, body: { name: "Salah Tanggal", nip: "196410281990031009", validFrom: "2022-02-30" } });
    expect(badDate.json.error.issues[0].path).toBe("validFrom");
    await api(`${base()}/jabatan/${j.id}/holders`, { cookie: t.a.tenant_admin, body: { name: "Pejabat Kini", nip: "196410281990031009", validFrom: "2022-02-01" } });
    const earlier = await api(`${base()}/jabatan/${j.id}/holders`, { cookie: t.a.tenant_admin, body: { name: "Terlambat", nip: "197101241997031007", validFrom: "2021-01-01" } });
    expect(earlier.status).toBe(400);
    const badJabatan = await api(`${base()}/jabatan`, { cookie: t.a.tenant_admin, body: { pdId: pdA2, name: "X", eselon: "I" } });
    expect(badJabatan.json.error.issues.map((i: any) => i.path).sort()).toEqual(["eselon", "name"]);
    expect((await api(`${base()}/jabatan/${j.id}/holders`, { cookie: t.a.viewer, body: { name: "Pejabat Baru", nip: "197101241997031007", validFrom: "2024-01-01" } })).status).toBe(403);
    expect((await api(`${base()}/jabatan`, { cookie: t.a.agency_admin, body: { pdId: pdA2, name: "Bukan PD-nya", eselon: "pelaksana" } })).status).toBe(403);
  });
});

describe("perangkat daerah active years", () => {
  it("stores years and refuses an end before the start", async () => {
    const pd = await api(`${base()}/perangkat-daerah/${pdA2}`, { cookie: t.a.viewer });
    expect(pd.json).toMatchObject({ yearFrom: 2021, yearTo: null });
    const bad = await api(`${base()}/perangkat-daerah/${pdA2}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { yearFrom: 2021, yearTo: 2019 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("yearTo");
  });

  it("a PATCH leaves out what it does not name (a deactivated PD stays inactive when renamed)", async () => {
    await api(`${base()}/perangkat-daerah/${pdA2}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { active: false } });
    const renamed = await api(`${base()}/perangkat-daerah/${pdA2}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { name: "Biro Organisasi (lama)" } });
    expect(renamed.json).toMatchObject({ name: "Biro Organisasi (lama)", active: false, yearFrom: 2021 });
  });
});
