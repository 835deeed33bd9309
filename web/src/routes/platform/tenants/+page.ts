import { loadApi } from "$lib/api";
import type { List, PlatformTenant } from "$lib/types";
import type { PageLoad } from "./$types";

export const load: PageLoad = async (event) => {
  event.depends("app:platform-tenants");
  const { items } = await loadApi<List<PlatformTenant>>(event, "/platform/tenants");
  return { tenants: items };
};
