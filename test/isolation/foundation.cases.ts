import type { IsolationCase } from "./case";

export const cases: IsolationCase[] = [
  { method: "get", path: "/tenants/{code}" },
  { method: "patch", path: "/tenants/{code}/settings", body: { efisiensiMode: "clamped" } },
  { method: "get", path: "/tenants/{code}/audit-log" },
  { method: "get", path: "/tenants/{code}/users" },
  { method: "get", path: "/tenants/{code}/invitations" },
  { method: "post", path: "/tenants/{code}/invitations", body: { email: "x@y.test", name: "Xx Yy", role: "viewer" } },
  { method: "delete", path: "/tenants/{code}/invitations/{id}" },
  { method: "post", path: "/tenants/{code}/users/{userId}/roles", params: (t) => ({ userId: t.ids.b.viewer }), body: { role: "viewer" } },
  { method: "delete", path: "/tenants/{code}/users/{userId}/roles/{membershipId}", params: (t) => ({ userId: t.ids.b.viewer }) },
  { method: "post", path: "/tenants/{code}/users/{userId}/deactivate", params: (t) => ({ userId: t.ids.b.viewer }) },
  { method: "post", path: "/tenants/{code}/users/{userId}/activate", params: (t) => ({ userId: t.ids.b.viewer }) },
  { method: "get", path: "/tenants/{code}/perangkat-daerah" },
  { method: "post", path: "/tenants/{code}/perangkat-daerah", body: { code: "7.77", name: "Sisipan", kind: "dinas" } },
  { method: "get", path: "/tenants/{code}/perangkat-daerah/{id}", params: (t) => ({ id: t.pdB }) },
  { method: "patch", path: "/tenants/{code}/perangkat-daerah/{id}", params: (t) => ({ id: t.pdB }), body: { name: "Diambil Alih" } },
];
