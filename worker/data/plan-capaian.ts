import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { indicators, realisasi } from "../db/schema";
import { planContent, today, type Plan } from "./planning";
import { annualValue, cellCapaian } from "./performance";
import { predikatCapaian, sasaranCapaian } from "../../shared/formulas/capaian";
import { parseRealisasi } from "../../shared/schemas/performance";
import { parseScale } from "../../shared/schemas/planning";
import type { TenantSettings } from "../../shared/schemas/tenant";

// Capaian of a plan's nodes for one year, for colouring the pohon kinerja: per indicator the
// year's realisasi (following its aggregation) against the plan's yearly target, through the
// same shared formulas as the realisasi grid; per node the mean of its indicators' capaian.
// Set-based: the plan's content (one batch), the years with realisasi and the year's cells.

type RealisasiRow = typeof realisasi.$inferSelect;

const OUTLIER_MAX = 150;
const yearEnd = (year: number) => `${year}-12-31`;

/** Years in which any indicator of the plan has realisasi, latest first. */
export async function planRealisasiYears(db: Db, tenantId: string, planId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: realisasi.year })
    .from(realisasi)
    .innerJoin(indicators, and(eq(indicators.id, realisasi.indicatorId), eq(indicators.tenantId, tenantId)))
    .where(and(eq(realisasi.tenantId, tenantId), eq(indicators.planId, planId)))
    .orderBy(desc(realisasi.year))
    .all();
  return rows.map((r) => r.year);
}

export async function planCapaian(db: Db, tenantId: string, plan: Plan, settings: TenantSettings, requestedYear?: number) {
  const years = await planRealisasiYears(db, tenantId, plan.id);
  const year = requestedYear ?? years[0] ?? Number(today().slice(0, 4));
  const [content, cells] = await Promise.all([
    planContent(db, tenantId, plan.id, yearEnd(year)),
    db
      .select({ r: realisasi })
      .from(realisasi)
      .innerJoin(indicators, and(eq(indicators.id, realisasi.indicatorId), eq(indicators.tenantId, tenantId)))
      .where(and(eq(realisasi.tenantId, tenantId), eq(indicators.planId, plan.id), eq(realisasi.year, year), sql`${realisasi.period} between 1 and 4`))
      .all(),
  ]);
  const byIndicator = new Map<string, (RealisasiRow | undefined)[]>();
  for (const { r } of cells) {
    const list = byIndicator.get(r.indicatorId) ?? [undefined, undefined, undefined, undefined];
    list[r.period - 1] = r;
    byIndicator.set(r.indicatorId, list);
  }

  const perNode = new Map<string, { indicatorId: string; name: string; capaian: number | null; flags: string[] }[]>();
  for (const ind of content.indicators.values()) {
    const periods = byIndicator.get(ind.indicatorId);
    if (!periods) continue;
    const meta = { kind: ind.kind, polarity: ind.polarity, negativeMethod: ind.negativeMethod, scale: parseScale(ind.scale ? (JSON.parse(ind.scale) as string[]) : []), aggregation: ind.aggregation };
    const t = content.targets.get(`${ind.indicatorId}:${year}:0`);
    const parsed = t ? parseRealisasi(t.valueText, meta) : null;
    const target = t && parsed ? { text: t.valueText, num: parsed.ok ? parsed.valueNum : null, category: parsed.ok ? parsed.category : null } : null;
    const result = cellCapaian(meta, target, annualValue(meta, periods), settings);
    const list = perNode.get(ind.nodeId) ?? [];
    list.push({ indicatorId: ind.indicatorId, name: ind.name, capaian: result.value, flags: [...result.flags] });
    perNode.set(ind.nodeId, list);
  }

  const nodes = [...perNode.entries()]
    .filter(([nodeId]) => content.nodes.has(nodeId))
    .map(([nodeId, inds]) => {
      const value = sasaranCapaian(inds.map((i) => i.capaian));
      return {
        nodeId,
        capaian: value,
        predikat: value !== null ? predikatCapaian(value, settings.capaianBands) : null,
        outlier: value !== null && (value > OUTLIER_MAX || value < 0),
        indicators: inds,
      };
    });
  return { year, years, bands: settings.capaianBands, nodes };
}
