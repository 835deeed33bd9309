import { getTableColumns } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";

/** D1 binds at most 100 parameters per statement. */
export const D1_MAX_PARAMS = 100;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows per multi-row INSERT into `table` that stay within D1's parameter limit (one parameter per column). */
export function rowsPerInsert(table: SQLiteTable): number {
  return Math.max(1, Math.floor(D1_MAX_PARAMS / Object.keys(getTableColumns(table)).length));
}

/** Multi-row inserts of `rows` into `table`, each within D1's parameter limit, for one `db.batch`. */
export function chunkedInserts<T extends SQLiteTable>(db: Db, table: T, rows: T["$inferInsert"][]) {
  return chunk(rows, rowsPerInsert(table)).map((part) => db.insert(table).values(part));
}
