import { error, redirect } from "@sveltejs/kit";
import { loginHref } from "$lib/api";
import type { LayoutLoad } from "./$types";

export const load: LayoutLoad = async (event) => {
  const { me } = await event.parent();
  if (!me) redirect(307, loginHref(event.untrack(() => event.url)));
  if (!me.user.isPlatformOperator) error(403, "Halaman ini hanya untuk operator platform.");
  return { me };
};
