import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { ikmPeriods, lkeEvaluations, reportSections, unitLayanan } from "../db/schema";
import { addInto, emptyTallies, summarize, unitTallies } from "../data/ikm";
import { periodEnd, pkInForce, pkItemsOf, pkSignatory, renstraFor } from "../data/performance";
import { planContent, treeOut } from "../data/planning";
import { readTenantSettings } from "../data/tenant-settings";
import type { ReportKind } from "../../shared/schemas/reports";

// Reads shared by the report models: section texts, the Renstra tree, the PK in force with its
// signatory, SAKIP results and the IKM summary. Each takes tenantId first and returns plain data.

/** Section key → text the PD wrote (pdId "" = the pemda-wide report). */
export async function sectionTexts(db: Db, tenantId: string, kind: ReportKind, pdId: string, year: number): Promise<Record<string, string>> {
  const rows = await db
    .select({ section: reportSections.section, body: reportSections.body })
    .from(reportSections)
    .where(and(eq(reportSections.tenantId, tenantId), eq(reportSections.kind, kind), eq(reportSections.pdId, pdId), eq(reportSections.year, year)))
    // Ordered, so the same texts always hash to the same data version.
    .orderBy(asc(reportSections.section))
    .all();
  return Object.fromEntries(rows.map((r) => [r.section, r.body]));
}

/** The Renstra covering the year as a flat tree (nodes with indicators and targets), as in force at year end. */
export async function renstraTree(db: Db, tenantId: string, pdId: string, year: number) {
  const plan = await renstraFor(db, tenantId, pdId, year);
  if (!plan) return null;
  const nodes = treeOut(await planContent(db, tenantId, plan.id, periodEnd(year, 4)));
  return { name: plan.name, yearFrom: plan.yearFrom, yearTo: plan.yearTo, nodes };
}
export type RenstraTree = NonNullable<Awaited<ReturnType<typeof renstraTree>>>;

/** The PD-level PK the year's report works from, with its rows and who signs it. */
export async function pkOfYear(db: Db, tenantId: string, pdId: string, year: number) {
  const pk = await pkInForce(db, tenantId, pdId, year, periodEnd(year, 4));
  if (!pk) return null;
  const [items, signatory] = await Promise.all([pkItemsOf(db, tenantId, pk.id), pkSignatory(db, tenantId, pk)]);
  return {
    version: pk.version,
    status: pk.status,
    effectiveDate: pk.effectiveDate,
    reason: pk.reason,
    signatory,
    items: items.map((i) => ({ kind: i.kind, nodeId: i.nodeId, nodeName: i.nodeName, indicatorName: i.indicatorName, satuan: i.satuan, target: i.targetText, anggaran: i.anggaran })),
  };
}
export type PkOfYear = NonNullable<Awaited<ReturnType<typeof pkOfYear>>>;

/** Final SAKIP results of the PD for the year and the year before (LKjIP Tabel 3.1). */
export async function sakipHistory(db: Db, tenantId: string, pdId: string, year: number) {
  return db
    .select({ year: lkeEvaluations.year, total: lkeEvaluations.total, predikat: lkeEvaluations.predikat })
    .from(lkeEvaluations)
    .where(and(eq(lkeEvaluations.tenantId, tenantId), eq(lkeEvaluations.pdId, pdId), inArray(lkeEvaluations.year, [year - 2, year - 1, year]), eq(lkeEvaluations.status, "final")))
    .orderBy(desc(lkeEvaluations.year))
    .all();
}

/** IKM of the PD's service units over the year's survey periods, per unit and combined. */
export async function ikmOfPd(db: Db, tenantId: string, pdId: string, year: number) {
  const [periods, units, settings] = await Promise.all([
    db.select({ id: ikmPeriods.id }).from(ikmPeriods).where(and(eq(ikmPeriods.tenantId, tenantId), eq(ikmPeriods.year, year))).all(),
    db.select({ id: unitLayanan.id, name: unitLayanan.name }).from(unitLayanan).where(and(eq(unitLayanan.tenantId, tenantId), eq(unitLayanan.pdId, pdId))).all(),
    readTenantSettings(db, tenantId),
  ]);
  const byUnit = await unitTallies(db, tenantId, periods.map((p) => p.id));
  const total = emptyTallies();
  const rows = units.flatMap((u) => {
    const t = byUnit.get(u.id);
    if (!t) return [];
    addInto(total, t);
    return [{ unit: u.name, ...summarize(t, settings.ikmWeightMode) }];
  });
  return { units: rows.sort((a, b) => a.unit.localeCompare(b.unit, "id")), total: rows.length ? summarize(total, settings.ikmWeightMode) : null };
}
export type IkmOfPd = Awaited<ReturnType<typeof ikmOfPd>>;

type LineKey = { code: string | null; name: string; jenis: string };
/** A stable order of budget lines (a program can have an operasi and a modal line), for a stable data version. */
export const byLine = (a: LineKey, b: LineKey) => (a.code ?? "").localeCompare(b.code ?? "") || a.name.localeCompare(b.name) || a.jenis.localeCompare(b.jenis);
