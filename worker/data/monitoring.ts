import { and, eq, inArray, min } from "drizzle-orm";
import type { Db } from "../db/client";
import { perangkatDaerah, pkDocuments, twReports } from "../db/schema";

/** When each PD submitted what a deadline asks for (epoch ms); a PD absent from the map has not. */
export type SubmissionCheck = (db: Db, tenantId: string, year: number) => Promise<Map<string, number>>;

const toMap = (rows: { pdId: string; at: number | null }[]) => new Map(rows.map((r) => [r.pdId, r.at ?? 0]));

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

/**
 * Which calendar entries the board can check, by deadline key. Entries without a check
 * (LKjIP, IKM survey periods, custom dates) are not tracked until their module records a submission.
 */
export const SUBMISSION_CHECKS: Record<string, SubmissionCheck> = {
  pk: pkSubmitted,
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
