import { and, eq, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { indicatorTargets, indicatorVersions, indicators, jabatan, perangkatDaerah, pkItems, planNodeVersions, planNodes, plans, realisasi } from "../db/schema";
import { AppError, notFound } from "../errors";
import { NODE_LEVEL_LABELS, parseScale, type NodeLevel } from "../../shared/schemas/planning";

// Queries of the planning module. Version rows are reduced to the one in force in JS:
// a plan holds a few thousand rows, and one pass over them is cheaper than a query per node.

export type Plan = typeof plans.$inferSelect;
type NodeRow = typeof planNodeVersions.$inferSelect & { level: NodeLevel; ownerName: string | null; ownerEselon: string | null };
type IndicatorRow = typeof indicatorVersions.$inferSelect & { nodeId: string };
type TargetRow = typeof indicatorTargets.$inferSelect;

/** Today in WIB as YYYY-MM-DD: what "in force" means when the caller names no date. */
export function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
}
export const planStart = (plan: Plan) => `${plan.yearFrom}-01-01`;
/** The date reads default to: today, but not before the plan starts (a plan for next period shows its content). */
export const defaultAsOf = (plan: Plan) => (today() < planStart(plan) ? planStart(plan) : today());

/** Highest version per key among rows already filtered by date; removed entities drop out. */
export function inForce<T extends { version: number; removed: boolean }>(rows: T[], key: (r: T) => string): Map<string, T> {
  const best = new Map<string, T>();
  for (const r of rows) {
    const k = key(r);
    const cur = best.get(k);
    if (!cur || r.version > cur.version) best.set(k, r);
  }
  for (const [k, r] of best) if (r.removed) best.delete(k);
  return best;
}

export async function findPlan(db: Db, tenantId: string, planId: string): Promise<Plan> {
  const row = await db.select().from(plans).where(and(eq(plans.tenantId, tenantId), eq(plans.id, planId))).get();
  if (!row) throw notFound("Rencana");
  return row;
}

/** A plan with its PD's name (one query), for the tree view. */
export async function findPlanWithPd(db: Db, tenantId: string, planId: string): Promise<{ plan: Plan; pdName: string | null }> {
  const row = await db
    .select({ plan: plans, pdName: perangkatDaerah.name })
    .from(plans)
    .leftJoin(perangkatDaerah, and(eq(perangkatDaerah.id, plans.pdId), eq(perangkatDaerah.tenantId, tenantId)))
    .where(and(eq(plans.tenantId, tenantId), eq(plans.id, planId)))
    .get();
  if (!row) throw notFound("Rencana");
  return row;
}

export async function listPlans(db: Db, tenantId: string, filter: { kind?: Plan["kind"]; pdId?: string }) {
  const where: SQL[] = [eq(plans.tenantId, tenantId)];
  if (filter.kind) where.push(eq(plans.kind, filter.kind));
  if (filter.pdId) where.push(eq(plans.pdId, filter.pdId));
  return db
    .select({ plan: plans, pdName: perangkatDaerah.name })
    .from(plans)
    .leftJoin(perangkatDaerah, and(eq(perangkatDaerah.id, plans.pdId), eq(perangkatDaerah.tenantId, tenantId)))
    .where(and(...where))
    .orderBy(plans.kind, perangkatDaerah.name, plans.yearFrom)
    .all();
}

/**
 * Every node, indicator and target of a plan as in force on `asOf` (null = the latest rows,
 * including those effective later): what both the tree and the write checks work from.
 */
export async function planContent(db: Db, tenantId: string, planId: string, asOf: string | null) {
  const dated = <C extends typeof planNodeVersions.effectiveDate | typeof indicatorVersions.effectiveDate | typeof indicatorTargets.effectiveDate>(col: C) =>
    asOf ? [lte(col, asOf)] : [];
  const [nodeRows, indicatorRows, targetRows] = await db.batch([
    db
      // Aliased: in a batch D1 returns rows keyed by column name, and jabatan.name would shadow the node's.
      .select({
        v: planNodeVersions,
        level: planNodes.level,
        ownerName: sql<string | null>`${jabatan.name}`.as("owner_name"),
        ownerEselon: sql<string | null>`${jabatan.eselon}`.as("owner_eselon"),
      })
      .from(planNodeVersions)
      .innerJoin(planNodes, eq(planNodes.id, planNodeVersions.nodeId))
      .leftJoin(jabatan, and(eq(jabatan.id, planNodeVersions.ownerJabatanId), eq(jabatan.tenantId, tenantId)))
      .where(and(eq(planNodeVersions.tenantId, tenantId), eq(planNodeVersions.planId, planId), ...dated(planNodeVersions.effectiveDate))),
    db
      .select({ v: indicatorVersions, nodeId: indicators.nodeId })
      .from(indicatorVersions)
      .innerJoin(indicators, eq(indicators.id, indicatorVersions.indicatorId))
      .where(and(eq(indicatorVersions.tenantId, tenantId), eq(indicatorVersions.planId, planId), ...dated(indicatorVersions.effectiveDate))),
    db
      .select()
      .from(indicatorTargets)
      .where(and(eq(indicatorTargets.tenantId, tenantId), eq(indicatorTargets.planId, planId), ...dated(indicatorTargets.effectiveDate))),
  ]);
  const nodes = inForce<NodeRow>(
    nodeRows.map((r) => ({ ...r.v, level: r.level, ownerName: r.ownerName, ownerEselon: r.ownerEselon })),
    (r) => r.nodeId,
  );
  const inds = inForce<IndicatorRow>(
    indicatorRows.map((r) => ({ ...r.v, nodeId: r.nodeId })),
    (r) => r.indicatorId,
  );
  const targets = inForce<TargetRow>(targetRows, (r) => `${r.indicatorId}:${r.year}:${r.period}`);
  return { nodes, indicators: inds, targets };
}
export type PlanContent = Awaited<ReturnType<typeof planContent>>;

export const SCHEDULE_BITS = [1, 2, 4, 8] as const;
export const scheduleOut = (bits: number) => [1, 2, 3, 4].filter((tw) => bits & SCHEDULE_BITS[tw - 1]!);
export const scheduleIn = (tws: readonly number[]) => tws.reduce((b, tw) => b | SCHEDULE_BITS[tw - 1]!, 0);

export const targetOut = (t: TargetRow) => ({
  year: t.year,
  period: t.period,
  value: t.valueText,
  valueNum: t.valueNum,
  valueMax: t.valueMax,
  category: t.category,
  label: t.label,
  cumulative: t.cumulative,
  version: t.version,
  effectiveDate: t.effectiveDate,
});

export const indicatorOut = (i: IndicatorRow, targets: TargetRow[] = []) => ({
  id: i.indicatorId,
  nodeId: i.nodeId,
  name: i.name,
  satuan: i.satuan,
  polarity: i.polarity,
  negativeMethod: i.negativeMethod,
  kind: i.kind,
  scale: parseScale(i.scale ? (JSON.parse(i.scale) as string[]) : []),
  formulaNumerator: i.formulaNumerator,
  formulaDenominator: i.formulaDenominator,
  formulaNote: i.formulaNote,
  sumberData: i.sumberData,
  penanggungJawab: i.penanggungJawab,
  aggregation: i.aggregation,
  isIku: i.isIku,
  position: i.position,
  version: i.version,
  effectiveDate: i.effectiveDate,
  targets: targets.sort((a, b) => a.year - b.year || a.period - b.period).map(targetOut),
});

export const nodeOut = (n: NodeRow, inds: ReturnType<typeof indicatorOut>[] = []) => ({
  id: n.nodeId,
  level: n.level,
  parentId: n.parentId,
  supports: JSON.parse(n.supports) as string[],
  code: n.code,
  name: n.name,
  ownerJabatanId: n.ownerJabatanId,
  ownerName: n.ownerName,
  ownerEselon: n.ownerEselon,
  schedule: scheduleOut(n.schedule),
  budget: n.budget,
  position: n.position,
  version: n.version,
  effectiveDate: n.effectiveDate,
  reason: n.reason,
  indicators: inds.sort((a, b) => a.position - b.position),
});

// One collator each instead of localeCompare(…, "id") per comparison: sorting a 2,000-node tree
// made thousands of locale lookups.
const byCode = new Intl.Collator("id", { numeric: true }).compare;
const byName = new Intl.Collator("id").compare;

/** The plan's tree as flat nodes (parentId links) with indicators and targets nested. */
export function treeOut(content: PlanContent) {
  const targetsBy = new Map<string, TargetRow[]>();
  for (const t of content.targets.values()) {
    if (!content.indicators.has(t.indicatorId)) continue;
    const list = targetsBy.get(t.indicatorId) ?? [];
    list.push(t);
    targetsBy.set(t.indicatorId, list);
  }
  const indsBy = new Map<string, ReturnType<typeof indicatorOut>[]>();
  for (const i of content.indicators.values()) {
    const list = indsBy.get(i.nodeId) ?? [];
    list.push(indicatorOut(i, targetsBy.get(i.indicatorId)));
    indsBy.set(i.nodeId, list);
  }
  return [...content.nodes.values()]
    .map((n) => nodeOut(n, indsBy.get(n.nodeId)))
    .sort((a, b) => a.position - b.position || byCode(a.code ?? "", b.code ?? "") || byName(a.name, b.name));
}

/** RPJMD nodes (visi … sasaran) in force, as the context a Renstra's tujuan/sasaran hang from. */
export async function rpjmdContext(db: Db, tenantId: string, rpjmdPlanId: string | null, asOf: string) {
  if (!rpjmdPlanId) return [];
  const { nodes } = await planContent(db, tenantId, rpjmdPlanId, asOf);
  return [...nodes.values()].map((n) => ({ id: n.nodeId, level: n.level, parentId: n.parentId, code: n.code, name: n.name }));
}

/**
 * What the Performance module keeps of these indicators (or of the node): realisasi rows and
 * Perjanjian Kinerja rows, which refer to them by id. Two counting queries whatever the number of ids.
 */
export async function performanceDependants(db: Db, tenantId: string, indicatorIds: string[], nodeId?: string): Promise<string[]> {
  const out: string[] = [];
  const pkWhere = [
    ...(indicatorIds.length ? [inArray(pkItems.indicatorId, indicatorIds)] : []),
    ...(nodeId ? [eq(pkItems.nodeId, nodeId)] : []),
  ];
  const [cells, items] = await Promise.all([
    indicatorIds.length
      ? db.select({ n: sql<number>`count(*)`, years: sql<string | null>`group_concat(distinct ${realisasi.year})` }).from(realisasi).where(and(eq(realisasi.tenantId, tenantId), inArray(realisasi.indicatorId, indicatorIds))).get()
      : undefined,
    pkWhere.length ? db.select({ n: sql<number>`count(*)` }).from(pkItems).where(and(eq(pkItems.tenantId, tenantId), or(...pkWhere))).get() : undefined,
  ]);
  if (cells && cells.n > 0) {
    const years = (cells.years ?? "").split(",").filter(Boolean).sort().join(", ");
    out.push(`${cells.n} isian realisasi${years ? ` (tahun ${years})` : ""}`);
  }
  if (items && items.n > 0) out.push(`${items.n} baris Perjanjian Kinerja`);
  return out;
}

/** What stops a node from being deleted: its children, Renstra nodes that support it, and realisasi/PK rows of its indicators. */
export async function nodeDependants(db: Db, tenantId: string, plan: Plan, nodeId: string, content: PlanContent): Promise<string[]> {
  const out = [...content.nodes.values()].filter((n) => n.parentId === nodeId).map((n) => `${NODE_LEVEL_LABELS[n.level]} "${n.name}"`);
  const indicatorIds = [...content.indicators.values()].filter((i) => i.nodeId === nodeId).map((i) => i.indicatorId);
  out.push(...(await performanceDependants(db, tenantId, indicatorIds, nodeId)));
  if (plan.kind === "rpjmd") {
    const renstras = await db.select({ id: plans.id }).from(plans).where(and(eq(plans.tenantId, tenantId), eq(plans.rpjmdPlanId, plan.id))).all();
    for (const r of renstras) {
      const { nodes } = await planContent(db, tenantId, r.id, null);
      for (const n of nodes.values()) if ((JSON.parse(n.supports) as string[]).includes(nodeId)) out.push(`${NODE_LEVEL_LABELS[n.level]} Renstra "${n.name}"`);
    }
  }
  return out;
}

/** An owner must be a jabatan of this tenant (and of the Renstra's PD). */
export async function assertJabatan(db: Db, tenantId: string, plan: Plan, jabatanId: string) {
  const where = [eq(jabatan.tenantId, tenantId), eq(jabatan.id, jabatanId)];
  if (plan.pdId) where.push(eq(jabatan.pdId, plan.pdId));
  const row = await db.select({ id: jabatan.id }).from(jabatan).where(and(...where)).get();
  if (!row) throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", [{ path: "ownerJabatanId", message: "Jabatan tidak ditemukan di perangkat daerah ini" }]);
}

/** The RPJMD nodes named in `supports` must exist in the Renstra's RPJMD, at misi/tujuan/sasaran level. */
export async function assertSupports(db: Db, tenantId: string, plan: Plan, supports: string[]) {
  if (supports.length === 0) return;
  const bad = () => new AppError("validation_failed", "Periksa kembali isian yang ditandai", [{ path: "supports", message: "Pilih sasaran/tujuan RPJMD dari RPJMD yang diikuti Renstra ini" }]);
  if (!plan.rpjmdPlanId) throw bad();
  const rows = await db
    .select({ id: planNodes.id, level: planNodes.level })
    .from(planNodes)
    .where(and(eq(planNodes.tenantId, tenantId), eq(planNodes.planId, plan.rpjmdPlanId), inArray(planNodes.id, supports)))
    .all();
  if (rows.length !== new Set(supports).size || rows.some((r) => r.level === "visi")) throw bad();
}
