import { api, ApiError } from "$lib/api";
import type { Invitation } from "$lib/types";
import type { PageLoad } from "./$types";

/** The invitation, or why it cannot be used (404 unknown link, 410 used/expired/revoked). */
export const load: PageLoad = async ({ params, fetch, parent }) => {
  const { me } = await parent();
  try {
    const invitation = await api<Invitation>("GET", `/invitations/${encodeURIComponent(params.token)}`, undefined, fetch);
    return { me, invitation, problem: null };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const problem =
      e.status === 404 ? "Tautan undangan ini tidak dikenal. Periksa kembali tautan yang Anda terima, atau minta admin mengirim undangan baru." : e.message;
    return { me, invitation: null, problem };
  }
};
