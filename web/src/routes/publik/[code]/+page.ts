import { error } from "@sveltejs/kit";
import { api, ApiError } from "$lib/api";
import type { Portal } from "$lib/documents";
import type { PageLoad } from "./$types";

export type IkmBoard = { year: number | null; total: { responses: number; ikm: number | null; mutu: { code: string; label: string } | null }; units: unknown[] };

/** The public portal of a pemda (no sign-in), with its IKM board's headline figure beside it. */
export const load: PageLoad = async ({ fetch, params }) => {
  const code = encodeURIComponent(params.code);
  const board = api<IkmBoard>("GET", `/public/ikm/boards/${code}`, undefined, fetch).catch(() => null);
  try {
    return { portal: await api<Portal>("GET", `/public/portal/${code}`, undefined, fetch), board: await board };
  } catch (e) {
    if (e instanceof ApiError) error(e.status || 503, e.message);
    throw e;
  }
};
