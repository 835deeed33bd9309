import { loadApi, query } from "$lib/api";
import type { AuditEntry } from "$lib/types";
import type { PageLoad } from "./$types";

/** The newest entries; older ones are fetched by the page with `before`. */
export const load: PageLoad = async (event) => {
  const entity = event.url.searchParams.get("entity") ?? "";
  const log = await loadApi<{ items: AuditEntry[]; nextBefore: string | null }>(
    event,
    `/tenants/${encodeURIComponent(event.params.code)}/audit-log${query({ entity })}`,
  );
  return { entity, ...log };
};
