import type { Db } from "../db/client";
import type { ReportTenant } from "./tables";
import { anggaran, findPd, kinerja } from "../data/performance";
import { readLkjipTables } from "../data/lkjip-tables";
import { byLine, ikmOfPd, pkOfYear, renstraTree, sakipHistory, sectionTexts } from "./sources";

// Everything one PD's LKjIP shows, gathered into a plain (JSON-safe) model: the renderers never
// query, and the model's hash is the document's data version. Figures come from the data
// functions of the performance, planning, IKM and evaluation modules (shared formulas inside).

export async function lkjipModel(db: Db, tenantId: string, pdId: string, year: number) {
  const pd = await findPd(db, tenantId, pdId);
  const [sections, tables, renstra, pk, perf, budget, sakip, ikm] = await Promise.all([
    sectionTexts(db, tenantId, "lkjip", pdId, year),
    readLkjipTables(db, tenantId, pdId, year),
    renstraTree(db, tenantId, pdId, year),
    pkOfYear(db, tenantId, pdId, year),
    kinerja(db, tenantId, pdId, year),
    anggaran(db, tenantId, pdId, year),
    sakipHistory(db, tenantId, pdId, year),
    ikmOfPd(db, tenantId, pdId, year),
  ]);
  return {
    pd: { id: pd.id, code: pd.code, name: pd.name },
    year,
    sections,
    // Bab I tables: only what is printed, so a save that changes nothing keeps the data version.
    tables: { sdm: { rows: tables.sdm.rows, sumber: tables.sdm.sumber }, sarana: { rows: tables.sarana.rows, sumber: tables.sarana.sumber } },
    renstra,
    pk,
    kinerja: {
      capaian: perf.capaian,
      sasaran: perf.sasaran.map((s) => ({
        name: s.name,
        capaian: s.capaian,
        predikat: s.predikat,
        indicators: s.indicators.map((i) => ({
          name: i.name,
          satuan: i.satuan,
          target: i.target,
          tw: i.cells.map((c, k) => ({ target: i.twTargets[k]?.text ?? null, realisasi: c.value, status: c.status, capaian: c.capaianTw?.value ?? c.capaian.value })),
          realisasi: i.annual.value,
          status: i.annual.status,
          capaian: i.annual.capaian.value,
          flags: i.annual.capaian.flags,
          predikat: i.annual.predikat,
          previous: i.annual.previous,
          yoy: i.annual.yoy?.value ?? null,
          renstraTarget: i.annual.renstraTarget,
          vsRenstra: i.annual.vsRenstra?.value ?? null,
          // The latest explanation the PD gave for the year's cells.
          explanation: i.cells.map((c) => c.explanation).filter(Boolean).at(-1) ?? null,
        })),
      })),
    },
    budget: {
      lines: budget.lines.map((l) => ({ code: l.code, name: l.name, level: l.level, jenis: l.jenis, sasaranId: l.sasaranId, paguMurni: l.paguMurni, pagu: l.pagu, realisasi: l.realisasi, percent: l.percent })).sort(byLine),
      byJenis: budget.byJenis.map((j) => ({ jenis: j.jenis, pagu: j.pagu, realisasi: j.realisasi, percent: j.percent })),
      total: { paguMurni: budget.total.paguMurni, pagu: budget.total.pagu, realisasi: budget.total.realisasi, percent: budget.total.percent },
      efisiensi: budget.efisiensi,
      mode: budget.mode,
    },
    sakip,
    ikm,
  };
}
export type LkjipModel = Awaited<ReturnType<typeof lkjipModel>>;

/** The pemda-wide LKjIP: its own texts and the parts of its PD (gathered one PD per step). */
export type LkjipTenantModel = { tenant: ReportTenant & { code: string }; year: number; sections: Record<string, string>; pds: LkjipModel[] };
