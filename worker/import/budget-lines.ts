// What the two imports that write budget lines share (`anggaran` in ./performance.ts, `sipd` in
// ./sipd.ts): the stored lines keyed by PD, year, Renstra node and jenis belanja, and how an
// imported row becomes a new version of a line without touching what the import does not carry.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import type { Grant } from "../env";
import { canActForPd } from "../middleware/tenant";
import { budgetLines, perangkatDaerah } from "../db/schema";

export type BudgetLine = typeof budgetLines.$inferSelect;
export const MONEY = ["paguMurni", "paguPerubahan", "realisasiTw1", "realisasiTw2", "realisasiTw3", "realisasiTw4"] as const;
type Money = Pick<BudgetLine, (typeof MONEY)[number]>;
type MoneyCells = { pagu_murni: number; pagu_perubahan?: number; realisasi_tw1?: number; realisasi_tw2?: number; realisasi_tw3?: number; realisasi_tw4?: number };

export const budgetLineKey = (pdId: string, year: number, nodeId: string, jenis: string) => `${pdId}|${year}|${nodeId}|${jenis}`;

const pdsAndLines = (db: Db, tenantId: string) =>
  db.batch([
    db.select({ id: perangkatDaerah.id, code: perangkatDaerah.code }).from(perangkatDaerah).where(eq(perangkatDaerah.tenantId, tenantId)),
    db.select().from(budgetLines).where(eq(budgetLines.tenantId, tenantId)),
  ]);

/** The tenant's PD by code and its stored budget lines by budgetLineKey, in one round trip. */
export async function budgetImportBase(db: Db, tenantId: string) {
  const [pds, lines] = await pdsAndLines(db, tenantId);
  return {
    pdByCode: new Map(pds.map((p) => [p.code, p.id])),
    existing: new Map(lines.map((l) => [budgetLineKey(l.pdId, l.year, l.nodeId, l.jenis), l])),
  };
}

/** The money of an imported row; null when it equals the stored line (nothing to write). */
export function importedMoney(r: MoneyCells, before: BudgetLine | undefined): Money | null {
  const money: Money = {
    paguMurni: r.pagu_murni,
    paguPerubahan: r.pagu_perubahan ?? null,
    realisasiTw1: r.realisasi_tw1 ?? 0,
    realisasiTw2: r.realisasi_tw2 ?? 0,
    realisasiTw3: r.realisasi_tw3 ?? 0,
    realisasiTw4: r.realisasi_tw4 ?? 0,
  };
  return before && MONEY.every((k) => before[k] === money[k]) ? null : money;
}

/** The next version of a line: the row's identity and money; fisik and sasaran kept from before. */
export function nextBudgetLine(
  before: BudgetLine | undefined,
  line: Pick<BudgetLine, "tenantId" | "pdId" | "year" | "nodeId" | "level" | "code" | "name" | "sasaranId" | "jenis">,
  money: Money,
  now: number,
): BudgetLine {
  return {
    ...line,
    ...money,
    id: before?.id ?? crypto.randomUUID(),
    sasaranId: before?.sasaranId ?? line.sasaranId,
    fisikTw1: before?.fisikTw1 ?? null,
    fisikTw2: before?.fisikTw2 ?? null,
    fisikTw3: before?.fisikTw3 ?? null,
    fisikTw4: before?.fisikTw4 ?? null,
    version: (before?.version ?? 0) + 1,
    createdAt: before?.createdAt ?? now,
    updatedAt: now,
  };
}

/** The budget lines the caller may export, with their PD's code: what both kinds' exports start from. */
export async function exportableBudgetLines(db: Db, tenantId: string, grants: Grant[]) {
  const [pds, lines] = await pdsAndLines(db, tenantId);
  const codeOf = new Map(pds.map((p) => [p.id, p.code]));
  return { lines: lines.filter((l) => canActForPd(grants, ["tenant_admin", "agency_admin"], l.pdId)), pdCode: (l: BudgetLine) => codeOf.get(l.pdId) ?? "" };
}

/** A line's money as export cells (empty for a pagu perubahan not set). */
export const moneyCells = (l: BudgetLine) => MONEY.map((k) => (l[k] === null ? "" : String(l[k])));
