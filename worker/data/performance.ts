import { and, asc, desc, eq, inArray, isNotNull, isNull, lte } from "drizzle-orm";
import type { Db } from "../db/client";
import { budgetLines, indicators, indicatorVersions, jabatan, jabatanHolders, perangkatDaerah, pkDocuments, pkItems, plans, realisasi, realisasiEvidence, twReports } from "../db/schema";
import { notFound } from "../errors";
import { inForce, listPlans, planContent, type Plan, type PlanContent } from "./planning";
import { readTenantSettings } from "./tenant-settings";
import { capaian, predikatCapaian, sasaranCapaian, vsRenstra, yoyChange, type CapaianResult } from "../../shared/formulas/capaian";
import { efisiensiTable, penyerapan } from "../../shared/formulas/anggaran";
import { parseRealisasi } from "../../shared/schemas/performance";
import { parseScale } from "../../shared/schemas/planning";
import type { TenantSettings } from "../../shared/schemas/tenant";

// Queries and figures of the performance module: PK versions, the realisasi grid with its
// capaian, budget absorption and efisiensi. Capaian always comes from shared/formulas.

export type PkDocument = typeof pkDocuments.$inferSelect;
export type PkItem = typeof pkItems.$inferSelect;
type RealisasiRow = typeof realisasi.$inferSelect;
type BudgetLine = typeof budgetLines.$inferSelect;

export const periodEnd = (year: number, period: number) => `${year}-${["03-31", "06-30", "09-30", "12-31"][period - 1]}`;

export async function findPk(db: Db, tenantId: string, id: string): Promise<PkDocument> {
  const row = await db.select().from(pkDocuments).where(and(eq(pkDocuments.tenantId, tenantId), eq(pkDocuments.id, id))).get();
  if (!row) throw notFound("Perjanjian kinerja");
  return row;
}

export async function findPd(db: Db, tenantId: string, pdId: string) {
  const row = await db.select().from(perangkatDaerah).where(and(eq(perangkatDaerah.tenantId, tenantId), eq(perangkatDaerah.id, pdId))).get();
  if (!row) throw notFound("Perangkat daerah");
  return row;
}

export async function pkItemsOf(db: Db, tenantId: string, pkId: string): Promise<PkItem[]> {
  return db.select().from(pkItems).where(and(eq(pkItems.tenantId, tenantId), eq(pkItems.pkId, pkId))).orderBy(asc(pkItems.position)).all();
}

/** Every version of one PK line (PD, year, official), oldest first. */
export async function pkVersions(db: Db, tenantId: string, pk: Pick<PkDocument, "pdId" | "year" | "jabatanId">) {
  return db
    .select()
    .from(pkDocuments)
    .where(and(eq(pkDocuments.tenantId, tenantId), eq(pkDocuments.pdId, pk.pdId), eq(pkDocuments.year, pk.year), pk.jabatanId ? eq(pkDocuments.jabatanId, pk.jabatanId) : isNull(pkDocuments.jabatanId)))
    .orderBy(asc(pkDocuments.version))
    .all();
}

/**
 * The PK a report on `asOf` works from: the latest approved version in force on that date,
 * else (nothing approved yet) the latest version, so a PD can enter realisasi while its PK awaits approval.
 */
export async function pkInForce(db: Db, tenantId: string, pdId: string, year: number, asOf: string): Promise<PkDocument | null> {
  return pickInForce(await pkVersions(db, tenantId, { pdId, year, jabatanId: null }), asOf);
}

/** The PD's Renstra that covers `year`, if any. */
export async function renstraFor(db: Db, tenantId: string, pdId: string, year: number): Promise<Plan | null> {
  const rows = await listPlans(db, tenantId, { kind: "renstra", pdId });
  return rows.map((r) => r.plan).find((p) => p.yearFrom <= year && year <= p.yearTo) ?? null;
}

/**
 * A new PK's rows from the Renstra in force at the start of the year: each sasaran (or, for an
 * official's PK, each node that official owns) with its indicators and yearly targets, then
 * the programs/kegiatan below them with their anggaran.
 */
export function itemsFromRenstra(content: PlanContent, year: number, jabatanId: string | null) {
  const nodes = [...content.nodes.values()].sort((a, b) => a.position - b.position || (a.code ?? "").localeCompare(b.code ?? "", "id", { numeric: true }));
  const owned = nodes.filter((n) => (jabatanId ? n.ownerJabatanId === jabatanId : n.level === "sasaran"));
  const ownedIds = new Set(owned.map((n) => n.nodeId));
  const items: Omit<PkItem, "id" | "tenantId" | "pkId">[] = [];
  for (const node of owned) {
    const inds = [...content.indicators.values()].filter((i) => i.nodeId === node.nodeId).sort((a, b) => a.position - b.position);
    for (const ind of inds) {
      const t = content.targets.get(`${ind.indicatorId}:${year}:0`);
      items.push({ kind: "indicator", nodeId: node.nodeId, nodeName: node.name, indicatorId: ind.indicatorId, indicatorName: ind.name, satuan: ind.satuan, targetText: t?.valueText ?? null, targetNum: t?.valueNum ?? null, anggaran: null, position: items.length });
    }
  }
  for (const node of nodes) {
    if (!node.parentId || !ownedIds.has(node.parentId) || !["program", "kegiatan", "sub_kegiatan"].includes(node.level)) continue;
    items.push({ kind: "program", nodeId: node.nodeId, nodeName: node.name, indicatorId: null, indicatorName: null, satuan: null, targetText: null, targetNum: null, anggaran: node.budget, position: items.length });
  }
  return items;
}

/** Who signs: the jabatan (or the PD head) and its holder on the PK's effective date. */
export async function pkSignatory(db: Db, tenantId: string, pk: PkDocument) {
  // The PD head is its highest head jabatan: Es. II for a dinas or biro, Es. III for a bagian (seed 004).
  const where = pk.jabatanId
    ? and(eq(jabatan.tenantId, tenantId), eq(jabatan.id, pk.jabatanId))
    : and(eq(jabatan.tenantId, tenantId), eq(jabatan.pdId, pk.pdId), eq(jabatan.isHead, true));
  const j = await db.select().from(jabatan).where(where).orderBy(asc(jabatan.eselon)).get();
  if (!j) return { jabatanName: null, holderName: null, holderNip: null };
  const holders = await db
    .select()
    .from(jabatanHolders)
    .where(and(eq(jabatanHolders.tenantId, tenantId), eq(jabatanHolders.jabatanId, j.id), lte(jabatanHolders.validFrom, pk.effectiveDate)))
    .orderBy(desc(jabatanHolders.validFrom))
    .all();
  const h = holders.find((x) => !x.validTo || x.validTo >= pk.effectiveDate);
  return { jabatanName: j.name, holderName: h?.name ?? null, holderNip: h?.nip ?? null };
}

// ---- realisasi grid and capaian ----

type IndicatorMeta = { kind: "numeric" | "categorical" | "text"; polarity: "positive" | "negative"; negativeMethod: "2T-R" | "T/R"; scale: string[]; aggregation: "cumulative" | "sum" | "average" | "last" };
const DEFAULT_META: IndicatorMeta = { kind: "numeric", polarity: "positive", negativeMethod: "2T-R", scale: [], aggregation: "cumulative" };

type MetaSource = Pick<typeof indicatorVersions.$inferSelect, "kind" | "polarity" | "negativeMethod" | "scale" | "aggregation">;
const metaFrom = (i: MetaSource | undefined): IndicatorMeta =>
  i ? { kind: i.kind, polarity: i.polarity, negativeMethod: i.negativeMethod, scale: parseScale(i.scale ? (JSON.parse(i.scale) as string[]) : []), aggregation: i.aggregation } : DEFAULT_META;

function metaOf(content: PlanContent | null, indicatorId: string): IndicatorMeta {
  return metaFrom(content?.indicators.get(indicatorId));
}

type Target = { text: string; num: number | null; category: string | null };
function readTarget(text: string | null, meta: IndicatorMeta): Target | null {
  if (!text) return null;
  const p = parseRealisasi(text, meta);
  return { text, num: p.ok ? p.valueNum : null, category: p.ok ? p.category : null };
}

/** Capaian plus our own flags: "pending" (proses penilaian) and "no_target". */
type CapaianOut = { value: number | null; flags: (CapaianResult["flags"][number] | "pending" | "no_target")[] };
export type CellValue = { status: RealisasiRow["status"]; valueNum: number | null; category: string | null; capaianManual: number | null };

/** Capaian of one realisasi against one target; pending and missing values have none. */
export function cellCapaian(meta: IndicatorMeta, target: Target | null, cell: CellValue | null, settings: TenantSettings): CapaianOut {
  if (!cell) return { value: null, flags: [] };
  if (cell.status === "pending") return { value: null, flags: ["pending"] };
  if (meta.kind === "text") return capaian({ kind: "text", manual: cell.capaianManual });
  if (!target) return { value: null, flags: ["no_target"] };
  if (meta.kind === "categorical") {
    if (!target.category || !cell.category) return { value: null, flags: ["unknown_category"] };
    return capaian({ kind: "categorical", scale: meta.scale, target: target.category, realisasi: cell.category });
  }
  if (target.num === null || cell.valueNum === null) return { value: null, flags: ["no_target"] };
  const method = meta.negativeMethod === "T/R" ? "T/R" : settings.negativePolarityMethod;
  return capaian({ polarity: meta.polarity, method, target: target.num, realisasi: cell.valueNum });
}

/** The year's value from the triwulan cells, following the indicator's aggregation. */
export function annualValue(meta: IndicatorMeta, cells: (RealisasiRow | undefined)[]): (CellValue & { text: string | null }) | null {
  const entered = cells.filter((c): c is RealisasiRow => !!c);
  if (entered.length === 0) return null;
  const last = entered.at(-1)!;
  const status = entered.some((c) => c.status === "provisional") ? "provisional" : last.status;
  if (meta.kind !== "numeric" || meta.aggregation === "cumulative" || meta.aggregation === "last") {
    return { status: last.status === "pending" ? "pending" : status, valueNum: last.valueNum, category: last.category, capaianManual: last.capaianManual, text: last.valueText };
  }
  const nums = entered.filter((c) => c.status !== "pending" && c.valueNum !== null).map((c) => c.valueNum!);
  if (nums.length === 0) return { status: "pending", valueNum: null, category: null, capaianManual: null, text: null };
  const sum = nums.reduce((a, b) => a + b, 0);
  const value = meta.aggregation === "sum" ? sum : sum / nums.length;
  return { status, valueNum: value, category: null, capaianManual: null, text: null };
}

/**
 * Everything the realisasi grid and the capaian tables show for one PD and year: the PK in
 * force, per indicator its targets, the four triwulan cells with capaian against the yearly
 * and the triwulan target, the year's value with previous year and Renstra end target, and
 * per sasaran the mean capaian with its predikat.
 */
export async function kinerja(db: Db, tenantId: string, pdId: string, year: number) {
  const pd = await findPd(db, tenantId, pdId);
  const settings = await readTenantSettings(db, tenantId);
  const pk = await pkInForce(db, tenantId, pdId, year, periodEnd(year, 4));
  const items = pk ? (await pkItemsOf(db, tenantId, pk.id)).filter((i) => i.kind === "indicator" && i.indicatorId) : [];
  const plan = pk?.planId ? await db.select().from(plans).where(and(eq(plans.tenantId, tenantId), eq(plans.id, pk.planId))).get() : undefined;
  const content = plan ? await planContent(db, tenantId, plan.id, periodEnd(year, 4)) : null;
  const indicatorIds = items.map((i) => i.indicatorId!);
  const [cells, evidence, reports] = await Promise.all([
    indicatorIds.length
      ? db.select().from(realisasi).where(and(eq(realisasi.tenantId, tenantId), inArray(realisasi.indicatorId, indicatorIds), inArray(realisasi.year, [year - 1, year]))).all()
      : Promise.resolve([] as RealisasiRow[]),
    db
      .select({ id: realisasiEvidence.id, realisasiId: realisasiEvidence.realisasiId, filename: realisasiEvidence.filename, contentType: realisasiEvidence.contentType, size: realisasiEvidence.size })
      .from(realisasiEvidence)
      .innerJoin(realisasi, eq(realisasi.id, realisasiEvidence.realisasiId))
      .where(and(eq(realisasiEvidence.tenantId, tenantId), eq(realisasi.pdId, pdId), eq(realisasi.year, year)))
      .all(),
    db.select().from(twReports).where(and(eq(twReports.tenantId, tenantId), eq(twReports.pdId, pdId), eq(twReports.year, year))).all(),
  ]);
  const cellOf = (indicatorId: string, y: number, p: number) => cells.find((c) => c.indicatorId === indicatorId && c.year === y && c.period === p);

  const bySasaran = new Map<string, { nodeId: string; name: string; indicators: ReturnType<typeof indicatorRow>[] }>();
  function indicatorRow(item: PkItem) {
    const id = item.indicatorId!;
    const meta = metaOf(content, id);
    const yearTarget = readTarget(item.targetText, meta);
    const twTargets = [1, 2, 3, 4].map((p) => {
      const t = content?.targets.get(`${id}:${year}:${p}`);
      return t ? { period: p, text: t.valueText, num: t.valueNum, cumulative: t.cumulative } : null;
    });
    const rowCells = [1, 2, 3, 4].map((p) => {
      const c = cellOf(id, year, p);
      const tw = twTargets[p - 1];
      return {
        period: p,
        id: c?.id ?? null,
        version: c?.version ?? 0,
        value: c?.valueText ?? null,
        valueNum: c?.valueNum ?? null,
        status: c?.status ?? null,
        explanation: c?.explanation ?? null,
        evidenceUrl: c?.evidenceUrl ?? null,
        capaianManual: c?.capaianManual ?? null,
        evidence: c ? evidence.filter((e) => e.realisasiId === c.id).map(({ realisasiId: _r, ...e }) => e) : [],
        capaian: cellCapaian(meta, yearTarget, c ?? null, settings),
        capaianTw: tw ? cellCapaian(meta, { text: tw.text, num: tw.num, category: null }, c ?? null, settings) : null,
      };
    });
    const annual = annualValue(meta, [1, 2, 3, 4].map((p) => cellOf(id, year, p)));
    const prev = annualValue(meta, [1, 2, 3, 4].map((p) => cellOf(id, year - 1, p)));
    const endTarget = plan ? content?.targets.get(`${id}:${plan.yearTo}:0`) : undefined;
    const annualCapaian = cellCapaian(meta, yearTarget, annual, settings);
    const numeric = (v: { status: string; valueNum: number | null } | null) => (v && v.status !== "pending" && v.valueNum !== null ? v.valueNum : null);
    const r = numeric(annual);
    const rPrev = numeric(prev);
    return {
      indicatorId: id,
      name: item.indicatorName ?? "",
      satuan: item.satuan,
      kind: meta.kind,
      polarity: meta.polarity,
      scale: meta.scale,
      target: item.targetText,
      targetNum: item.targetNum,
      twTargets,
      cells: rowCells,
      annual: {
        value: annual?.text ?? (annual?.valueNum ?? null)?.toString() ?? null,
        valueNum: r,
        status: annual?.status ?? null,
        capaian: annualCapaian,
        predikat: annualCapaian.value !== null ? predikatCapaian(annualCapaian.value, settings.capaianBands) : null,
        previous: rPrev,
        yoy: r !== null && rPrev !== null ? yoyChange(rPrev, r) : null,
        renstraTarget: endTarget?.valueText ?? null,
        vsRenstra: r !== null && endTarget?.valueNum != null ? vsRenstra(r, endTarget.valueNum) : null,
      },
    };
  }
  for (const item of items) {
    const s = bySasaran.get(item.nodeId) ?? { nodeId: item.nodeId, name: item.nodeName, indicators: [] };
    s.indicators.push(indicatorRow(item));
    bySasaran.set(item.nodeId, s);
  }
  const sasaran = [...bySasaran.values()].map((s) => {
    const perTw = [1, 2, 3, 4].map((p) => sasaranCapaian(s.indicators.map((i) => i.cells[p - 1]!.capaian.value)));
    const value = sasaranCapaian(s.indicators.map((i) => i.annual.capaian.value));
    return { ...s, capaian: value, capaianTw: perTw, predikat: value !== null ? predikatCapaian(value, settings.capaianBands) : null };
  });
  return {
    pd: { id: pd.id, name: pd.name },
    year,
    pk: pk ? { id: pk.id, version: pk.version, status: pk.status, effectiveDate: pk.effectiveDate } : null,
    reports: [1, 2, 3, 4].map((p) => {
      const r = reports.find((x) => x.period === p);
      return { period: p, id: r?.id ?? null, status: r?.status ?? ("draft" as const), lastDisposition: r?.lastDisposition ?? null };
    }),
    sasaran,
    capaian: sasaranCapaian(sasaran.map((s) => s.capaian)),
  };
}
export type Kinerja = Awaited<ReturnType<typeof kinerja>>;

// ---- anggaran ----

export const paguOf = (l: Pick<BudgetLine, "paguMurni" | "paguPerubahan">) => l.paguPerubahan ?? l.paguMurni;
export const realisasiOf = (l: Pick<BudgetLine, "realisasiTw1" | "realisasiTw2" | "realisasiTw3" | "realisasiTw4">) => l.realisasiTw1 + l.realisasiTw2 + l.realisasiTw3 + l.realisasiTw4;

export async function budgetOf(db: Db, tenantId: string, pdId: string, year: number) {
  return db
    .select()
    .from(budgetLines)
    .where(and(eq(budgetLines.tenantId, tenantId), eq(budgetLines.pdId, pdId), eq(budgetLines.year, year)))
    .orderBy(asc(budgetLines.code), asc(budgetLines.name))
    .all();
}

/** Budget table with absorption per line, per jenis and in total, and efisiensi per sasaran. */
export async function anggaran(db: Db, tenantId: string, pdId: string, year: number) {
  await findPd(db, tenantId, pdId);
  const [lines, settings, perf] = await Promise.all([budgetOf(db, tenantId, pdId, year), readTenantSettings(db, tenantId), kinerja(db, tenantId, pdId, year)]);
  const sum = (ls: BudgetLine[]) => ({ paguMurni: ls.reduce((a, l) => a + l.paguMurni, 0), pagu: ls.reduce((a, l) => a + paguOf(l), 0), realisasi: ls.reduce((a, l) => a + realisasiOf(l), 0) });
  const absorb = (s: { pagu: number; realisasi: number }) => ({ ...s, ...penyerapan({ pagu: s.pagu, realisasi: s.realisasi }) });
  const total = absorb(sum(lines));
  const rows = perf.sasaran.flatMap((s) => {
    const ls = lines.filter((l) => l.sasaranId === s.nodeId);
    const p = absorb(sum(ls));
    return s.capaian !== null && p.percent !== null ? [{ sasaranId: s.nodeId, name: s.name, capaianKinerja: s.capaian, capaianAnggaran: p.percent, pagu: p.pagu, realisasi: p.realisasi }] : [];
  });
  const covered = absorb(sum(lines.filter((l) => rows.some((r) => r.sasaranId === l.sasaranId))));
  return {
    year,
    mode: settings.efisiensiMode,
    lines: lines.map((l) => ({
      id: l.id,
      nodeId: l.nodeId,
      level: l.level,
      code: l.code,
      name: l.name,
      sasaranId: l.sasaranId,
      jenis: l.jenis,
      paguMurni: l.paguMurni,
      paguPerubahan: l.paguPerubahan,
      realisasiTw: [l.realisasiTw1, l.realisasiTw2, l.realisasiTw3, l.realisasiTw4],
      fisikTw: [l.fisikTw1, l.fisikTw2, l.fisikTw3, l.fisikTw4],
      version: l.version,
      ...absorb({ pagu: paguOf(l), realisasi: realisasiOf(l) }),
    })),
    byJenis: (["operasi", "modal"] as const).map((j) => ({ jenis: j, ...absorb(sum(lines.filter((l) => l.jenis === j))) })),
    total: { ...total, paguMurni: sum(lines).paguMurni },
    efisiensi: efisiensiTable(rows, covered.percent ?? 0, settings.efisiensiMode),
  };
}

// ---- figures for the ranking tables ----

/** The PK in force among one PK line's versions (oldest first): see `pkInForce`. */
function pickInForce<V extends Pick<PkDocument, "status" | "effectiveDate">>(versions: V[], asOf: string): V | null {
  const approved = versions.filter((v) => v.status === "approved" && v.effectiveDate <= asOf);
  return approved.at(-1) ?? versions.filter((v) => v.status === "approved").at(0) ?? versions.at(-1) ?? null;
}

/**
 * Average capaian kinerja of each PD's PK indicators for the year (PDs without realisasi are absent):
 * the mean of the indicators' annual capaian exactly as `kinerja` computes it, but read for every PD
 * of the tenant at once (one batch of five statements) instead of the grid per PD.
 */
export async function capaianFigure(db: Db, tenantId: string, year: number): Promise<Map<string, number>> {
  const asOf = periodEnd(year, 4);
  const pkOfYear = and(eq(pkDocuments.tenantId, tenantId), eq(pkDocuments.year, year), isNull(pkDocuments.jabatanId));
  // PK items of every version of the year's PD-level PKs; filtered to the version in force below.
  const itemIdsOfYear = db
    .select({ indicatorId: pkItems.indicatorId })
    .from(pkItems)
    .innerJoin(pkDocuments, eq(pkDocuments.id, pkItems.pkId))
    .where(and(eq(pkItems.tenantId, tenantId), eq(pkItems.kind, "indicator"), isNotNull(pkItems.indicatorId), pkOfYear));
  const planIdsOfYear = db.select({ planId: pkDocuments.planId }).from(pkDocuments).where(and(pkOfYear, isNotNull(pkDocuments.planId)));
  // Settings are in the control plane, the rest in the tenant database: one batch each.
  const [settings, [versions, items, indicatorRows, cells]] = await Promise.all([
    readTenantSettings(db, tenantId),
    db.batch([
      db
        .select({ id: pkDocuments.id, pdId: pkDocuments.pdId, planId: pkDocuments.planId, version: pkDocuments.version, status: pkDocuments.status, effectiveDate: pkDocuments.effectiveDate })
        .from(pkDocuments)
        .where(pkOfYear)
        .orderBy(asc(pkDocuments.pdId), asc(pkDocuments.version)),
      db
        .select({ pkId: pkItems.pkId, nodeId: pkItems.nodeId, indicatorId: pkItems.indicatorId, targetText: pkItems.targetText, position: pkItems.position })
        .from(pkItems)
        .innerJoin(pkDocuments, eq(pkDocuments.id, pkItems.pkId))
        .where(and(eq(pkItems.tenantId, tenantId), eq(pkItems.kind, "indicator"), isNotNull(pkItems.indicatorId), pkOfYear))
        .orderBy(asc(pkItems.pkId), asc(pkItems.position)),
      // Indicator versions in force at year end of the plans the PKs follow (a missing plan gives none,
      // as in `kinerja`); the inner join on plans keeps them to this tenant's plans.
      db
        .select({
          planId: indicatorVersions.planId,
          indicatorId: indicatorVersions.indicatorId,
          version: indicatorVersions.version,
          removed: indicatorVersions.removed,
          kind: indicatorVersions.kind,
          polarity: indicatorVersions.polarity,
          negativeMethod: indicatorVersions.negativeMethod,
          scale: indicatorVersions.scale,
          aggregation: indicatorVersions.aggregation,
        })
        .from(indicatorVersions)
        .innerJoin(indicators, eq(indicators.id, indicatorVersions.indicatorId))
        .innerJoin(plans, and(eq(plans.id, indicatorVersions.planId), eq(plans.tenantId, tenantId)))
        .where(and(eq(indicatorVersions.tenantId, tenantId), lte(indicatorVersions.effectiveDate, asOf), inArray(indicatorVersions.planId, planIdsOfYear))),
      db
        .select()
        .from(realisasi)
        .where(and(eq(realisasi.tenantId, tenantId), eq(realisasi.year, year), inArray(realisasi.indicatorId, itemIdsOfYear))),
    ]),
  ]);

  const versionsByPd = new Map<string, (typeof versions)[number][]>();
  for (const v of versions) versionsByPd.set(v.pdId, [...(versionsByPd.get(v.pdId) ?? []), v]);
  const itemsByPk = new Map<string, (typeof items)[number][]>();
  for (const i of items) itemsByPk.set(i.pkId, [...(itemsByPk.get(i.pkId) ?? []), i]);
  const meta = inForce(indicatorRows, (r) => `${r.planId}:${r.indicatorId}`);
  const cellOf = new Map(cells.map((c) => [`${c.indicatorId}:${c.period}`, c]));

  const out = new Map<string, number>();
  for (const [pdId, pdVersions] of versionsByPd) {
    const pk = pickInForce(pdVersions, asOf);
    if (!pk) continue;
    // Grouped by sasaran in item order, as the grid lists them, so the mean adds up in the same order.
    const bySasaran = new Map<string, (number | null)[]>();
    for (const item of itemsByPk.get(pk.id) ?? []) {
      const id = item.indicatorId;
      if (!id) continue;
      const m = metaFrom(pk.planId ? meta.get(`${pk.planId}:${id}`) : undefined);
      const annual = annualValue(m, [1, 2, 3, 4].map((p) => cellOf.get(`${id}:${p}`)));
      const value = cellCapaian(m, readTarget(item.targetText, m), annual, settings).value;
      bySasaran.set(item.nodeId, [...(bySasaran.get(item.nodeId) ?? []), value]);
    }
    const mean = sasaranCapaian([...bySasaran.values()].flat());
    if (mean !== null) out.set(pdId, mean);
  }
  return out;
}

/** Budget absorption of each PD for the year: realisasi keuangan over pagu (perubahan where set). */
export async function penyerapanFigure(db: Db, tenantId: string, year: number): Promise<Map<string, number>> {
  const lines = await db.select().from(budgetLines).where(and(eq(budgetLines.tenantId, tenantId), eq(budgetLines.year, year))).all();
  const byPd = new Map<string, { pagu: number; realisasi: number }>();
  for (const l of lines) {
    const s = byPd.get(l.pdId) ?? { pagu: 0, realisasi: 0 };
    s.pagu += paguOf(l);
    s.realisasi += realisasiOf(l);
    byPd.set(l.pdId, s);
  }
  const out = new Map<string, number>();
  for (const [pdId, s] of byPd) {
    const p = penyerapan(s).percent;
    if (p !== null) out.set(pdId, p);
  }
  return out;
}
