// Response shapes of the IKM API (worker/routes/ikm.ts, unit-layanan.ts).
export type Mutu = { code: "A" | "B" | "C" | "D"; label: string } | null;
export type Summary = { responses: number; nrr: (number | null)[]; ikm: number | null; mutu: Mutu; weakest: string | null };
export type Sample = { population: number; krejcieMorgan: number; slovin: number; adequate: boolean } | null;
export type Period = { id: string; kind: "triwulan" | "semester" | "tahun"; year: number; number: number; label: string; startsOn: string; endsOn: string; status: "open" | "closed" };
export type Unit = {
  id: string;
  pdId: string;
  pdName: string;
  name: string;
  slug: string;
  services: string[];
  populations: Record<string, number>;
  published: boolean;
  onePerDevice: boolean;
  active: boolean;
};
export type Respondents = Record<"gender" | "ageBand" | "education" | "occupation" | "service", { value: string; n: number }[]>;
export type TrendRow = { periodId: string; label: string; responses: number; ikm: number | null; mutu: Mutu };
export type Results = {
  scope: { label: string; year: number | null; periodIds: string[] };
  weightMode: string;
  unsur: { code: string; name: string }[];
  tenant: Summary;
  trend: TrendRow[];
  respondents: Respondents;
  pds: { pdId: string; pdName: string; units: number; summary: Summary }[];
  units: { id: string; slug: string; name: string; pdId: string; pdName: string; active: boolean; summary: Summary; sample: Sample }[];
};
export type UnitResult = {
  unit: { id: string; name: string; slug: string; pdId: string };
  scope: { label: string; year: number | null };
  weightMode: string;
  summary: Summary;
  unsur: { code: string; name: string; counts: number[]; nrr: number | null }[];
  respondents: Respondents;
  sample: Sample;
  trend: TrendRow[];
};
export type Saran = { id: string; unitId: string; unitName: string; saran: string; hidden: boolean; submittedOn: string };
