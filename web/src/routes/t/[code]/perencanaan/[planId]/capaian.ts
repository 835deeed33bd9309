import { formatPercent } from "$shared/format/number";

/** GET /tenants/{code}/plans/{planId}/capaian */
export type NodeCapaian = {
  nodeId: string;
  capaian: number | null;
  predikat: string | null;
  outlier: boolean;
  indicators: { indicatorId: string; name: string; capaian: number | null; flags: string[] }[];
};
export type PlanCapaian = { year: number; years: number[]; bands: { label: string; min: number }[]; nodes: NodeCapaian[] };

/** Colours by band position, best (green) to worst (red), whatever number of bands the tenant set. */
export function bandColors(bands: PlanCapaian["bands"]) {
  const n = bands.length;
  return bands.map((b, i) => {
    const hue = n === 1 ? 130 : Math.round(130 - (130 * i) / (n - 1));
    return { label: b.label, min: b.min, fill: `hsl(${hue}, 65%, 90%)`, stroke: `hsl(${hue}, 60%, 36%)` };
  });
}
export type BandColor = ReturnType<typeof bandColors>[number];

export const capaianText = (c: NodeCapaian) => (c.capaian === null ? "—" : formatPercent(c.capaian));
