/**
 * The generic half of the spreadsheet import pipeline (the Worker half is worker/import/).
 * A kind declares its columns and a zod schema for one row; this file maps the header row to
 * columns, validates every row and collects a per-row, per-column report.
 */
import type { z } from "zod";
import { resolveColumns, type ColumnMapping } from "./mapping";

export type ColumnSpec = {
  /** Key in the parsed row object, e.g. "kode_unit". */
  key: string;
  /** Header written in templates and exports, e.g. "Kode Unit". Matching ignores case, spaces and punctuation. */
  header: string;
  required: boolean;
  example: string;
  help: string;
};

export type ImportSpec<T> = {
  kind: string;
  label: string;
  /** Sheet name in XLSX templates; an uploaded workbook must have it unless it has only one sheet. */
  sheet: string;
  columns: ColumnSpec[];
  /** Validates one row given as { [column key]: trimmed text, absent when blank }. */
  row: z.ZodType<T>;
};

/** A sheet as read from a file: header cells and data rows as text. */
export type RawTable = { sheet: string; headers: string[]; rows: string[][] };

export type ImportIssue = {
  /** Spreadsheet row number (the header is row 1), or null for the whole file. */
  row: number | null;
  /** Column header, or null when the issue concerns the whole row or file. */
  column: string | null;
  severity: "error" | "warning";
  message: string;
};

export type ParsedRow<T> = { line: number; value: T };

export type ImportReport = {
  kind: string;
  sheet: string;
  rows: number;
  errors: number;
  warnings: number;
  summary: { create: number; update: number; unchanged: number };
  /** Sorted by row; at most MAX_REPORTED_ISSUES, `truncated` says when more exist. */
  issues: ImportIssue[];
  truncated: boolean;
  canCommit: boolean;
};

export const MAX_REPORTED_ISSUES = 1000;

/** Validates every non-blank row with the kind's zod schema (columns by name or `mapping`); issue paths become column headers. */
export function validateRows<T>(spec: ImportSpec<T>, table: RawTable, mapping: ColumnMapping = {}): { rows: ParsedRow<T>[]; issues: ImportIssue[] } {
  const { index, issues } = resolveColumns(spec.columns, table.headers, mapping);
  const rows: ParsedRow<T>[] = [];
  if (issues.some((i) => i.severity === "error")) return { rows, issues };
  const headerOf = new Map(spec.columns.map((c) => [c.key, c.header]));
  table.rows.forEach((cells, i) => {
    if (cells.every((c) => !c.trim())) return;
    const line = i + 2;
    const record: Record<string, string | undefined> = {};
    for (const [key, at] of index) {
      const v = cells[at]?.trim();
      if (v) record[key] = v;
    }
    const parsed = spec.row.safeParse(record);
    if (parsed.success) rows.push({ line, value: parsed.data });
    else {
      for (const iss of parsed.error.issues) {
        const key = String(iss.path[0] ?? "");
        issues.push({ row: line, column: headerOf.get(key) ?? null, severity: "error", message: iss.message });
      }
    }
  });
  if (rows.length === 0 && !issues.some((i) => i.severity === "error")) {
    issues.push({ row: null, column: null, severity: "error", message: "Berkas tidak berisi baris data" });
  }
  return { rows, issues };
}

export function buildReport(
  spec: { kind: string },
  sheet: string,
  rows: number,
  issues: ImportIssue[],
  summary: ImportReport["summary"],
): ImportReport {
  const sorted = [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const errors = issues.filter((i) => i.severity === "error").length;
  return {
    kind: spec.kind,
    sheet,
    rows,
    errors,
    warnings: issues.length - errors,
    summary,
    issues: sorted.slice(0, MAX_REPORTED_ISSUES),
    truncated: sorted.length > MAX_REPORTED_ISSUES,
    canCommit: errors === 0,
  };
}

/** Header row plus one example row, for templates. */
export const templateRows = (spec: ImportSpec<unknown>) => [spec.columns.map((c) => c.header), spec.columns.map((c) => c.example)];
