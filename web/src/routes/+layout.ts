import { error, redirect } from "@sveltejs/kit";
import { api, ApiError } from "$lib/api";
import type { Me } from "$lib/types";
import type { LayoutLoad } from "./$types";

// A single-page app: everything renders in the browser, the Worker only serves index.html.
export const ssr = false;
export const prerender = false;

const ENROL_PATH = "/akun";

/** Who is signed in (null if nobody), for every page. Invalidated by signing in and out. */
export const load: LayoutLoad = async ({ fetch, url }) => {
  let me: Me;
  try {
    me = await api<Me>("GET", "/auth/me", undefined, fetch);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return { me: null };
    if (e instanceof ApiError) error(e.status || 503, e.message);
    throw e;
  }
  // Someone who must use two-step sign-in can do nothing else until enrolled (the API refuses too).
  if (me.security.totpEnrolmentRequired && url.pathname !== ENROL_PATH) redirect(307, ENROL_PATH);
  return { me };
};
