// Pure helpers behind the pohon kinerja, the cascading matrix and the IKU table.
import { LEVEL_OWNER, NODE_LEVEL_LABELS, PERIOD_LABELS } from "$shared/schemas/planning";
import type { Indicator, PlanNode, RpjmdNode } from "../types";

export type TreeItem = {
  id: string;
  /** "rpjmd": context from another plan (the RPJMD above a Renstra, the Renstra below an RPJMD), read-only here. */
  source: "root" | "rpjmd" | "plan";
  label: string;
  name: string;
  node?: PlanNode;
  children: TreeItem[];
};

/**
 * One tree from the plan's flat nodes. A Renstra's roots hang under the RPJMD nodes they
 * support, with those nodes' RPJMD ancestors above them, so the tree reads from visi down.
 */
export function buildTree(planName: string, nodes: PlanNode[], rpjmd: RpjmdNode[], followers: { pdName: string; nodes: PlanNode[] }[] = []): TreeItem {
  const root: TreeItem = { id: "root", source: "root", label: "", name: planName, children: [] };
  const items = new Map<string, TreeItem>();
  for (const n of nodes) items.set(n.id, { id: n.id, source: "plan", label: NODE_LEVEL_LABELS[n.level] + (n.code ? ` ${n.code}` : ""), name: n.name, node: n, children: [] });
  const context = new Map(rpjmd.map((r) => [r.id, r]));
  const contextItems = new Map<string, TreeItem>();
  /** The RPJMD node as a tree item, created with its ancestors on first use. */
  const contextItem = (id: string): TreeItem | undefined => {
    const r = context.get(id);
    if (!r) return undefined;
    let item = contextItems.get(id);
    if (!item) {
      item = { id: `rpjmd:${id}`, source: "rpjmd", label: `RPJMD · ${NODE_LEVEL_LABELS[r.level]}${r.code ? ` ${r.code}` : ""}`, name: r.name, children: [] };
      contextItems.set(id, item);
      ((r.parentId && contextItem(r.parentId)) || root).children.push(item);
    }
    return item;
  };
  for (const n of nodes) {
    const item = items.get(n.id)!;
    const parent = (n.parentId && items.get(n.parentId)) || (!n.parentId && n.supports.map(contextItem).find(Boolean)) || root;
    parent.children.push(item);
  }
  // The pemda-wide view: each PD's Renstra under the RPJMD nodes it supports (read-only here).
  for (const f of followers) {
    const own = new Map<string, TreeItem>(f.nodes.map((n) => [n.id, { id: `${f.pdName}:${n.id}`, source: "rpjmd", label: `${f.pdName} · ${NODE_LEVEL_LABELS[n.level]}${n.code ? ` ${n.code}` : ""}`, name: n.name, children: [] }]));
    for (const n of f.nodes) {
      const parent = (n.parentId && own.get(n.parentId)) || (!n.parentId && n.supports.map((id) => items.get(id)).find(Boolean)) || root;
      parent.children.push(own.get(n.id)!);
    }
  }
  return root;
}

export function* walk(item: TreeItem, depth = 0): Generator<[TreeItem, number]> {
  yield [item, depth];
  for (const c of item.children) yield* walk(c, depth + 1);
}

/** The target of a year (period 0 = annual) as written, or "". */
export function targetText(ind: Indicator, year: number, period = 0): string {
  return ind.targets.find((t) => t.year === year && t.period === period)?.value ?? "";
}

export function withSatuan(ind: Indicator, value: string): string {
  if (!value) return "";
  return ind.satuan === "%" ? `${value} %` : `${value} ${ind.satuan}`;
}

export const formulaText = (ind: Indicator) =>
  [ind.formulaNumerator && ind.formulaDenominator ? `${ind.formulaNumerator} / ${ind.formulaDenominator} × 100%` : "", ind.formulaNote ?? ""].filter(Boolean).join("; ");

export const scheduleText = (tws: number[]) => tws.map((tw) => PERIOD_LABELS[tw]).join(", ");

/** Cascading matrix (seed 000): one row per indicator of each node, in tree order. */
export function cascadingRows(tree: TreeItem, year: number) {
  const rows: { depth: number; level: string; code: string; name: string; indikator: string; target: string; owner: string; schedule: string }[] = [];
  const top = Math.min(...[...walk(tree)].filter(([i]) => i.node).map(([, d]) => d));
  for (const [item, d] of walk(tree)) {
    const n = item.node;
    if (!n) continue;
    const depth = d - top;
    const owner = n.ownerName ?? (LEVEL_OWNER[n.level] ? `(${LEVEL_OWNER[n.level]})` : "");
    const base = { depth, level: NODE_LEVEL_LABELS[n.level], code: n.code ?? "", name: n.name, owner, schedule: scheduleText(n.schedule) };
    if (n.indicators.length === 0) rows.push({ ...base, indikator: "", target: "" });
    // Later indicators of the same node leave its cells empty, as the seed tables do.
    n.indicators.forEach((ind, i) => rows.push({ ...base, ...(i > 0 ? { level: "", code: "", name: "", owner: "", schedule: "" } : {}), indikator: ind.name, target: withSatuan(ind, targetText(ind, year)) }));
  }
  return rows;
}

/** IKU document (seed 003): kinerja utama, indikator, formulasi, penanggung jawab, sumber data. */
export function ikuRows(tree: TreeItem, year: number) {
  const rows: { kinerja: string; indikator: string; satuan: string; formulasi: string; pj: string; sumber: string; target: string }[] = [];
  for (const [item] of walk(tree)) {
    for (const ind of item.node?.indicators ?? []) {
      if (!ind.isIku) continue;
      rows.push({ kinerja: item.name, indikator: ind.name, satuan: ind.satuan, formulasi: formulaText(ind), pj: ind.penanggungJawab ?? "", sumber: ind.sumberData ?? "", target: withSatuan(ind, targetText(ind, year)) });
    }
  }
  return rows;
}
