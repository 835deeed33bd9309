// Types for steps.mjs (plain JS so node scripts run it without a build), used by test/scale.test.ts.
export type Row = Record<string, unknown>;
export type Statement = { sql: string; params?: unknown[] };
export type MoveDatabase = {
  all(sql: string, params?: unknown[]): Promise<Row[]>;
  batch(statements: Statement[]): Promise<void>;
  allMany?(queries: Statement[]): Promise<Row[][]>;
};
export type TableSum = { rows: number; sha256: string };

export const MAX_PARAMS: number;
export const MOVING_PREFIX: string;
export function tenantTablesOf(db: MoveDatabase): Promise<string[]>;
export function checksum(rows: Row[]): Promise<TableSum>;
export function tenantData(db: MoveDatabase, tables: string[], tenantId: string): Promise<Record<string, Row[]>>;
export function checksums(db: MoveDatabase, tables: string[], tenantId: string): Promise<Record<string, TableSum>>;
export function insertStatements(table: string, rows: Row[]): Required<Statement>[];
export function copyTenant(source: MoveDatabase, target: MoveDatabase, tables: string[], tenantId: string): Promise<void>;
export function compare(source: MoveDatabase, target: MoveDatabase, tables: string[], tenantId: string): Promise<{ source: Record<string, TableSum>; differences: string[] }>;
export function deleteTenant(db: MoveDatabase, tables: string[], tenantId: string): Promise<void>;
export const SETTLE_MS: number;
export function moveTenant(opts: {
  control: MoveDatabase;
  databases: (binding: string) => MoveDatabase;
  code: string;
  toBinding: string;
  log?: (line: string) => void;
  /** Wait after freezing before copying (default SETTLE_MS: cached public survey links expire). */
  settleMs?: number;
}): Promise<{ code: string; step: "done"; moved: boolean; from?: string; to?: string }>;
