import { loadApi } from "$lib/api";
import type { AccountSecurity, AccountSession, List } from "$lib/types";
import type { PageLoad } from "./$types";

export const load: PageLoad = async (event) => {
  event.depends("app:account");
  const [security, sessions] = await Promise.all([
    loadApi<AccountSecurity>(event, "/account/security"),
    // A session waiting for enrolment may not list sessions yet.
    loadApi<List<AccountSession>>(event, "/account/sessions").catch(() => null),
  ]);
  return { security, sessions: sessions?.items ?? null };
};
