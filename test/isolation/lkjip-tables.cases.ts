import type { IsolationCase } from "./case";

const params = (t: { pdB: string }) => ({ pdId: t.pdB, year: "2021" });

export const cases: IsolationCase[] = [
  { method: "get", path: "/tenants/{code}/perangkat-daerah/{pdId}/lkjip/{year}/tabel", params },
  { method: "post", path: "/tenants/{code}/perangkat-daerah/{pdId}/lkjip/{year}/tabel/sdm", params, body: { rows: [], sumber: "", version: 0 } },
  { method: "post", path: "/tenants/{code}/perangkat-daerah/{pdId}/lkjip/{year}/tabel/sarana", params, body: { rows: [], sumber: "", version: 0 } },
];
