import { loadApi } from "$lib/api";
import { loadAllPerangkatDaerah } from "$lib/perangkat-daerah";
import type { Unit } from "../types";
import type { PageLoad } from "./$types";

export const load: PageLoad = async (event) => {
  const code = encodeURIComponent(event.params.code);
  event.depends("app:unit-layanan");
  const [units, pds] = await Promise.all([
    loadApi<{ items: Unit[] }>(event, `/tenants/${code}/unit-layanan`),
    loadAllPerangkatDaerah(event, event.params.code),
  ]);
  return { units: units.items, pds };
};
