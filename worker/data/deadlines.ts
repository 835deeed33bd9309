import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { deadlines } from "../db/schema";

/** The default calendar of a year (issue 12): PK, quarterly realisasi, LKjIP and the IKM survey periods. */
export function defaultDeadlines(year: number) {
  const lastOfFeb = new Date(Date.UTC(year, 2, 0)).getUTCDate();
  return [
    { key: "realisasi-tw4", label: `Realisasi Triwulan IV ${year - 1}`, dueDate: `${year}-01-10` },
    { key: "pk", label: `Perjanjian Kinerja ${year}`, dueDate: `${year}-01-31` },
    { key: "lkjip", label: `LKjIP ${year - 1}`, dueDate: `${year}-02-${lastOfFeb}` },
    { key: "realisasi-tw1", label: `Realisasi Triwulan I ${year}`, dueDate: `${year}-04-10` },
    { key: "ikm-s1", label: `Survei IKM Semester I ${year}`, dueDate: `${year}-06-30` },
    { key: "realisasi-tw2", label: `Realisasi Triwulan II ${year}`, dueDate: `${year}-07-10` },
    { key: "realisasi-tw3", label: `Realisasi Triwulan III ${year}`, dueDate: `${year}-10-10` },
    { key: "ikm-s2", label: `Survei IKM Semester II ${year}`, dueDate: `${year}-12-31` },
  ];
}

/** Statements that add the year's defaults the tenant does not have yet (idempotent). */
export function ensureDefaultStatements(db: Db, tenantId: string, year: number) {
  const now = Date.now();
  return defaultDeadlines(year).map((d) =>
    db
      .insert(deadlines)
      .values({ id: crypto.randomUUID(), tenantId, year, ...d, remindDaysBefore: 7, createdAt: now, updatedAt: now })
      .onConflictDoNothing(),
  );
}

export async function listDeadlines(db: Db, tenantId: string, year: number) {
  const rows = () => db.select().from(deadlines).where(and(eq(deadlines.tenantId, tenantId), eq(deadlines.year, year))).orderBy(asc(deadlines.dueDate)).all();
  const found = await rows();
  if (found.length) return found;
  // A year nobody opened yet starts from the defaults, so every tenant has a calendar.
  const [first, ...rest] = ensureDefaultStatements(db, tenantId, year);
  await db.batch([first!, ...rest]);
  return rows();
}

export function findDeadline(db: Db, tenantId: string, id: string) {
  return db.select().from(deadlines).where(and(eq(deadlines.tenantId, tenantId), eq(deadlines.id, id))).get();
}
