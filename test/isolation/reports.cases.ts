import type { IsolationCase } from "./case";

const target = (t: { pdB: string }) => ({ kind: "lkjip", pdId: t.pdB, year: 2021 });

export const cases: IsolationCase[] = [
  { method: "get", path: "/tenants/{code}/laporan/sections" },
  { method: "post", path: "/tenants/{code}/laporan/sections", body: (t) => ({ ...target(t), section: "penutup", body: "x", version: 0 }) },
  { method: "get", path: "/tenants/{code}/laporan/preview" },
  { method: "post", path: "/tenants/{code}/laporan/jobs", body: target },
  { method: "get", path: "/tenants/{code}/laporan/jobs/{jobId}" },
  { method: "post", path: "/tenants/{code}/laporan/jobs/{jobId}/step" },
  { method: "get", path: "/tenants/{code}/laporan/documents" },
];
