/**
 * The column-mapping step of the import pipeline: files from other systems name their columns differently
 * ("Thn", "Kode SKPD", "Nomenklatur"). A dry run reports the file's headers, the kind's columns and a suggested
 * mapping by normalised header similarity; the client sends back { expected column: file header } to use.
 */
import type { ColumnSpec, ImportIssue } from "./spec";

/** Expected column (header or key) → header as written in the file. */
export type ColumnMapping = Record<string, string>;

export type ColumnMatch = {
  /** Headers of the file, as written. */
  detected: string[];
  expected: Pick<ColumnSpec, "key" | "header" | "required" | "help">[];
  /** Per expected header: the file header used (given mapping, exact name, or a similar one), or null. */
  suggested: Record<string, string | null>;
  /** True when every file header and every required column matched by name: no mapping step needed. */
  exact: boolean;
};

export const normHeader = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

const bigrams = (s: string) => Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2));

/** Letters of `short` appear in order in `long`, starting with the same letter ("thn" in "tahun"). */
const abbreviates = (short: string, long: string) => {
  if (short.length < 2 || short[0] !== long[0]) return false;
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
};

/** 0…1: Dice coefficient of letter pairs, raised for containment ("kode" in "kodeskpd") and abbreviations. */
export function headerSimilarity(a: string, b: string): number {
  const x = normHeader(a);
  const y = normHeader(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const bx = bigrams(x);
  const by = bigrams(y);
  const pool = [...by];
  let common = 0;
  for (const g of bx) {
    const at = pool.indexOf(g);
    if (at >= 0) (common++, pool.splice(at, 1));
  }
  let score = bx.length + by.length ? (2 * common) / (bx.length + by.length) : 0;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 3 && long.includes(short)) score = Math.max(score, 0.7);
  if (abbreviates(short, long)) score = Math.max(score, 0.6);
  return score;
}

export const MIN_SIMILARITY = 0.5;

const sameHeader = (col: ColumnSpec, h: string) => normHeader(col.header) === normHeader(h) || normHeader(col.key) === normHeader(h);

/**
 * Column index per key. With a mapping, its entries come first; the other columns are matched by name.
 * Missing required columns and unused headers become file issues; a mapping naming an unknown column or a
 * header the file does not have is an error.
 */
export function resolveColumns(columns: ColumnSpec[], headers: string[], mapping: ColumnMapping = {}) {
  const index = new Map<string, number>();
  const used = new Set<number>();
  const issues: ImportIssue[] = [];
  for (const [expected, fileHeader] of Object.entries(mapping)) {
    const col = columns.find((c) => sameHeader(c, expected));
    const at = headers.findIndex((h, i) => !used.has(i) && (h.trim() === fileHeader.trim() || normHeader(h) === normHeader(fileHeader)));
    if (!col) issues.push({ row: 1, column: expected, severity: "error", message: `Pemetaan: kolom "${expected}" tidak dikenal` });
    else if (at < 0) issues.push({ row: 1, column: col.header, severity: "error", message: `Pemetaan: kolom "${fileHeader}" tidak ada di berkas` });
    else if (!index.has(col.key)) (index.set(col.key, at), used.add(at));
  }
  headers.forEach((h, i) => {
    if (used.has(i)) return;
    const col = columns.find((c) => !index.has(c.key) && sameHeader(c, h));
    if (col) (index.set(col.key, i), used.add(i));
    else if (h.trim()) issues.push({ row: 1, column: h, severity: "warning", message: `Kolom "${h}" tidak dikenal dan diabaikan` });
  });
  for (const c of columns) {
    if (c.required && !index.has(c.key)) issues.push({ row: 1, column: c.header, severity: "error", message: `Kolom wajib "${c.header}" tidak ada` });
  }
  return { index, issues };
}

/** What the dry run shows for the mapping step: the mapping in use, completed by the most similar free headers. */
export function matchColumns(columns: ColumnSpec[], headers: string[], mapping: ColumnMapping = {}): ColumnMatch {
  const { index } = resolveColumns(columns, headers, mapping);
  const exact = Object.keys(mapping).length === 0 && headers.every((h) => !h.trim() || columns.some((c) => sameHeader(c, h))) && columns.every((c) => !c.required || index.has(c.key));
  const taken = new Set(index.values());
  const open = columns.filter((c) => !index.has(c.key));
  const free = headers.map((_, at) => at).filter((at) => !taken.has(at) && headers[at]!.trim());
  const score = open.map((c) => free.map((at) => Math.max(headerSimilarity(c.header, headers[at]!), headerSimilarity(c.key, headers[at]!))));
  const guessed = new Map<string, number>();
  bestAssignment(score).forEach((j, i) => {
    if (j !== null && score[i]![j]! >= MIN_SIMILARITY) guessed.set(open[i]!.key, free[j]!);
  });
  const at = (key: string) => index.get(key) ?? guessed.get(key);
  return {
    detected: headers,
    expected: columns.map(({ key, header, required, help }) => ({ key, header, required, help })),
    suggested: Object.fromEntries(columns.map((c) => [c.header, at(c.key) === undefined ? null : headers[at(c.key)!]!])),
    exact,
  };
}

/**
 * Rows matched to distinct columns so that the total score is highest (Hungarian method, O(n³)); null where a
 * row gets no column. Greedy matching would give "TMT Jabatan" to "Jabatan" and leave "TMT" without one.
 */
export function bestAssignment(score: number[][]): (number | null)[] {
  const rows = score.length;
  const cols = score[0]?.length ?? 0;
  const n = Math.max(rows, cols);
  if (n === 0) return [];
  const cost = (i: number, j: number) => (i < rows && j < cols ? -(score[i]![j]! >= MIN_SIMILARITY ? score[i]![j]! : 0) : 0);
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const p = new Array<number>(n + 1).fill(0); // p[j]: row (1-based) matched to column j
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(Infinity);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  const out = new Array<number | null>(rows).fill(null);
  for (let j = 1; j <= n; j++) if (p[j]! >= 1 && p[j]! <= rows && j <= cols) out[p[j]! - 1] = j - 1;
  return out;
}
