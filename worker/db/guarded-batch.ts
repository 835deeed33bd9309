import { sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "./client";

// SQLite raises "malformed JSON" for json('…'); evaluated only when the guarded write changed no row,
// it makes the batch fail, and D1 rolls the whole batch back. (RAISE() is only allowed in triggers.)
const ABORT_MARKER = "stale-write";

/**
 * Runs `guarded` (an insert/update with its own condition — a version check, a state check,
 * ON CONFLICT DO NOTHING) and then `rest` (audit rows, events) as one atomic batch, but only
 * if `guarded` changed a row: a lost race leaves no audit row behind. Returns false when it did not.
 */
export async function batchIfChanged(db: Db, guarded: BatchItem<"sqlite">, rest: BatchItem<"sqlite">[]): Promise<boolean> {
  const abortUnlessChanged = db.select({ guard: sql`CASE WHEN changes() = 0 THEN json(${ABORT_MARKER}) END` }).from(sql`(SELECT 1)`);
  try {
    await db.batch([guarded, abortUnlessChanged, ...rest]);
    return true;
  } catch (err) {
    if (/malformed JSON/i.test(String((err as Error)?.message ?? err) + String((err as { cause?: unknown })?.cause ?? ""))) return false;
    throw err;
  }
}
