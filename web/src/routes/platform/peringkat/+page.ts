import { loadApi, query } from "$lib/api";
import type { PemdaRanking } from "$lib/ranking/types";
import type { PageLoad } from "./$types";

/** The national table: every pemda that opted in to public comparison, from published figures. */
export const load: PageLoad = async (event) => {
  const year = Number(event.url.searchParams.get("year")) || undefined;
  return { ranking: await loadApi<PemdaRanking>(event, `/platform/ranking${query({ year })}`) };
};
