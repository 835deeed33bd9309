import { loadApi, query } from "$lib/api";
import { loadAllPerangkatDaerah } from "$lib/perangkat-daerah";
import type { DocumentItem, LkjipStatus } from "$lib/documents";
import type { PageLoad } from "./$types";

const PAGE_SIZE = 50;

/** The tenant's documents filtered by `?tahun=&pd=&jenis=&status=&hal=`, its PD for the pickers, and each PD's LKjIP of the year (default: last year). */
export const load: PageLoad = async (event) => {
  const p = event.url.searchParams;
  const filters = { tahun: p.get("tahun") ?? "", pd: p.get("pd") ?? "", jenis: p.get("jenis") ?? "", status: p.get("status") ?? "" };
  const page = Math.max(1, Number(p.get("hal")) || 1);
  const code = encodeURIComponent(event.params.code);
  event.depends("app:documents");
  const lkjipYear = Number(filters.tahun) || new Date().getFullYear() - 1;
  const [list, pds, lkjip] = await Promise.all([
    loadApi<{ items: DocumentItem[]; total: number }>(
      event,
      `/tenants/${code}/documents${query({
        year: filters.tahun,
        pdId: filters.pd,
        kind: filters.jenis,
        published: filters.status === "terbit" ? "true" : filters.status === "belum" ? "false" : "",
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      })}`,
    ),
    loadAllPerangkatDaerah(event, event.params.code),
    loadApi<LkjipStatus>(event, `/tenants/${code}/documents/lkjip-status?year=${lkjipYear}`),
  ]);
  return { ...list, page, pageSize: PAGE_SIZE, filters, pds, lkjip };
};
