import { loadApi, query } from "$lib/api";
import type { PerangkatDaerah } from "$lib/types";
import { PD_KINDS, type PdKind } from "$shared/kinds";
import type { PageLoad } from "./$types";

const PAGE_SIZE = 25;

/** One page of perangkat daerah; search, kind filter and page number live in the URL. */
export const load: PageLoad = async (event) => {
  const params = event.url.searchParams;
  const q = params.get("q")?.trim() ?? "";
  const kindParam = params.get("kind") ?? "";
  const kind = (PD_KINDS as readonly string[]).includes(kindParam) ? (kindParam as PdKind) : "";
  const page = Math.max(1, Math.floor(Number(params.get("page"))) || 1);
  event.depends("app:perangkat-daerah");
  const list = await loadApi<{ items: PerangkatDaerah[]; total: number }>(
    event,
    `/tenants/${encodeURIComponent(event.params.code)}/perangkat-daerah${query({ q, kind, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`,
  );
  return { q, kind, page, pageSize: PAGE_SIZE, ...list };
};
