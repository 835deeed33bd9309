import { loadApi, query } from "$lib/api";
import type { Anggaran } from "../types";
import type { PageLoad } from "./$types";

type Node = { id: string; level: string; code: string | null; name: string };

/** The budget table, and the Renstra's programs/kegiatan/sub kegiatan a new line can be for. */
export const load: PageLoad = async (event) => {
  const { base, pdId, year } = await event.parent();
  event.depends("app:anggaran");
  if (!pdId) return { anggaran: null, nodes: [] as Node[] };
  const [anggaran, plans] = await Promise.all([
    loadApi<Anggaran>(event, `${base}/anggaran${query({ pdId, year })}`),
    loadApi<{ items: { id: string; yearFrom: number; yearTo: number }[] }>(event, `${base}/plans${query({ kind: "renstra", pdId })}`),
  ]);
  const plan = plans.items.find((p) => p.yearFrom <= year && year <= p.yearTo);
  const tree = plan ? await loadApi<{ nodes: Node[] }>(event, `${base}/plans/${plan.id}`) : { nodes: [] };
  return { anggaran, nodes: tree.nodes.filter((n) => ["program", "kegiatan", "sub_kegiatan"].includes(n.level)) };
};
