import type { IsolationCase } from "./case";

export const cases: IsolationCase[] = [
  { method: "get", path: "/tenants/{code}/api-tokens" },
  { method: "post", path: "/tenants/{code}/api-tokens", body: { name: "Sisipan", role: "viewer", scopes: ["perangkat-daerah:read"] } },
  { method: "delete", path: "/tenants/{code}/api-tokens/{id}" },
  { method: "get", path: "/tenants/{code}/email-outbox" },
  { method: "get", path: "/tenants/{code}/deadlines" },
  { method: "post", path: "/tenants/{code}/deadlines", body: { label: "Sisipan", dueDate: "2028-03-01" } },
  { method: "patch", path: "/tenants/{code}/deadlines/{id}", body: { label: "Diambil Alih" } },
  { method: "delete", path: "/tenants/{code}/deadlines/{id}" },
  { method: "get", path: "/tenants/{code}/monitoring" },
];
