import { loadApi } from "$lib/api";
import { loadAllPerangkatDaerah } from "$lib/perangkat-daerah";
import type { List, Member, PendingInvitation } from "$lib/types";
import type { PageLoad } from "./$types";

/** Members, pending invitations, and the perangkat daerah a PD-scoped role can point at. */
export const load: PageLoad = async (event) => {
  const base = `/tenants/${encodeURIComponent(event.params.code)}`;
  event.depends("app:users");
  const [users, invitations, pds] = await Promise.all([
    loadApi<List<Member>>(event, `${base}/users`),
    loadApi<List<PendingInvitation>>(event, `${base}/invitations`),
    loadAllPerangkatDaerah(event, event.params.code),
  ]);
  return { members: users.items, invitations: invitations.items, pds };
};
