import { loadApi } from "$lib/api";
import type { PerangkatDaerah } from "$lib/types";
import type { Unit } from "../types";
import type { PageLoad } from "./$types";

export const load: PageLoad = async (event) => {
  const code = encodeURIComponent(event.params.code);
  event.depends("app:unit-layanan");
  const [units, pds] = await Promise.all([
    loadApi<{ items: Unit[] }>(event, `/tenants/${code}/unit-layanan`),
    loadApi<{ items: PerangkatDaerah[] }>(event, `/tenants/${code}/perangkat-daerah?limit=200`),
  ]);
  return { units: units.items, pds: pds.items };
};
