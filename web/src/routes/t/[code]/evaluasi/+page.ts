import { loadApi, query } from "$lib/api";
import { loadAllPerangkatDaerah } from "$lib/perangkat-daerah";
import type { PageLoad } from "./$types";
import type { EvaluationSummary, Template } from "./types";

/** Evaluations of one year (from the URL; default the latest year with a template) beside every PD. */
export const load: PageLoad = async (event) => {
  const base = `/tenants/${encodeURIComponent(event.params.code)}`;
  event.depends("app:evaluations");
  const [templates, pds] = await Promise.all([
    loadApi<{ items: Template[] }>(event, `${base}/lke-templates`),
    loadAllPerangkatDaerah(event, event.params.code),
  ]);
  const latest = templates.items.map((t) => t.year).sort((a, b) => b - a)[0];
  const year = Number(event.url.searchParams.get("year")) || latest || new Date().getFullYear();
  const list = await loadApi<{ items: EvaluationSummary[]; template: Template | null }>(event, `${base}/evaluations${query({ year })}`);
  return { year, templates: templates.items, pds, ...list };
};
