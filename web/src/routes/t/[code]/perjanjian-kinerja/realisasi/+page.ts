import { loadApi, query } from "$lib/api";
import type { Anggaran, Kinerja } from "../types";
import type { PageLoad } from "./$types";

export const load: PageLoad = async (event) => {
  const { base, pdId, year } = await event.parent();
  event.depends("app:realisasi");
  if (!pdId) return { kinerja: null, anggaran: null };
  const q = query({ pdId, year });
  const [kinerja, anggaran] = await Promise.all([loadApi<Kinerja>(event, `${base}/realisasi${q}`), loadApi<Anggaran>(event, `${base}/anggaran${q}`)]);
  return { kinerja, anggaran };
};
