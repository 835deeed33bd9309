import { error } from "@sveltejs/kit";
import type { SurveyForm } from "./types";
import type { PageLoad } from "./$types";

/** The unit's form; kept in localStorage so a reload without signal still shows it. */
export const load: PageLoad = async ({ fetch, params }) => {
  const cacheKey = `ikm-form:${params.slug}`;
  try {
    const res = await fetch(`/api/v1/public/ikm/units/${encodeURIComponent(params.slug)}`, { headers: { accept: "application/json" } });
    const data = await res.json().catch(() => null);
    if (!res.ok) error(res.status, data?.error?.message ?? "Survei tidak dapat dibuka");
    localStorage.setItem(cacheKey, JSON.stringify(data));
    return { form: data as SurveyForm };
  } catch (e) {
    if (e && typeof e === "object" && "status" in e) throw e;
    const cached = localStorage.getItem(cacheKey);
    if (cached) return { form: JSON.parse(cached) as SurveyForm };
    error(503, "Tidak ada sinyal. Coba buka kembali tautan survei saat sinyal tersedia.");
  }
};
