import type { IsolationCase } from "./case";

const unit = { code: "U1", name: "Bagian Sisipan", kind: "bagian", eselon: "III" };

export const cases: IsolationCase[] = [
  { method: "get", path: "/tenants/{code}/perangkat-daerah/{pdId}/struktur", params: (t) => ({ pdId: t.pdB }) },
  { method: "post", path: "/tenants/{code}/perangkat-daerah/{pdId}/units", params: (t) => ({ pdId: t.pdB }), body: unit },
  { method: "get", path: "/tenants/{code}/org-units" },
  { method: "patch", path: "/tenants/{code}/org-units/{unitId}", body: { name: "Diambil Alih" } },
  { method: "get", path: "/tenants/{code}/jabatan" },
  { method: "post", path: "/tenants/{code}/jabatan", body: (t) => ({ pdId: t.pdB, name: "Kepala Sisipan", eselon: "III" }) },
  { method: "patch", path: "/tenants/{code}/jabatan/{jabatanId}", body: { name: "Diambil Alih" } },
  { method: "get", path: "/tenants/{code}/jabatan/{jabatanId}/holders" },
  { method: "post", path: "/tenants/{code}/jabatan/{jabatanId}/holders", body: { name: "Orang Lain", nip: "197101241997031007", validFrom: "2024-01-01" } },
  { method: "get", path: "/tenants/{code}/imports/{kind}/template", params: () => ({ kind: "org_units" }) },
  { method: "post", path: "/tenants/{code}/imports/{kind}/dry-run", params: () => ({ kind: "org_units" }), body: "Kode PD,Kode Unit\n" },
  { method: "post", path: "/tenants/{code}/imports/{kind}/commit", params: () => ({ kind: "org_units" }), body: "Kode PD,Kode Unit\n" },
  { method: "get", path: "/tenants/{code}/exports/{kind}", params: () => ({ kind: "org_units" }) },
];
