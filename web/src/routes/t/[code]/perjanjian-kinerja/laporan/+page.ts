import { loadApi, query } from "$lib/api";
import type { Report, ReportDetail } from "../types";
import type { PageLoad } from "./$types";

/** Reports of the whole tenant that wait on someone, and the one opened with ?report=. */
export const load: PageLoad = async (event) => {
  const { base } = await event.parent();
  event.depends("app:laporan");
  const id = event.url.searchParams.get("report");
  const status = event.url.searchParams.get("status") ?? "";
  const [list, report] = await Promise.all([
    loadApi<{ items: Report[] }>(event, `${base}/laporan-triwulan${query({ status })}`),
    id ? loadApi<ReportDetail>(event, `${base}/laporan-triwulan/${encodeURIComponent(id)}`) : Promise.resolve(null),
  ]);
  return { reports: list.items, report, status };
};
