import type { IsolationCase } from "./case";

const unit = (t: { pdB: string }) => ({ pdId: t.pdB, name: "Loket Diambil Alih", slug: "loket-diambil-alih" });
const survey = {
  unsur: Array.from({ length: 9 }, (_, i) => ({ question: `Pertanyaan unsur ${i + 1}?`, labels: ["Buruk", "Cukup", "Baik", "Sangat baik"] })),
  extraQuestions: [],
};

export const cases: IsolationCase[] = [
  { method: "get", path: "/tenants/{code}/unit-layanan" },
  { method: "post", path: "/tenants/{code}/unit-layanan", body: unit },
  { method: "get", path: "/tenants/{code}/unit-layanan/{id}" },
  { method: "patch", path: "/tenants/{code}/unit-layanan/{id}", body: { name: "Diambil Alih" } },
  { method: "get", path: "/tenants/{code}/ikm/survey" },
  { method: "post", path: "/tenants/{code}/ikm/survey", body: survey },
  { method: "get", path: "/tenants/{code}/ikm/periods" },
  { method: "post", path: "/tenants/{code}/ikm/periods", body: { kind: "tahun", year: 2030, number: 1 } },
  { method: "patch", path: "/tenants/{code}/ikm/periods/{id}", body: { status: "closed" } },
  { method: "post", path: "/tenants/{code}/ikm/periods/{id}/recount" },
  { method: "get", path: "/tenants/{code}/ikm/results" },
  { method: "get", path: "/tenants/{code}/ikm/results/units/{id}" },
  { method: "get", path: "/tenants/{code}/ikm/saran" },
  { method: "patch", path: "/tenants/{code}/ikm/saran/{id}", body: { hidden: true } },
  { method: "get", path: "/tenants/{code}/ikm/export/responses" },
  { method: "get", path: "/tenants/{code}/ikm/export/report" },
];
