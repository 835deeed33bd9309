import { loadApi, query } from "$lib/api";
import { loadAllPerangkatDaerah } from "$lib/perangkat-daerah";
import type { Inbox, PkSummary } from "./types";
import type { LayoutLoad } from "./$types";

/**
 * The PD and year every page of the module works on (?pd=&year=), the PK versions of that PD
 * and what waits on the caller. Defaults: the caller's own PD, then the latest year with a PK.
 */
export const load: LayoutLoad = async (event) => {
  const { tenant } = await event.parent();
  event.depends("app:kinerja");
  const base = `/tenants/${encodeURIComponent(tenant.code)}`;
  const params = event.url.searchParams;
  const [pds, allPk, inbox] = await Promise.all([
    loadAllPerangkatDaerah(event, tenant.code),
    loadApi<{ items: PkSummary[] }>(event, `${base}/perjanjian-kinerja`),
    loadApi<Inbox>(event, `${base}/kinerja-inbox`),
  ]);
  const ownPd = tenant.grants.find((g) => g.pdId)?.pdId;
  const pdId = [params.get("pd"), ownPd, allPk.items.at(-1)?.pdId, pds[0]?.id].find((id) => id && pds.some((p) => p.id === id)) ?? "";
  const pkOfPd = allPk.items.filter((p) => p.pdId === pdId);
  const yearParam = Number(params.get("year"));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : (pkOfPd.at(-1)?.year ?? new Date().getFullYear());
  return { base, pds, pdId, year, pkList: pkOfPd, allPk: allPk.items, inbox, q: query({ pd: pdId, year }) };
};
