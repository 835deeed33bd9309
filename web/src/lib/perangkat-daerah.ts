import type { LoadEvent } from "@sveltejs/kit";
import { loadApi, query } from "./api";
import type { PerangkatDaerah } from "./types";

const PAGE = 200;

/** Every PD of the tenant, for pickers: the API pages its list, so this follows the pages. */
export async function loadAllPerangkatDaerah(event: Pick<LoadEvent, "fetch" | "url" | "untrack">, tenantCode: string): Promise<PerangkatDaerah[]> {
  const path = `/tenants/${encodeURIComponent(tenantCode)}/perangkat-daerah`;
  const items: PerangkatDaerah[] = [];
  for (;;) {
    const page = await loadApi<{ items: PerangkatDaerah[]; total: number }>(event, `${path}${query({ limit: PAGE, offset: items.length })}`);
    items.push(...page.items);
    if (page.items.length < PAGE || items.length >= page.total) return items;
  }
}
