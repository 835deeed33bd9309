import { redirect } from "@sveltejs/kit";
import { loadApi, loginHref } from "$lib/api";
import type { Tenant } from "$lib/types";
import type { LayoutLoad } from "./$types";

/** The pemda being worked in, its settings and the caller's roles there (404 if not a member). */
export const load: LayoutLoad = async (event) => {
  const { me } = await event.parent();
  if (!me) redirect(307, loginHref(event.untrack(() => event.url)));
  event.depends("app:tenant");
  const tenant = await loadApi<Tenant>(event, `/tenants/${encodeURIComponent(event.params.code)}`);
  return { me, tenant, roles: [...new Set(tenant.grants.map((g) => g.role))] };
};
