/**
 * Spreadsheet import/export pipeline, reused by every module that takes spreadsheets
 * (organisation today; Renstra, PK, realisasi, budgets, historic SAKIP scores next).
 *
 * To plug in a new kind:
 *  1. shared/import/<module>.ts — an `ImportSpec`: column headers + a zod schema for one row, built from
 *     shared/import/cells.ts (numbers go through `integerCell`/`parseIdNumber`; never a new parser).
 *  2. worker/import/<module>.ts — an `ImportKind`: `plan()` checks the valid rows against each other and the
 *     tenant's data (unknown codes, duplicates, cycles …) and returns issues plus, per row in write order,
 *     the complete rows to upsert by id (reuse the existing id to update, a new UUID to create, nothing when
 *     unchanged — that is what makes a re-import a no-op); `exportRows()` lists the data in the same columns.
 *  3. Add it to `KINDS` below. worker/routes/imports.ts then serves template, dry run, chunked commit and export.
 */
import { getTableColumns, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { chunk, rowsPerInsert } from "../db/chunked-insert";
import type { AppEnv } from "../env";
import { buildReport, matchColumns, validateRows, type ColumnMapping, type ImportIssue, type ImportReport, type ImportSpec, type ParsedRow, type RawTable } from "../../shared/import";
import type { Role } from "../../shared/roles";
import { orgUnitsImport, perangkatDaerahImport } from "./organisation";
import { sakipHistoryImport } from "./evaluation";
import { pegawaiImport } from "./pegawai";
import { renstraImport } from "./planning";
import { budgetImport, realisasiImport } from "./performance";
import { sipdImport } from "./sipd";

export type ImportContext = { db: Db; tenantId: string; grants: AppEnv["Variables"]["grants"]; now: number };

/** A complete row for `table`, inserted or (same id) overwritten. */
export type Upsert = { table: SQLiteTable; values: Record<string, unknown> };
export type PlannedRow = { line: number; action: "create" | "update" | "unchanged"; writes: Upsert[] };
/** Rows in write order: whatever a row refers to is written in the same or an earlier chunk. */
export type Plan = { issues: ImportIssue[]; rows: PlannedRow[] };

export type ImportKind<T> = {
  spec: ImportSpec<T>;
  /** Roles that may import and export this kind (a kind may narrow further per row, e.g. by PD). */
  roles: Role[];
  plan(ctx: ImportContext, rows: ParsedRow<T>[]): Promise<Plan>;
  exportRows(ctx: ImportContext): Promise<string[][]>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const KINDS: Record<string, ImportKind<any>> = {
  org_units: orgUnitsImport,
  perangkat_daerah: perangkatDaerahImport,
  sakip_history: sakipHistoryImport,
  pegawai: pegawaiImport,
  renstra: renstraImport,
  anggaran: budgetImport,
  realisasi: realisasiImport,
  sipd: sipdImport,
};
export const KIND_NAMES = Object.keys(KINDS) as [string, ...string[]];

/** Rows per commit request: small enough for D1's per-request query limit, large enough to be quick. */
export const CHUNK_ROWS = 500;

export async function dryRun(ctx: ImportContext, kind: ImportKind<unknown>, table: RawTable, readIssues: ImportIssue[], mapping: ColumnMapping = {}) {
  const { rows, issues } = validateRows(kind.spec, table, mapping);
  const plan: Plan = issues.some((i) => i.severity === "error") ? { issues: [], rows: [] } : await kind.plan(ctx, rows);
  const summary = { create: 0, update: 0, unchanged: 0 };
  for (const r of plan.rows) summary[r.action]++;
  const report: ImportReport = buildReport(kind.spec, table.sheet, table.rows.filter((r) => r.some((c) => c.trim())).length, [...readIssues, ...issues, ...plan.issues], summary);
  return { report, plan, columns: matchColumns(kind.spec.columns, table.headers, mapping) };
}

/**
 * Statements writing chunk number `index` of the plan: consecutive rows of one table share a multi-row
 * `INSERT … ON CONFLICT(id) DO UPDATE`, each with at most 100 bound parameters.
 */
export function chunkStatements(db: Db, plan: Plan, index: number) {
  const byTable = new Map<SQLiteTable, Record<string, unknown>[]>();
  for (const row of plan.rows.slice(index * CHUNK_ROWS, (index + 1) * CHUNK_ROWS)) {
    for (const w of row.writes) {
      if (!byTable.has(w.table)) byTable.set(w.table, []);
      byTable.get(w.table)!.push(w.values);
    }
  }
  const statements = [];
  for (const [table, rows] of byTable) {
    const columns = getTableColumns(table);
    const set = Object.fromEntries(
      Object.entries(columns)
        .filter(([key]) => key !== "id" && key !== "createdAt")
        .map(([key, col]) => [key, sql.raw(`excluded."${col.name}"`)]),
    );
    for (const part of chunk(rows, rowsPerInsert(table))) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      statements.push(db.insert(table).values(part as any).onConflictDoUpdate({ target: (columns as any).id, set }));
    }
  }
  return statements;
}
