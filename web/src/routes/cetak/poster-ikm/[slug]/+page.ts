import { error } from "@sveltejs/kit";
import type { SurveyForm } from "../../../s/[slug]/types";
import type { PageLoad } from "./$types";

/** Unit names for the poster, from the same public endpoint the survey page reads. */
export const load: PageLoad = async ({ fetch, params }) => {
  const res = await fetch(`/api/v1/public/ikm/units/${encodeURIComponent(params.slug)}`, { headers: { accept: "application/json" } });
  const data = await res.json().catch(() => null);
  if (!res.ok) error(res.status, data?.error?.message ?? "Unit layanan tidak ditemukan");
  return { form: data as SurveyForm, slug: params.slug };
};
