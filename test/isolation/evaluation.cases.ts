import type { World } from "../helpers";
import type { IsolationCase } from "./case";

// Tenant B's records are addressed by made-up ids: membership is checked before the record, and
// test/evaluation.test.ts also tries B's real ids under A's code.
export const cases: IsolationCase[] = [
  { method: "get", path: "/tenants/{code}/lke-templates" },
  { method: "post", path: "/tenants/{code}/lke-templates", body: { year: 2030, kind: "lke2021" } },
  { method: "get", path: "/tenants/{code}/lke-templates/{id}" },
  { method: "patch", path: "/tenants/{code}/lke-templates/{id}", body: { name: "Diambil Alih" } },
  { method: "get", path: "/tenants/{code}/evaluations" },
  { method: "post", path: "/tenants/{code}/evaluations", body: (t: World) => ({ pdId: t.pdB, year: 2030 }) },
  { method: "get", path: "/tenants/{code}/evaluations/{id}" },
  { method: "patch", path: "/tenants/{code}/evaluations/{id}/answers", body: { answers: [{ criterionId: "perencanaan.a.1", answer: "Y" }] } },
  { method: "post", path: "/tenants/{code}/evaluations/{id}/transition", body: { action: "submit" } },
  { method: "post", path: "/tenants/{code}/evaluations/{id}/recommendations", body: { componentCode: "perencanaan", text: "Perbaiki target kinerja" } },
  { method: "patch", path: "/tenants/{code}/evaluations/{id}/recommendations/{recId}", body: { status: "done" } },
  { method: "get", path: "/tenants/{code}/ranking" },
  { method: "post", path: "/tenants/{code}/ranking/publish", body: { year: 2021 } },
  { method: "get", path: "/tenants/{code}/ranking/kabupaten-kota" },
  { method: "get", path: "/tenants/{code}/ranking/kabupaten-kota/{child}", params: () => ({ child: "64.01" }) },
];
