import { beforeAll, describe, expect, it } from "vitest";
import { api, twoTenants, type World } from "./helpers";

let t: World;
beforeAll(async () => {
  t = await twoTenants();
});

describe("users and roles", () => {
  it("lists members with their roles and PD names", async () => {
    const r = await api(`/tenants/${t.codeA}/users`, { cookie: t.a.tenant_admin });
    expect(r.status).toBe(200);
    expect(r.json.items).toHaveLength(5);
    const op = r.json.items.find((u: any) => u.email === "agency_admin@a.test");
    expect(op.grants).toEqual([{ id: expect.any(String), role: "agency_admin", pdId: t.pdA, pdName: "PD 1.01" }]);
    expect(r.json.items.some((u: any) => u.email.endsWith("@b.test"))).toBe(false);
  });

  it("grants and removes a role; bad role is a field error", async () => {
    const uid = t.ids.a.viewer;
    expect((await api(`/tenants/${t.codeA}/users/${uid}/roles`, { cookie: t.a.tenant_admin, body: { role: "evaluator" } })).status).toBe(200);
    const bad = await api(`/tenants/${t.codeA}/users/${uid}/roles`, { cookie: t.a.tenant_admin, body: { role: "superuser" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("role");
    const list = await api(`/tenants/${t.codeA}/users`, { cookie: t.a.tenant_admin });
    const viewer = list.json.items.find((u: any) => u.id === uid);
    expect(viewer.grants.map((g: any) => g.role).sort()).toEqual(["evaluator", "viewer"]);
    const ev = viewer.grants.find((g: any) => g.role === "evaluator");
    expect((await api(`/tenants/${t.codeA}/users/${uid}/roles/${ev.id}`, { method: "DELETE", cookie: t.a.tenant_admin })).status).toBe(200);
  });

  it("refuses to remove the last tenant admin", async () => {
    const list = await api(`/tenants/${t.codeA}/users`, { cookie: t.a.tenant_admin });
    const admin = list.json.items.find((u: any) => u.id === t.ids.a.tenant_admin);
    const r = await api(`/tenants/${t.codeA}/users/${admin.id}/roles/${admin.grants[0].id}`, { method: "DELETE", cookie: t.a.tenant_admin });
    expect(r.status).toBe(409);
  });

  it("deactivates and reactivates a member; a deactivated member gets 404 for the tenant", async () => {
    const uid = t.ids.a.agency_head;
    expect((await api(`/tenants/${t.codeA}/users/${uid}/deactivate`, { method: "POST", cookie: t.a.tenant_admin })).status).toBe(200);
    expect((await api(`/tenants/${t.codeA}`, { cookie: t.a.agency_head })).status).toBe(404);
    expect((await api(`/tenants/${t.codeA}/users/${uid}/activate`, { method: "POST", cookie: t.a.tenant_admin })).status).toBe(200);
    expect((await api(`/tenants/${t.codeA}`, { cookie: t.a.agency_head })).status).toBe(200);
    const self = await api(`/tenants/${t.codeA}/users/${t.ids.a.tenant_admin}/deactivate`, { method: "POST", cookie: t.a.tenant_admin });
    expect(self.status).toBe(409);
  });

  it("non-admins get 403 on every users endpoint", async () => {
    for (const role of ["evaluator", "agency_admin", "agency_head", "viewer"] as const) {
      expect((await api(`/tenants/${t.codeA}/users`, { cookie: t.a[role] })).status).toBe(403);
      expect((await api(`/tenants/${t.codeA}/invitations`, { cookie: t.a[role] })).status).toBe(403);
      expect((await api(`/tenants/${t.codeA}/users/${t.ids.a.viewer}/roles`, { cookie: t.a[role], body: { role: "evaluator" } })).status).toBe(403);
      expect((await api(`/tenants/${t.codeA}/users/${t.ids.a.viewer}/deactivate`, { method: "POST", cookie: t.a[role] })).status).toBe(403);
    }
  });

  it("another tenant's user cannot be touched through this tenant (404)", async () => {
    const uid = t.ids.b.viewer;
    expect((await api(`/tenants/${t.codeA}/users/${uid}/roles`, { cookie: t.a.tenant_admin, body: { role: "evaluator" } })).status).toBe(404);
    expect((await api(`/tenants/${t.codeA}/users/${uid}/deactivate`, { method: "POST", cookie: t.a.tenant_admin })).status).toBe(404);
    expect((await api(`/tenants/${t.codeB}`, { cookie: t.b.viewer })).status).toBe(200);
  });
});
