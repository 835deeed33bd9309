import { beforeAll, describe, expect, it } from "vitest";
import { api, twoTenants, type World } from "./helpers";

let t: World;
beforeAll(async () => {
  t = await twoTenants();
});

describe("tenant and settings", () => {
  it("any member reads the tenant with default settings and their grants", async () => {
    const r = await api(`/tenants/${t.codeA}`, { cookie: t.a.agency_admin });
    expect(r.status).toBe(200);
    expect(r.json.settings).toMatchObject({ negativePolarityMethod: "2T-R", efisiensiMode: "difference", ikmWeightMode: "exact", shareWithProvinsi: false });
    expect(r.json.settings.capaianBands.at(-1)).toEqual({ min: 0, label: "Sangat Rendah" });
    expect(r.json.grants).toEqual([{ role: "agency_admin", pdId: t.pdA }]);
  });

  it("tenant admin changes one setting; the others keep their values", async () => {
    const r = await api(`/tenants/${t.codeA}/settings`, { method: "PATCH", cookie: t.a.tenant_admin, body: { efisiensiMode: "clamped" } });
    expect(r.status).toBe(200);
    const r2 = await api(`/tenants/${t.codeA}/settings`, { method: "PATCH", cookie: t.a.tenant_admin, body: { ikmWeightMode: "legacy_0_111" } });
    expect(r2.json).toMatchObject({ efisiensiMode: "clamped", ikmWeightMode: "legacy_0_111", negativePolarityMethod: "2T-R" });
  });

  it("bad settings are field errors; other roles get 403", async () => {
    const bad = await api(`/tenants/${t.codeA}/settings`, { method: "PATCH", cookie: t.a.tenant_admin, body: { efisiensiMode: "magic", capaianBands: [] } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: any) => i.path).sort()).toEqual(["capaianBands", "efisiensiMode"]);
    const long = await api(`/tenants/${t.codeA}/settings`, { method: "PATCH", cookie: t.a.tenant_admin, body: { signingPlace: "x".repeat(61) } });
    expect(long.json.error.issues).toEqual([{ path: "signingPlace", message: "Paling banyak 60 karakter" }]);
    expect((await api(`/tenants/${t.codeA}/settings`, { method: "PATCH", cookie: t.a.evaluator, body: { efisiensiMode: "clamped" } })).status).toBe(403);
  });

  it("another tenant answers 404 and its settings are untouched", async () => {
    expect((await api(`/tenants/${t.codeB}`, { cookie: t.a.tenant_admin })).status).toBe(404);
    expect((await api(`/tenants/${t.codeB}/settings`, { method: "PATCH", cookie: t.a.tenant_admin, body: { efisiensiMode: "clamped" } })).status).toBe(404);
    expect((await api(`/tenants/${t.codeB}`, { cookie: t.b.viewer })).json.settings.efisiensiMode).toBe("difference");
  });

  it("the audit log records changes with before and after, for admins and evaluators", async () => {
    const r = await api(`/tenants/${t.codeA}/audit-log?entity=tenant_settings`, { cookie: t.a.evaluator });
    expect(r.status).toBe(200);
    expect(r.json.items[0]).toMatchObject({ action: "update", entity: "tenant_settings", userName: "tenant_admin" });
    expect(r.json.items[0].before.ikmWeightMode).toBe("exact");
    expect(r.json.items[0].after.ikmWeightMode).toBe("legacy_0_111");
    // Settings are audited in the control plane, a new PD in the tenant database: pages merge both.
    expect((await api(`/tenants/${t.codeA}/perangkat-daerah`, { cookie: t.a.tenant_admin, body: { code: "9.99", name: "Dinas Audit", kind: "dinas" } })).status).toBe(201);
    const all = (await api(`/tenants/${t.codeA}/audit-log`, { cookie: t.a.tenant_admin })).json.items.map((i: any) => i.id);
    expect(all.some((id: string) => id.startsWith("t")) && all.some((id: string) => id.startsWith("c"))).toBe(true);
    const walked: string[] = [];
    for (let before: string | null = "", n = 0; before !== null && n < 20; n++) {
      const page = await api(`/tenants/${t.codeA}/audit-log?limit=1${before ? `&before=${before}` : ""}`, { cookie: t.a.tenant_admin });
      walked.push(...page.json.items.map((i: any) => i.id));
      before = page.json.nextBefore;
    }
    expect(walked).toEqual(all);
    expect((await api(`/tenants/${t.codeA}/audit-log`, { cookie: t.a.viewer })).status).toBe(403);
    expect((await api(`/tenants/${t.codeA}/audit-log?limit=abc`, { cookie: t.a.tenant_admin })).status).toBe(400);
    const other = await api(`/tenants/${t.codeB}/audit-log`, { cookie: t.b.tenant_admin });
    expect(other.json.items.some((i: any) => i.entity === "tenant_settings")).toBe(false);
  });
});
