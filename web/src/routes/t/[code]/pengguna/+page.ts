import { loadApi } from "$lib/api";
import type { List, Member, PendingInvitation, PerangkatDaerah } from "$lib/types";
import type { PageLoad } from "./$types";

/** Members, pending invitations, and the perangkat daerah a PD-scoped role can point at. */
export const load: PageLoad = async (event) => {
  const base = `/tenants/${encodeURIComponent(event.params.code)}`;
  event.depends("app:users");
  const [users, invitations, pds] = await Promise.all([
    loadApi<List<Member>>(event, `${base}/users`),
    loadApi<List<PendingInvitation>>(event, `${base}/invitations`),
    // The API pages at most 200 rows; a pemda has fewer perangkat daerah than that.
    loadApi<List<PerangkatDaerah>>(event, `${base}/perangkat-daerah?limit=200`),
  ]);
  return { members: users.items, invitations: invitations.items, pds: pds.items };
};
