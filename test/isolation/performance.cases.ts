import type { IsolationCase } from "./case";

const cell = { indicatorId: "x", year: 2022, period: 1, value: "1", status: "final", version: 0 };

export const cases: IsolationCase[] = [
  { method: "get", path: "/tenants/{code}/perjanjian-kinerja" },
  { method: "post", path: "/tenants/{code}/perjanjian-kinerja", body: (t) => ({ pdId: t.pdB, year: 2022 }) },
  { method: "get", path: "/tenants/{code}/perjanjian-kinerja/{pkId}" },
  { method: "delete", path: "/tenants/{code}/perjanjian-kinerja/{pkId}" },
  { method: "post", path: "/tenants/{code}/perjanjian-kinerja/{pkId}/items", body: { items: [] } },
  { method: "post", path: "/tenants/{code}/perjanjian-kinerja/{pkId}/submit" },
  { method: "post", path: "/tenants/{code}/perjanjian-kinerja/{pkId}/approve" },
  { method: "post", path: "/tenants/{code}/perjanjian-kinerja/{pkId}/return" },
  { method: "post", path: "/tenants/{code}/perjanjian-kinerja/{pkId}/revisions", body: { effectiveDate: "2022-07-01", reason: "Perubahan APBD" } },
  { method: "get", path: "/tenants/{code}/perjanjian-kinerja/{pkId}/diff" },
  { method: "get", path: "/tenants/{code}/realisasi" },
  { method: "post", path: "/tenants/{code}/realisasi", body: cell },
  { method: "post", path: "/tenants/{code}/realisasi/{realisasiId}/evidence" },
  { method: "get", path: "/tenants/{code}/evidence/{evidenceId}" },
  { method: "delete", path: "/tenants/{code}/evidence/{evidenceId}" },
  { method: "get", path: "/tenants/{code}/anggaran" },
  { method: "post", path: "/tenants/{code}/anggaran", body: (t) => ({ pdId: t.pdB, year: 2022, nodeId: "x", jenis: "operasi", paguMurni: 1 }) },
  { method: "patch", path: "/tenants/{code}/anggaran/{lineId}", body: { paguMurni: 1, version: 1 } },
  { method: "delete", path: "/tenants/{code}/anggaran/{lineId}" },
  { method: "get", path: "/tenants/{code}/laporan-triwulan" },
  { method: "post", path: "/tenants/{code}/laporan-triwulan", body: (t) => ({ pdId: t.pdB, year: 2022, period: 1 }) },
  { method: "get", path: "/tenants/{code}/laporan-triwulan/{reportId}" },
  { method: "post", path: "/tenants/{code}/laporan-triwulan/{reportId}/disposition", body: { disposition: "LAPORAN SUDAH BAIK" } },
  { method: "get", path: "/tenants/{code}/kinerja-inbox" },
  { method: "get", path: "/tenants/{code}/kinerja-history" },
];
