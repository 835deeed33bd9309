import { and, between, eq, inArray, isNotNull, lte, min, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { documents, ikmPeriods, ikmResponses, perangkatDaerah, pkDocuments, twReports, unitLayanan } from "../db/schema";
import { ikmDue, listDeadlines } from "./deadlines";
import { daysBetween, wibDay } from "../../shared/format/wib";

/**
 * When each PD submitted what a deadline asks for (epoch ms); a PD absent from `submitted` has not.
 * `applies`, when given, lists the PD the deadline concerns at all (e.g. only PD with a unit layanan).
 */
type Submissions = { submitted: Map<string, number>; applies?: Set<string> };
export type SubmissionCheck = (db: Db, tenantId: string, year: number) => Promise<Submissions>;

const toMap = (rows: { pdId: string | null; at: number | null }[]) => ({ submitted: new Map(rows.filter((r) => r.pdId).map((r) => [r.pdId!, r.at ?? 0])) });

/** The PD head's Perjanjian Kinerja for `year`, submitted or approved. */
const pkSubmitted: SubmissionCheck = async (db, tenantId, year) =>
  toMap(
    await db
      .select({ pdId: pkDocuments.pdId, at: min(pkDocuments.submittedAt) })
      .from(pkDocuments)
      .where(and(eq(pkDocuments.tenantId, tenantId), eq(pkDocuments.year, year), inArray(pkDocuments.status, ["submitted", "approved"])))
      .groupBy(pkDocuments.pdId)
      .all(),
  );

/** A triwulan report submitted or accepted (one returned for revision is not in). */
const twSubmitted =
  (period: number, yearOffset = 0): SubmissionCheck =>
  async (db, tenantId, year) =>
    toMap(
      await db
        .select({ pdId: twReports.pdId, at: twReports.createdAt })
        .from(twReports)
        .where(and(eq(twReports.tenantId, tenantId), eq(twReports.year, year + yearOffset), eq(twReports.period, period), inArray(twReports.status, ["submitted", "accepted"])))
        .all(),
    );

/** The LKjIP of the year before (due end of February): a published `documents` row of kind lkjip for the PD. */
const lkjipPublished: SubmissionCheck = async (db, tenantId, year) =>
  toMap(
    await db
      .select({ pdId: documents.pdId, at: min(documents.publishedAt) })
      .from(documents)
      .where(and(eq(documents.tenantId, tenantId), eq(documents.year, year - 1), eq(documents.kind, "lkjip"), isNotNull(documents.publishedAt), isNotNull(documents.pdId)))
      .groupBy(documents.pdId)
      .all(),
  );

type UnitRow = { id: string; pdId: string };
const activeUnits = (db: Db, tenantId: string) =>
  db.select({ id: unitLayanan.id, pdId: unitLayanan.pdId }).from(unitLayanan).where(and(eq(unitLayanan.tenantId, tenantId), eq(unitLayanan.active, true)));

/**
 * A PD with unit layanan is done when every active unit has responses, as of its last unit's first response.
 * PD without a unit layanan have nothing due.
 */
function everyUnitSurveyed(units: UnitRow[], firstAt: (unitId: string) => number | null | undefined) {
  const byPd = new Map<string, (number | null)[]>();
  for (const u of units) byPd.set(u.pdId, [...(byPd.get(u.pdId) ?? []), firstAt(u.id) ?? null]);
  const submitted = new Map<string, number>();
  for (const [pdId, ats] of byPd) if (ats.every((a) => a !== null)) submitted.set(pdId, Math.max(...(ats as number[])));
  return { submitted, applies: new Set(byPd.keys()) };
}

/** A calendar semester, for a tenant without IKM survey periods in the year: responses dated in Jan–Jun / Jul–Dec. */
const ikmSemesterSurveyed =
  (semester: 1 | 2): SubmissionCheck =>
  async (db, tenantId, year) => {
    const [from, to] = semester === 1 ? [`${year}-01-01`, `${year}-06-30`] : [`${year}-07-01`, `${year}-12-31`];
    const [units, first] = await db.batch([
      activeUnits(db, tenantId),
      db
        .select({ unitId: ikmResponses.unitId, at: min(ikmResponses.submittedAt) })
        .from(ikmResponses)
        .where(and(eq(ikmResponses.tenantId, tenantId), between(ikmResponses.submittedOn, from, to)))
        .groupBy(ikmResponses.unitId),
    ]);
    const firstAt = new Map(first.map((r) => [r.unitId, r.at]));
    return everyUnitSurveyed(units, (id) => firstAt.get(id));
  };

/** Which calendar entries the board can check, by deadline key. Custom dates are not tracked. */
export const SUBMISSION_CHECKS: Record<string, SubmissionCheck> = {
  pk: pkSubmitted,
  lkjip: lkjipPublished,
  "ikm-s1": ikmSemesterSurveyed(1),
  "ikm-s2": ikmSemesterSurveyed(2),
  "realisasi-tw4": twSubmitted(4, -1),
  "realisasi-tw1": twSubmitted(1),
  "realisasi-tw2": twSubmitted(2),
  "realisasi-tw3": twSubmitted(3),
};

/** Something the board checks: a calendar deadline with a submission check, or the end of one of the tenant's IKM survey periods (its id as `deadlineId`). */
type DueEntry = { deadlineId: string; key: string; label: string; dueDate: string; check: () => Promise<Submissions> };

/**
 * The tenant's survey periods of `year` with which IKM due dates apply (`ikmDue`), and a check per period id: each
 * active unit's first response in each period that has ended by `today`, read in the same D1 batch. A unit's first
 * response in a period is one seek on ikm_responses_unit_period per unit × period, never a scan.
 */
async function ikmOfYear(db: Db, tenantId: string, year: number, today: string) {
  const ofYear = and(eq(ikmPeriods.tenantId, tenantId), eq(ikmPeriods.year, year));
  const firstAt = sql<number | null>`(SELECT min(${ikmResponses.submittedAt}) FROM ${ikmResponses} WHERE ${ikmResponses.tenantId} = ${tenantId} AND ${ikmResponses.unitId} = ${unitLayanan.id} AND ${ikmResponses.periodId} = ${ikmPeriods.id})`;
  const [periods, units, firsts] = await db.batch([
    db.select().from(ikmPeriods).where(ofYear),
    activeUnits(db, tenantId),
    db
      // Aliased: D1 batch results are keyed by column name, and both ids are "id".
      .select({ unitId: sql<string>`${unitLayanan.id}`.as("unit_id"), periodId: sql<string>`${ikmPeriods.id}`.as("period_id"), at: firstAt.as("first_at") })
      .from(unitLayanan)
      .innerJoin(ikmPeriods, and(ofYear, lte(ikmPeriods.endsOn, today)))
      .where(and(eq(unitLayanan.tenantId, tenantId), eq(unitLayanan.active, true))),
  ]);
  const at = new Map(firsts.map((r) => [`${r.unitId} ${r.periodId}`, r.at]));
  return { ...ikmDue(periods), check: (periodId: string) => async () => everyUnitSurveyed(units, (unitId) => at.get(`${unitId} ${periodId}`)) };
}

export function activePds(db: Db, tenantId: string) {
  return db
    .select({ id: perangkatDaerah.id, code: perangkatDaerah.code, name: perangkatDaerah.name })
    .from(perangkatDaerah)
    .where(and(eq(perangkatDaerah.tenantId, tenantId), eq(perangkatDaerah.active, true)))
    .all();
}


type Pd = { id: string; code: string; name: string };
export type LateRow = { pdId: string; pdCode: string; pdName: string; deadlineId: string; label: string; dueDate: string; status: "missing" | "late"; daysLate: number; submittedAt: string | null };

/**
 * The late-updaters board of a year as of `today` (WIB day): for every due date the board can check, the PD
 * (of `pds`) that have not submitted, or submitted after the due date, most late first. Which IKM due dates
 * apply is `ikmDue`'s call: each survey period is due on its last day (the calendar has no grace days).
 * Shared by the monitoring board and the ranking's "only late PD" filter.
 */
export async function lateness(db: Db, tenantId: string, year: number, today: string, pds: Pd[]) {
  const [calendar, ikm] = await Promise.all([listDeadlines(db, tenantId, year), ikmOfYear(db, tenantId, year, today)]);
  const due = calendar.filter((d) => d.dueDate <= today && ikm.applies(d));
  const entries: DueEntry[] = due.flatMap((d) => {
    const check = SUBMISSION_CHECKS[d.key];
    return check ? [{ deadlineId: d.id, key: d.key, label: d.label, dueDate: d.dueDate, check: () => check(db, tenantId, year) }] : [];
  });
  for (const p of ikm.periodEnds) if (p.dueDate <= today) entries.push({ deadlineId: p.periodId, key: p.key, label: p.label, dueDate: p.dueDate, check: ikm.check(p.periodId) });
  entries.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const tracked: { deadlineId: string; key: string; label: string; dueDate: string; submitted: number; total: number }[] = [];
  const rows: LateRow[] = [];
  for (const d of entries) {
    const { submitted, applies } = await d.check();
    const concerned = applies ? pds.filter((p) => applies.has(p.id)) : pds;
    tracked.push({ deadlineId: d.deadlineId, key: d.key, label: d.label, dueDate: d.dueDate, submitted: concerned.filter((p) => submitted.has(p.id)).length, total: concerned.length });
    for (const pd of concerned) {
      const at = submitted.get(pd.id);
      const daysLate = daysBetween(d.dueDate, at === undefined ? today : wibDay(at));
      if (at !== undefined && daysLate <= 0) continue;
      rows.push({
        pdId: pd.id,
        pdCode: pd.code,
        pdName: pd.name,
        deadlineId: d.deadlineId,
        label: d.label,
        dueDate: d.dueDate,
        status: at === undefined ? "missing" : "late",
        daysLate: Math.max(0, daysLate),
        submittedAt: at === undefined ? null : new Date(at).toISOString(),
      });
    }
  }
  rows.sort((a, b) => b.daysLate - a.daysLate || a.pdCode.localeCompare(b.pdCode));
  const untracked = due.filter((d) => !SUBMISSION_CHECKS[d.key]).map((d) => ({ label: d.label, dueDate: d.dueDate }));
  return { ikmBasis: ikm.basis, tracked, untracked, rows };
}

/** PD that are late on anything due so far in `year` (missing or submitted late), with their worst lateness in days. */
export async function latePds(db: Db, tenantId: string, year: number, today = wibDay()): Promise<Map<string, number>> {
  const { rows } = await lateness(db, tenantId, year, today, await activePds(db, tenantId));
  const worst = new Map<string, number>();
  for (const r of rows) worst.set(r.pdId, Math.max(worst.get(r.pdId) ?? 0, r.daysLate));
  return worst;
}
