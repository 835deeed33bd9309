import { loadApi, query } from "$lib/api";
import type { PageLoad } from "./$types";
import type { Jabatan, PlanTree } from "../types";

/** The plan's tree as in force on ?asOf= (default today), and the PD's jabatan for owner choices. */
export const load: PageLoad = async (event) => {
  const code = encodeURIComponent(event.params.code);
  const asOf = event.url.searchParams.get("asOf") ?? "";
  event.depends("app:plan");
  const tree = await loadApi<PlanTree>(event, `/tenants/${code}/plans/${encodeURIComponent(event.params.planId)}${query({ asOf: /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : "" })}`);
  const jabatan = tree.plan.pdId ? (await loadApi<{ items: Jabatan[] }>(event, `/tenants/${code}/jabatan${query({ pdId: tree.plan.pdId })}`)).items : [];
  return { ...tree, asOfParam: asOf, jabatan };
};
