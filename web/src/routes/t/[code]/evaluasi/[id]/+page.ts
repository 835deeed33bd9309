import { loadApi } from "$lib/api";
import type { PageLoad } from "./$types";
import type { EvaluationDetail } from "../types";

export const load: PageLoad = async (event) => {
  event.depends("app:evaluation");
  const evaluation = await loadApi<EvaluationDetail>(event, `/tenants/${encodeURIComponent(event.params.code)}/evaluations/${encodeURIComponent(event.params.id)}`);
  return { evaluation };
};
