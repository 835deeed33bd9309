import { loadApi, query } from "$lib/api";
import type { Saran, UnitResult } from "../../types";
import type { PageLoad } from "./$types";

export const load: PageLoad = async (event) => {
  const code = encodeURIComponent(event.params.code);
  const id = encodeURIComponent(event.params.id);
  const periodId = event.url.searchParams.get("periodId") ?? "";
  const year = event.url.searchParams.get("year") ?? "";
  event.depends("app:ikm-saran");
  const [result, saran] = await Promise.all([
    loadApi<UnitResult>(event, `/tenants/${code}/ikm/results/units/${id}${query({ periodId, year })}`),
    loadApi<{ items: Saran[]; total: number }>(event, `/tenants/${code}/ikm/saran${query({ unitId: event.params.id, periodId, limit: 100 })}`),
  ]);
  return { result, saran };
};
