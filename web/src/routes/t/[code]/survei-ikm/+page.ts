import { loadApi, query } from "$lib/api";
import type { Period, Results } from "./types";
import type { PageLoad } from "./$types";

/** IKM results of one period or a year (URL: ?periodId= or ?year=); default the latest year. */
export const load: PageLoad = async (event) => {
  const code = encodeURIComponent(event.params.code);
  const periodId = event.url.searchParams.get("periodId") ?? "";
  const year = event.url.searchParams.get("year") ?? "";
  const [results, periods] = await Promise.all([
    loadApi<Results>(event, `/tenants/${code}/ikm/results${query({ periodId, year })}`),
    loadApi<{ items: Period[] }>(event, `/tenants/${code}/ikm/periods`),
  ]);
  return { results, periods: periods.items, periodId, year };
};
