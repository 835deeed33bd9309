// Shape of GET /api/v1/public/ikm/units/{slug} (worker/routes/ikm-public.ts).
export type Option = { value: string; label: string };
export type SurveyForm = {
  unit: { slug: string; name: string; pdName: string; tenantCode: string; tenantName: string; services: string[]; onePerDevice: boolean };
  survey: {
    version: number;
    unsur: { code: string; name: string; question: string; labels: string[] }[];
    extraQuestions: { id: string; question: string; options: string[] }[];
  };
  period: { label: string } | null;
  options: { gender: Option[]; education: Option[]; occupation: Option[] };
  minFillMs: number;
};
