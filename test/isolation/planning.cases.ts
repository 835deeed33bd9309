import type { IsolationCase } from "./case";

// Tenant B's code under tenant A's admin: every planning route answers 404 before reading ids.
const indicator = { name: "Indikator", satuan: "%", polarity: "positive", kind: "numeric" };

export const cases: IsolationCase[] = [
  { method: "get", path: "/tenants/{code}/plans" },
  { method: "post", path: "/tenants/{code}/plans", body: { kind: "rpjmd", name: "RPJMD Sisipan", yearFrom: 2040, yearTo: 2044 } },
  { method: "get", path: "/tenants/{code}/plans/{planId}" },
  { method: "get", path: "/tenants/{code}/plans/{planId}/cascade" },
  { method: "get", path: "/tenants/{code}/plans/{planId}/capaian" },
  { method: "patch", path: "/tenants/{code}/plans/{planId}", body: { name: "Diambil Alih" } },
  { method: "post", path: "/tenants/{code}/plans/{planId}/approve" },
  { method: "post", path: "/tenants/{code}/plans/{planId}/nodes", body: { level: "tujuan", name: "Tujuan Sisipan" } },
  { method: "patch", path: "/tenants/{code}/plans/{planId}/nodes/{nodeId}", body: { name: "Diambil Alih" } },
  { method: "delete", path: "/tenants/{code}/plans/{planId}/nodes/{nodeId}" },
  { method: "get", path: "/tenants/{code}/plans/{planId}/nodes/{nodeId}/history" },
  { method: "post", path: "/tenants/{code}/plans/{planId}/nodes/{nodeId}/indicators", body: indicator },
  { method: "patch", path: "/tenants/{code}/plans/{planId}/indicators/{indicatorId}", body: { name: "Diambil Alih" } },
  { method: "delete", path: "/tenants/{code}/plans/{planId}/indicators/{indicatorId}" },
  { method: "post", path: "/tenants/{code}/plans/{planId}/indicators/{indicatorId}/targets", body: { targets: [{ year: 2026, period: 0, value: "80" }] } },
];
