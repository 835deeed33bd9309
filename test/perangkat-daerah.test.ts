import { beforeAll, describe, expect, it } from "vitest";
import { api, twoTenants, type World } from "./helpers";

let t: World;
beforeAll(async () => {
  t = await twoTenants();
});

describe("perangkat daerah register", () => {
  it("creates, lists with search and filters, updates", async () => {
    const r = await api(`/tenants/${t.codeA}/perangkat-daerah`, { cookie: t.a.tenant_admin, body: { code: "4.01.01", name: "Bagian Protokol", kind: "bagian", headName: "Drs. Contoh" } });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ code: "4.01.01", name: "Bagian Protokol", kind: "bagian", active: true });
    const search = await api(`/tenants/${t.codeA}/perangkat-daerah?q=protokol`, { cookie: t.a.viewer });
    expect(search.json.items.map((x: any) => x.code)).toEqual(["4.01.01"]);
    expect(search.json.total).toBe(1);
    const byKind = await api(`/tenants/${t.codeA}/perangkat-daerah?kind=dinas`, { cookie: t.a.viewer });
    expect(byKind.json.items.map((x: any) => x.code)).toEqual(["1.01"]);
    const page = await api(`/tenants/${t.codeA}/perangkat-daerah?limit=1&offset=1`, { cookie: t.a.viewer });
    expect(page.json.items).toHaveLength(1);
    expect(page.json.total).toBe(2);
    const upd = await api(`/tenants/${t.codeA}/perangkat-daerah/${r.json.id}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { active: false } });
    expect(upd.status).toBe(200);
    expect(upd.json.active).toBe(false);
    expect((await api(`/tenants/${t.codeA}/perangkat-daerah/${r.json.id}`, { cookie: t.a.viewer })).json.active).toBe(false);
  });

  it("rejects bad input and duplicate codes", async () => {
    const bad = await api(`/tenants/${t.codeA}/perangkat-daerah`, { cookie: t.a.tenant_admin, body: { code: "", name: "X", kind: "planet" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: any) => i.path).sort()).toEqual(["code", "kind", "name"]);
    const dup = await api(`/tenants/${t.codeA}/perangkat-daerah`, { cookie: t.a.tenant_admin, body: { code: "1.01", name: "Dinas Lagi", kind: "dinas" } });
    expect(dup.status).toBe(409);
    const badQuery = await api(`/tenants/${t.codeA}/perangkat-daerah?limit=0`, { cookie: t.a.viewer });
    expect(badQuery.status).toBe(400);
  });

  it("the same code may exist in another tenant", async () => {
    const r = await api(`/tenants/${t.codeB}/perangkat-daerah`, { cookie: t.b.tenant_admin, body: { code: "4.01.01", name: "Bagian Protokol B", kind: "bagian" } });
    expect(r.status).toBe(201);
  });

  it("only tenant admins write (403)", async () => {
    for (const role of ["evaluator", "agency_admin", "agency_head", "viewer"] as const) {
      expect((await api(`/tenants/${t.codeA}/perangkat-daerah`, { cookie: t.a[role], body: { code: "9.99", name: "Tidak Boleh", kind: "dinas" } })).status).toBe(403);
      expect((await api(`/tenants/${t.codeA}/perangkat-daerah/${t.pdA}`, { method: "PATCH", cookie: t.a[role], body: { name: "Tidak Boleh" } })).status).toBe(403);
    }
  });

  it("another tenant's PD answers 404 by id, and never appears in lists", async () => {
    expect((await api(`/tenants/${t.codeA}/perangkat-daerah/${t.pdB}`, { cookie: t.a.tenant_admin })).status).toBe(404);
    expect((await api(`/tenants/${t.codeA}/perangkat-daerah/${t.pdB}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { name: "Diambil Alih" } })).status).toBe(404);
    const list = await api(`/tenants/${t.codeA}/perangkat-daerah?limit=200`, { cookie: t.a.tenant_admin });
    expect(list.json.items.some((x: any) => x.id === t.pdB)).toBe(false);
  });
});
