import { loadApi, query } from "$lib/api";
import type { PageLoad } from "./$types";
import type { PdRanking, PemdaRanking } from "$lib/ranking/types";

/** The PD ranking of a year, or (tab=kabkota, provinsi only) its opted-in kabupaten/kota. Year and tab live in the URL. */
export const load: PageLoad = async (event) => {
  const { tenant } = await event.parent();
  const params = event.url.searchParams;
  const year = Number(params.get("year")) || undefined;
  const tab = params.get("tab") === "kabkota" && tenant.kind === "provinsi" ? "kabkota" : "pd";
  event.depends("app:ranking");
  const base = `/tenants/${encodeURIComponent(event.params.code)}/ranking`;
  if (tab === "kabkota") {
    return { tab, pd: null, pemda: await loadApi<PemdaRanking>(event, `${base}/kabupaten-kota${query({ year })}`) } as const;
  }
  return { tab, pd: await loadApi<PdRanking>(event, `${base}${query({ year })}`), pemda: null } as const;
};
