import { and, eq, inArray } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { figureVersions, rankingSnapshots } from "../db/schema";
import type { PdFigure } from "./figures";

/**
 * Precomputed per-PD ranking figures (migrations/tenant/0011_perf.sql). Computing SAKIP, capaian and
 * penyerapan of a year takes several D1 round trips, so the ranking reads one snapshot row per year instead. A
 * snapshot is used only while its `version` equals the tenant's figure version, which triggers
 * bump in the same transaction as every write to a table the figures come from, and while it was
 * computed with the same settings: a ranking read right after a write is always exact.
 */
export type FigureMaps = Record<PdFigure, Map<string, number>>;
type SnapshotRow = typeof rankingSnapshots.$inferSelect;

/** Two statements for the caller's read batch: the tenant's figure version, and its snapshots of `years`. */
export function snapshotReads(db: Db, tenantId: string, years: number[]) {
  return [
    db.select({ version: figureVersions.version }).from(figureVersions).where(eq(figureVersions.tenantId, tenantId)),
    db.select().from(rankingSnapshots).where(and(eq(rankingSnapshots.tenantId, tenantId), inArray(rankingSnapshots.year, years))),
  ] as const;
}

const encode = (maps: FigureMaps) => JSON.stringify(Object.fromEntries(Object.entries(maps).map(([f, m]) => [f, Object.fromEntries(m)])));
const decode = (json: string) =>
  Object.fromEntries(Object.entries(JSON.parse(json) as Record<string, Record<string, number>>).map(([f, o]) => [f, new Map(Object.entries(o))])) as FigureMaps;

/**
 * Figures of each of `years`: from its snapshot when fresh, else computed by `compute` and stored
 * under the version read before computing (a write racing the computation bumps the version past
 * it, so that snapshot is never used).
 */
export async function snapshotFigures(
  db: Db,
  tenantId: string,
  years: number[],
  settingsKey: string,
  [versionRows, snapshots]: [{ version: number }[], SnapshotRow[]],
  compute: (year: number) => Promise<FigureMaps>,
): Promise<Map<number, FigureMaps>> {
  const version = versionRows[0]?.version ?? 0;
  const out = new Map<number, FigureMaps>();
  for (const s of snapshots) if (s.version === version && s.settings === settingsKey) out.set(s.year, decode(s.figures));
  const stale = years.filter((y) => !out.has(y));
  if (!stale.length) return out;
  const computed = await Promise.all(stale.map(compute));
  const now = Date.now();
  const writes: BatchItem<"sqlite">[] = stale.map((year, i) => {
    const row = { tenantId, year, version, settings: settingsKey, figures: encode(computed[i]!), computedAt: now };
    return db
      .insert(rankingSnapshots)
      .values(row)
      .onConflictDoUpdate({ target: [rankingSnapshots.tenantId, rankingSnapshots.year], set: { version, settings: settingsKey, figures: row.figures, computedAt: now } });
  });
  await db.batch(writes as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  stale.forEach((y, i) => out.set(y, computed[i]!));
  return out;
}
