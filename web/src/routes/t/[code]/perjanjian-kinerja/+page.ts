import { loadApi } from "$lib/api";
import type { PageLoad } from "./$types";

/** Jabatan of the PD, for drafting an official's (Es. III/IV) PK. */
export const load: PageLoad = async (event) => {
  const { base, pdId } = await event.parent();
  if (!pdId) return { jabatan: [] };
  const list = await loadApi<{ items: { id: string; name: string; eselon: string }[] }>(event, `${base}/jabatan?pdId=${encodeURIComponent(pdId)}`);
  return { jabatan: list.items.filter((j) => ["II", "III", "IV"].includes(j.eselon)) };
};
