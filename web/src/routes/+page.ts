import { redirect } from "@sveltejs/kit";
import type { PageLoad } from "./$types";

/** Sends each person to where they work; people with several pemda choose on this page. */
export const load: PageLoad = async ({ parent }) => {
  const { me } = await parent();
  if (!me) redirect(307, "/login");
  const [first, ...others] = me.tenants;
  if (first && !others.length) redirect(307, `/t/${first.code}`);
  if (!first && me.user.isPlatformOperator) redirect(307, "/platform/tenants");
  return { me };
};
