import { loadApi } from "$lib/api";
import { loadAllPerangkatDaerah } from "$lib/perangkat-daerah";
import type { PageLoad } from "./$types";
import type { Plan } from "./types";

/** Every RPJMD and Renstra of the pemda, and its PD for the "new Renstra" form. */
export const load: PageLoad = async (event) => {
  const code = encodeURIComponent(event.params.code);
  event.depends("app:plans");
  const [plans, pds] = await Promise.all([
    loadApi<{ items: Plan[] }>(event, `/tenants/${code}/plans`),
    loadAllPerangkatDaerah(event, event.params.code),
  ]);
  return { plans: plans.items, pds };
};
