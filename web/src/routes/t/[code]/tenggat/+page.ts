import { loadApi } from "$lib/api";
import type { DeadlineCalendar, Monitoring } from "$lib/types";
import type { PageLoad } from "./$types";

/** The tenant's calendar (with its IKM survey periods' ends) and late-updaters board for the year in `?tahun=` (default: this year). */
export const load: PageLoad = async (event) => {
  const year = Number(event.url.searchParams.get("tahun")) || new Date().getFullYear();
  const base = `/tenants/${encodeURIComponent(event.params.code)}`;
  event.depends("app:deadlines");
  const [calendar, monitoring] = await Promise.all([
    loadApi<DeadlineCalendar>(event, `${base}/deadlines?year=${year}`),
    loadApi<Monitoring>(event, `${base}/monitoring?year=${year}`),
  ]);
  return { ...calendar, monitoring };
};
