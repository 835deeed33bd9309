import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { lkeEvaluations, perangkatDaerah, publishedFigures } from "../db/schema";
import { FIGURE_PROVIDERS, type PdFigure } from "./figures";
import { snapshotFigures, snapshotReads } from "./ranking-snapshot";
import { ikmFigureOf, ikmFigureReads } from "./ikm";
import { rankWithTies } from "../../shared/formulas/ranking";
import { predikatSakip, SAKIP_PREDIKAT, type SakipPredikat } from "../../shared/formulas/sakip";
import { share } from "../../shared/formulas/capaian";
import { roundTo } from "../../shared/format/round";
import { isAtLeastB, RANKING_FIGURES, type RankingWeights } from "../../shared/schemas/evaluation";
import type { TenantSettings } from "../../shared/schemas/tenant";

type Values = Record<PdFigure, number | null>;

export type CompositeScore = { value: number | null; partial: boolean };

/**
 * Weighted mean over the figures a PD has: the weights of missing figures are left out and the
 * rest re-normalised (flagged `partial`), so a missing figure never counts as 0. Capaian above
 * 100 % counts as 100 here, so one outlier indicator cannot outweigh the other figures.
 */
export function compositeScore(values: Values, weights: RankingWeights, available: readonly PdFigure[]): CompositeScore {
  let sum = 0;
  let weight = 0;
  let partial = false;
  for (const f of available) {
    if (weights[f] <= 0) continue;
    const v = values[f];
    if (v === null) {
      partial = true;
      continue;
    }
    sum += weights[f] * (f === "capaian" ? Math.min(v, 100) : v);
    weight += weights[f];
  }
  return weight === 0 ? { value: null, partial } : { value: sum / weight, partial };
}

async function figureValues(db: Db, tenantId: string, year: number, figures: readonly PdFigure[] = RANKING_FIGURES) {
  // Providers are independent reads: run them side by side.
  const maps = await Promise.all(RANKING_FIGURES.map(async (f) => (figures.includes(f) ? await FIGURE_PROVIDERS[f]?.(db, tenantId, year) : undefined) ?? new Map<string, number>()));
  return Object.fromEntries(RANKING_FIGURES.map((f, i) => [f, maps[i]!])) as Record<PdFigure, Map<string, number>>;
}

const valuesOf = (maps: Record<PdFigure, Map<string, number>>, pdId: string): Values =>
  Object.fromEntries(RANKING_FIGURES.map((f) => [f, maps[f].get(pdId) ?? null])) as Values;

/** Ranks on the value as shown (2 dp) so that 75,10 and 75,10 share a rank. */
const shown = (v: number | null) => (v === null ? null : roundTo(v, 2));

/**
 * IKM changes with every survey submission, so it is not snapshotted: it is computed from the
 * tallies read in the ranking's own batch. The other figures come from snapshots (ranking-snapshot.ts).
 */
const SNAPSHOT_FIGURES = RANKING_FIGURES.filter((f) => f !== "ikm");

/**
 * Every PD of the tenant side by side for one year, with the previous year's values and ranks with ties.
 * One D1 batch when the figure snapshots are fresh (ranking-snapshot.ts).
 */
export async function pdRanking(db: Db, tenantId: string, year: number, settings: TenantSettings) {
  const weights = settings.rankingWeights;
  const available = RANKING_FIGURES.filter((f) => FIGURE_PROVIDERS[f]);
  const [pds, evaluations, versionRows, snapshots, ikmTallies, units, ikmPrevTallies] = await db.batch([
    db.select().from(perangkatDaerah).where(eq(perangkatDaerah.tenantId, tenantId)),
    db
      .select({ id: lkeEvaluations.id, pdId: lkeEvaluations.pdId, year: lkeEvaluations.year, status: lkeEvaluations.status, total: lkeEvaluations.total })
      .from(lkeEvaluations)
      .where(eq(lkeEvaluations.tenantId, tenantId)),
    ...snapshotReads(db, tenantId, [year, year - 1]),
    ...ikmFigureReads(db, tenantId, year),
    ikmFigureReads(db, tenantId, year - 1)[0],
  ]);
  const figures = await snapshotFigures(db, tenantId, [year, year - 1], JSON.stringify(settings), [versionRows, snapshots], (y) => figureValues(db, tenantId, y, SNAPSHOT_FIGURES));
  const current = { ...figures.get(year)!, ikm: ikmFigureOf(ikmTallies, units, settings.ikmWeightMode) };
  const previous = { ...figures.get(year - 1)!, ikm: ikmFigureOf(ikmPrevTallies, units, settings.ikmWeightMode) };
  const evaluationOf = new Map(evaluations.filter((e) => e.year === year).map((e) => [e.pdId, e]));
  // A PD appears when it is active or has any figure this year (a dissolved PD keeps its history).
  const listed = pds.filter((pd) => pd.active || RANKING_FIGURES.some((f) => current[f].has(pd.id)) || evaluationOf.has(pd.id));
  const rows = listed.map((pd) => {
    const values = valuesOf(current, pd.id);
    const prev = valuesOf(previous, pd.id);
    return {
      pd: { id: pd.id, code: pd.code, name: pd.name, kind: pd.kind },
      values,
      previous: prev,
      composite: compositeScore(values, weights, available),
      compositePrevious: compositeScore(prev, weights, available).value,
      evaluation: evaluationOf.has(pd.id) ? { id: evaluationOf.get(pd.id)!.id, status: evaluationOf.get(pd.id)!.status } : null,
    };
  });
  const ranks = Object.fromEntries(
    [...RANKING_FIGURES, "composite" as const].map((f) => [
      f,
      rankWithTies(rows, (r) => shown(f === "composite" ? r.composite.value : r.values[f])).map((r) => r.rank),
    ]),
  ) as Record<PdFigure | "composite", (number | null)[]>;

  return {
    available,
    rows: rows.map((r, i) => ({
      ...r,
      ranks: Object.fromEntries(Object.entries(ranks).map(([f, list]) => [f, list[i] ?? null])) as Record<PdFigure | "composite", number | null>,
    })),
    summary: distribution(rows.map((r) => r.values.sakip)),
    trend: trendOf(evaluations.filter((e) => e.status === "final" && e.total !== null).map((e) => ({ year: e.year, total: e.total! }))),
    years: [...new Set(evaluations.map((e) => e.year))].sort((a, b) => b - a),
  };
}

/** Predikat distribution of a set of SAKIP nilai, and the share at or above B (seed 002: 28 of 37 = 75,68 %). */
export function distribution(values: readonly (number | null)[]) {
  const present = values.filter((v): v is number => v !== null);
  const counts = Object.fromEntries(SAKIP_PREDIKAT.map((p) => [p, 0])) as Record<SakipPredikat, number>;
  for (const v of present) counts[predikatSakip(v)]++;
  const atLeastB = SAKIP_PREDIKAT.filter(isAtLeastB).reduce((a, p) => a + counts[p], 0);
  const average = present.length ? present.reduce((a, b) => a + b, 0) / present.length : null;
  return {
    counts,
    evaluated: present.length,
    atLeastB,
    shareAtLeastB: share(atLeastB, present.length),
    average,
    averagePredikat: average === null ? null : predikatSakip(average),
  };
}

function trendOf(finals: { year: number; total: number }[]) {
  const byYear = new Map<number, number[]>();
  for (const f of finals) byYear.set(f.year, [...(byYear.get(f.year) ?? []), f.total]);
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, totals]) => ({ year, ...distribution(totals) }));
}

/** Figures a pemda publishes for cross-pemda tables: means over its PD (SAKIP also as share ≥ B). */
export const PUBLISHED_FIGURES = ["sakip", "sakip_share_b", "ikm", "capaian", "penyerapan"] as const;
export type PublishedFigure = (typeof PUBLISHED_FIGURES)[number];

export async function tenantAggregates(db: Db, tenantId: string, year: number) {
  const maps = await figureValues(db, tenantId, year);
  const out: { figure: PublishedFigure; value: number; pdCount: number }[] = [];
  for (const f of RANKING_FIGURES) {
    const values = [...maps[f].values()];
    if (values.length) out.push({ figure: f, value: values.reduce((a, b) => a + b, 0) / values.length, pdCount: values.length });
  }
  const sakip = distribution([...maps.sakip.values()]);
  if (sakip.shareAtLeastB !== null) out.push({ figure: "sakip_share_b", value: sakip.shareAtLeastB, pdCount: sakip.evaluated });
  return out;
}

/** Statements replacing a tenant's published snapshot of one year (control database). */
export function publishStatements(control: Db, tenantId: string, year: number, aggregates: Awaited<ReturnType<typeof tenantAggregates>>) {
  const now = Date.now();
  return [
    control.delete(publishedFigures).where(and(eq(publishedFigures.tenantId, tenantId), eq(publishedFigures.year, year))),
    ...aggregates.map((a) => control.insert(publishedFigures).values({ tenantId, year, figure: a.figure, value: a.value, pdCount: a.pdCount, publishedAt: now })),
  ] as const;
}

/** The latest year with a final SAKIP result, for tables that need a default year. */
export async function latestFinalYear(db: Db, tenantId: string): Promise<number | undefined> {
  const row = await db
    .select({ year: lkeEvaluations.year })
    .from(lkeEvaluations)
    .where(and(eq(lkeEvaluations.tenantId, tenantId), eq(lkeEvaluations.status, "final"), isNotNull(lkeEvaluations.total)))
    .orderBy(desc(lkeEvaluations.year))
    .limit(1)
    .get();
  return row?.year;
}
