import { and, between, eq, inArray, isNotNull, min } from "drizzle-orm";
import type { Db } from "../db/client";
import { documents, ikmResponses, perangkatDaerah, pkDocuments, twReports, unitLayanan } from "../db/schema";
import { listDeadlines } from "./deadlines";
import { daysBetween, wibDay } from "../../shared/format/wib";

/**
 * When each PD submitted what a deadline asks for (epoch ms); a PD absent from `submitted` has not.
 * `applies`, when given, lists the PD the deadline concerns at all (e.g. only PD with a unit layanan).
 */
export type SubmissionCheck = (db: Db, tenantId: string, year: number) => Promise<{ submitted: Map<string, number>; applies?: Set<string> }>;

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

/**
 * An IKM survey semester: a PD with unit layanan is done when every active unit has responses dated in the
 * semester, as of its last unit's first response. PD without a unit layanan have nothing due.
 */
const ikmSurveyed =
  (semester: 1 | 2): SubmissionCheck =>
  async (db, tenantId, year) => {
    const [from, to] = semester === 1 ? [`${year}-01-01`, `${year}-06-30`] : [`${year}-07-01`, `${year}-12-31`];
    const [units, first] = await db.batch([
      db.select({ id: unitLayanan.id, pdId: unitLayanan.pdId }).from(unitLayanan).where(and(eq(unitLayanan.tenantId, tenantId), eq(unitLayanan.active, true))),
      db
        .select({ unitId: ikmResponses.unitId, at: min(ikmResponses.submittedAt) })
        .from(ikmResponses)
        .where(and(eq(ikmResponses.tenantId, tenantId), between(ikmResponses.submittedOn, from, to)))
        .groupBy(ikmResponses.unitId),
    ]);
    const firstAt = new Map(first.map((r) => [r.unitId, r.at]));
    const byPd = new Map<string, (number | null)[]>();
    for (const u of units) byPd.set(u.pdId, [...(byPd.get(u.pdId) ?? []), firstAt.get(u.id) ?? null]);
    const submitted = new Map<string, number>();
    for (const [pdId, ats] of byPd) if (ats.every((a) => a !== null)) submitted.set(pdId, Math.max(...(ats as number[])));
    return { submitted, applies: new Set(byPd.keys()) };
  };

/** Which calendar entries the board can check, by deadline key. Custom dates are not tracked. */
export const SUBMISSION_CHECKS: Record<string, SubmissionCheck> = {
  pk: pkSubmitted,
  lkjip: lkjipPublished,
  "ikm-s1": ikmSurveyed(1),
  "ikm-s2": ikmSurveyed(2),
  "realisasi-tw4": twSubmitted(4, -1),
  "realisasi-tw1": twSubmitted(1),
  "realisasi-tw2": twSubmitted(2),
  "realisasi-tw3": twSubmitted(3),
};

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
 * (of `pds`) that have not submitted, or submitted after the due date, most late first. Shared by the
 * monitoring board and the ranking's "only late PD" filter.
 */
export async function lateness(db: Db, tenantId: string, year: number, today: string, pds: Pd[]) {
  const due = (await listDeadlines(db, tenantId, year)).filter((d) => d.dueDate <= today);
  const tracked: { deadlineId: string; key: string; label: string; dueDate: string; submitted: number; total: number }[] = [];
  const rows: LateRow[] = [];
  for (const d of due) {
    const check = SUBMISSION_CHECKS[d.key];
    if (!check) continue;
    const { submitted, applies } = await check(db, tenantId, year);
    const concerned = applies ? pds.filter((p) => applies.has(p.id)) : pds;
    tracked.push({ deadlineId: d.id, key: d.key, label: d.label, dueDate: d.dueDate, submitted: concerned.filter((p) => submitted.has(p.id)).length, total: concerned.length });
    for (const pd of concerned) {
      const at = submitted.get(pd.id);
      const daysLate = daysBetween(d.dueDate, at === undefined ? today : wibDay(at));
      if (at !== undefined && daysLate <= 0) continue;
      rows.push({
        pdId: pd.id,
        pdCode: pd.code,
        pdName: pd.name,
        deadlineId: d.id,
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
  return { tracked, untracked, rows };
}

/** PD that are late on anything due so far in `year` (missing or submitted late), with their worst lateness in days. */
export async function latePds(db: Db, tenantId: string, year: number, today = wibDay()): Promise<Map<string, number>> {
  const { rows } = await lateness(db, tenantId, year, today, await activePds(db, tenantId));
  const worst = new Map<string, number>();
  for (const r of rows) worst.set(r.pdId, Math.max(worst.get(r.pdId) ?? 0, r.daysLate));
  return worst;
}
