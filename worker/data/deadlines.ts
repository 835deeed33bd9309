import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { deadlines, ikmPeriods } from "../db/schema";
import { ikmPeriodLabel } from "../../shared/schemas/ikm";

/** How many days ahead a due date is reminded unless the admin chose otherwise (the table's default too). */
export const DEFAULT_REMIND_DAYS = 7;

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
      .values({ id: crypto.randomUUID(), tenantId, year, ...d, remindDaysBefore: DEFAULT_REMIND_DAYS, createdAt: now, updatedAt: now })
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

/** The calendar's IKM entries, which a tenant's own survey periods of the year replace. */
const IKM_SEMESTER_KEYS = new Set(["ikm-s1", "ikm-s2"]);

type IkmPeriodRow = Pick<typeof ikmPeriods.$inferSelect, "id" | "kind" | "year" | "number" | "endsOn" | "status">;

/**
 * Which IKM due dates apply in a year, given the tenant's survey periods of that year: each period's last day
 * (reminded DEFAULT_REMIND_DAYS ahead) when it has any, else the calendar semesters `ikm-s1`/`ikm-s2`. The one
 * place this rule lives: the late-updaters board, the reminders and the calendar all go through it.
 */
export function ikmDue(periods: IkmPeriodRow[]) {
  const basis = periods.length ? ("periods" as const) : ("semesters" as const);
  return {
    basis,
    /** The survey periods' ends, earliest first; empty on the semesters basis. */
    periodEnds: periods
      .map((p) => ({ periodId: p.id, key: `ikm-${p.kind}-${p.number}`, label: `Survei IKM ${ikmPeriodLabel(p)}`, dueDate: p.endsOn, remindDaysBefore: DEFAULT_REMIND_DAYS, open: p.status === "open" }))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
    /** Whether a calendar deadline of the year applies: the semesters give way to the periods. */
    applies: (d: { key: string }) => basis === "semesters" || !IKM_SEMESTER_KEYS.has(d.key),
  };
}

/** ikmDue of the tenant's survey periods in `year`. */
export async function ikmDueOfYear(db: Db, tenantId: string, year: number) {
  return ikmDue(await db.select().from(ikmPeriods).where(and(eq(ikmPeriods.tenantId, tenantId), eq(ikmPeriods.year, year))).all());
}
