import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { lkjipTables } from "../db/schema";
import type { LkjipTableData, LkjipTableKey, LkjipTables, SaranaRow, SdmRow } from "../../shared/schemas/lkjip-tables";

// LKjIP Bab I tables (Tabel 1.1 SDM, Tabel 1.2 sarana) of one PD and year: read for the editor and
// the report model, written whole with a version check (routes/lkjip-tables.ts).

const keyOf = (tenantId: string, pdId: string, year: number, table: LkjipTableKey) =>
  and(eq(lkjipTables.tenantId, tenantId), eq(lkjipTables.pdId, pdId), eq(lkjipTables.year, year), eq(lkjipTables.tableKey, table));

type Row = typeof lkjipTables.$inferSelect;
const dataOf = <R>(row: Row | undefined): LkjipTableData<R> =>
  row ? { rows: JSON.parse(row.rows) as R[], sumber: row.sumber, version: row.version, updatedAt: row.updatedAt } : { rows: [], sumber: "", version: 0, updatedAt: null };

/** Both tables; one not yet written is empty at version 0. */
export async function readLkjipTables(db: Db, tenantId: string, pdId: string, year: number): Promise<LkjipTables> {
  const rows = await db
    .select()
    .from(lkjipTables)
    .where(and(eq(lkjipTables.tenantId, tenantId), eq(lkjipTables.pdId, pdId), eq(lkjipTables.year, year)))
    .all();
  return { sdm: dataOf<SdmRow>(rows.find((r) => r.tableKey === "sdm")), sarana: dataOf<SaranaRow>(rows.find((r) => r.tableKey === "sarana")) };
}

export type TableWrite = { table: LkjipTableKey; rows: unknown[]; sumber: string; version: number; userId: string | null; now: number };

/** The guarded write of one table: an insert when the edit started from nothing (version 0), else an update of that version. */
export function writeLkjipTable(db: Db, tenantId: string, pdId: string, year: number, w: TableWrite) {
  const values = { rows: JSON.stringify(w.rows), sumber: w.sumber, version: w.version + 1, updatedBy: w.userId, updatedAt: w.now };
  return w.version === 0
    ? db
        .insert(lkjipTables)
        .values({ id: crypto.randomUUID(), tenantId, pdId, year, tableKey: w.table, ...values })
        .onConflictDoNothing()
    : db.update(lkjipTables).set(values).where(and(keyOf(tenantId, pdId, year, w.table), eq(lkjipTables.version, w.version)));
}
