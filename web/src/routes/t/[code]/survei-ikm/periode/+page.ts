import { loadApi } from "$lib/api";
import type { Period } from "../types";
import type { PageLoad } from "./$types";

export const load: PageLoad = async (event) => {
  event.depends("app:ikm-periods");
  const list = await loadApi<{ items: Period[] }>(event, `/tenants/${encodeURIComponent(event.params.code)}/ikm/periods`);
  return { periods: list.items.toReversed() };
};
