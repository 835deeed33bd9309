import { loadApi, query } from "$lib/api";
import type { PageLoad } from "./$types";
import type { PdRanking, PemdaRanking } from "$lib/ranking/types";

/** The PD ranking of a year, or (tab=kabkota, provinsi only) its opted-in kabupaten/kota. Year, tab and the late filter live in the URL. */
export const load: PageLoad = async (event) => {
  const { tenant } = await event.parent();
  const params = event.url.searchParams;
  const year = Number(params.get("year")) || undefined;
  const tab = params.get("tab") === "kabkota" && tenant.kind === "provinsi" ? "kabkota" : "pd";
  // "Hanya PD terlambat": the PD on the late-updaters board (tenggat) for the year.
  const late = params.get("late") === "1" ? "true" : undefined;
  event.depends("app:ranking");
  const base = `/tenants/${encodeURIComponent(event.params.code)}/ranking`;
  if (tab === "kabkota") {
    return { tab, pd: null, pemda: await loadApi<PemdaRanking>(event, `${base}/kabupaten-kota${query({ year })}`) } as const;
  }
  return { tab, pd: await loadApi<PdRanking>(event, `${base}${query({ year, late })}`), pemda: null } as const;
};
