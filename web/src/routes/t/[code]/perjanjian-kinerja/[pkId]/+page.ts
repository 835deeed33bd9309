import { loadApi } from "$lib/api";
import type { PkDetail, PkDiff } from "../types";
import type { PageLoad } from "./$types";

export const load: PageLoad = async (event) => {
  const { base } = await event.parent();
  event.depends("app:pk");
  const path = `${base}/perjanjian-kinerja/${encodeURIComponent(event.params.pkId)}`;
  const [pk, diff] = await Promise.all([loadApi<PkDetail>(event, path), loadApi<PkDiff>(event, `${path}/diff`)]);
  return { pk, diff };
};
