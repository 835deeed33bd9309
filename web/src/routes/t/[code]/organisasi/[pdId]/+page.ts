import { loadApi } from "$lib/api";
import type { PerangkatDaerah } from "$lib/types";
import type { Struktur } from "../struktur";
import type { PageLoad } from "./$types";

export const load: PageLoad = async (event) => {
  const base = `/tenants/${encodeURIComponent(event.params.code)}/perangkat-daerah/${encodeURIComponent(event.params.pdId)}`;
  event.depends("app:struktur");
  const [pd, struktur] = await Promise.all([loadApi<PerangkatDaerah>(event, base), loadApi<Struktur>(event, `${base}/struktur`)]);
  return { pd, struktur };
};
