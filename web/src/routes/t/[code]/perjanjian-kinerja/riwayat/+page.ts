import { loadApi, query } from "$lib/api";
import type { PageLoad } from "./$types";

export type HistoryItem = { id: number; entity: string; entityId: string | null; action: string; userName: string | null; before: unknown; after: unknown; createdAt: number };

export const load: PageLoad = async (event) => {
  const { base, pdId, year } = await event.parent();
  if (!pdId) return { items: [] as HistoryItem[] };
  return loadApi<{ items: HistoryItem[] }>(event, `${base}/kinerja-history${query({ pdId, year })}`);
};
