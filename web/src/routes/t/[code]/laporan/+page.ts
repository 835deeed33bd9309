import { loadApi, query } from "$lib/api";
import { loadAllPerangkatDaerah } from "$lib/perangkat-daerah";
import { REPORT_KINDS, type ReportKind } from "$shared/schemas/reports";
import type { LkjipTablesOut } from "$shared/schemas/lkjip-tables";
import type { GeneratedDoc, Section, Target } from "./types";
import type { PageLoad } from "./$types";

/**
 * The report chosen with ?kind=&pd=&year=&tw=: its texts and generated files. Defaults: the LKjIP of
 * the caller's own PD (tenant-wide roles: the first PD) for last year, as the LKjIP is written then.
 */
export const load: PageLoad = async (event) => {
  const { tenant } = await event.parent();
  event.depends("app:laporan-dokumen");
  const base = `/tenants/${encodeURIComponent(tenant.code)}`;
  const params = event.url.searchParams;
  const wide = tenant.grants.some((g) => g.pdId === null && (g.role === "tenant_admin" || g.role === "evaluator"));
  const allPds = await loadAllPerangkatDaerah(event, tenant.code);
  const ownPds = new Set(tenant.grants.filter((g) => g.pdId).map((g) => g.pdId));
  const pds = wide ? allPds : allPds.filter((p) => ownPds.has(p.id));
  const kindParam = params.get("kind") as ReportKind | null;
  const kind: ReportKind = kindParam && REPORT_KINDS.includes(kindParam) ? kindParam : "lkjip";
  const pdParam = params.get("pd");
  // "" (pemda-wide) only for the LKjIP and only for tenant-wide roles.
  const pdId = pdParam === "" && wide && kind === "lkjip" ? "" : ([pdParam, pds[0]?.id].find((id) => id && pds.some((p) => p.id === id)) ?? "");
  const yearParam = Number(params.get("year"));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : new Date().getFullYear() - 1;
  const twParam = Number(params.get("tw"));
  const period = [1, 2, 3, 4].includes(twParam) ? twParam : 4;
  const target: Target = { kind, pdId, year, period };
  // A PD's report, or the pemda-wide LKjIP for tenant-wide roles; a viewer has neither.
  const ready = pdId ? true : wide && kind === "lkjip";
  // A PD's LKjIP also has the Bab I data tables (Tabel 1.1 and 1.2).
  const bab1Path = ready && kind === "lkjip" && pdId ? `${base}/perangkat-daerah/${encodeURIComponent(pdId)}/lkjip/${year}/tabel` : null;
  const [sections, documents, bab1] = ready
    ? await Promise.all([
        loadApi<{ items: Section[] }>(event, `${base}/laporan/sections${query({ kind, pdId, year })}`),
        loadApi<{ items: GeneratedDoc[]; currentVersion: string | null }>(event, `${base}/laporan/documents${query({ kind, pdId, year, period: kind === "triwulan" ? period : undefined })}`),
        bab1Path ? loadApi<LkjipTablesOut>(event, bab1Path) : null,
      ])
    : [{ items: [] }, { items: [], currentVersion: null }, null];
  return { base, pds, wide, ready, target, sections: sections.items, documents: documents.items, currentVersion: documents.currentVersion, bab1 };
};
