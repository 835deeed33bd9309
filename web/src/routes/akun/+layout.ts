import { redirect } from "@sveltejs/kit";
import { loginHref } from "$lib/api";
import type { LayoutLoad } from "./$types";

export const load: LayoutLoad = async (event) => {
  const { me } = await event.parent();
  if (!me) redirect(307, loginHref(event.untrack(() => event.url)));
  return { me };
};
