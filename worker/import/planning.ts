// Import kind of the Planning module (spec in shared/import/planning.ts): a draft Renstra's tree, indicators
// and yearly targets. Rows are matched to what exists by level + kode (or uraian when there is no kode), and an
// indicator by its name under the node, so re-importing the same file changes nothing. An approved Renstra is
// refused: its changes are dated revisions with a reason, made in the app. Blank target cells leave targets as
// they are.
import { and, eq } from "drizzle-orm";
import { indicatorTargets, indicatorVersions, indicators, perangkatDaerah, planNodeVersions, planNodes, plans } from "../db/schema";
import { RENSTRA_LEVELS, renstraSpec, TARGET_YEARS, type ImportIssue, type RenstraRow } from "../../shared/import";
import { NODE_LEVEL_LABELS, PLAN_LEVELS, parseTarget, type NodeLevel } from "../../shared/schemas/planning";
import { planContent, planStart, treeOut, type Plan as PlanRow, type PlanContent } from "../data/planning";
import { canActForPd } from "../middleware/tenant";
import type { ImportKind, PlannedRow, Upsert } from "./index";

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").replace(/[.;,]+$/, "").trim();
const codeKey = (level: string, code: string) => `${level}|c:${code}`;
const nameKey = (level: string, name: string) => `${level}|n:${norm(name)}`;

/** What one Renstra holds and what this file adds to it, keyed for matching rows. */
type PlanState = {
  plan: PlanRow;
  content: PlanContent;
  nodes: Map<string, { id: string; level: NodeLevel; line?: number }>;
  indicatorIds: Map<string, string>;
};

export const renstraImport: ImportKind<RenstraRow> = {
  spec: renstraSpec,
  roles: ["tenant_admin", "agency_admin"],

  async plan(ctx, rows) {
    const { db, tenantId, grants, now } = ctx;
    const [pds, renstras] = await db.batch([
      db.select({ id: perangkatDaerah.id, code: perangkatDaerah.code }).from(perangkatDaerah).where(eq(perangkatDaerah.tenantId, tenantId)),
      db.select().from(plans).where(and(eq(plans.tenantId, tenantId), eq(plans.kind, "renstra"))),
    ]);
    const pdByCode = new Map(pds.map((p) => [p.code, p.id]));
    const states = new Map<string, PlanState>();
    async function stateOf(plan: PlanRow) {
      let s = states.get(plan.id);
      if (!s) {
        const content = await planContent(db, tenantId, plan.id, null);
        s = { plan, content, nodes: new Map(), indicatorIds: new Map() };
        for (const n of content.nodes.values()) {
          s.nodes.set(nameKey(n.level, n.name), { id: n.nodeId, level: n.level });
          if (n.code) s.nodes.set(codeKey(n.level, n.code), { id: n.nodeId, level: n.level });
        }
        for (const i of content.indicators.values()) s.indicatorIds.set(`${i.nodeId}|${norm(i.name)}`, i.indicatorId);
        states.set(plan.id, s);
      }
      return s;
    }

    const issues: ImportIssue[] = [];
    const planned: PlannedRow[] = [];
    for (const { line, value: r } of rows) {
      const err = (column: string | null, message: string) => issues.push({ row: line, column, severity: "error", message });
      const pdId = pdByCode.get(r.kode_pd);
      if (!pdId) {
        err("Kode PD", `Perangkat daerah "${r.kode_pd}" belum terdaftar`);
        continue;
      }
      if (!canActForPd(grants, ["tenant_admin", "agency_admin"], pdId)) {
        err("Kode PD", "Anda hanya dapat mengimpor Renstra perangkat daerah yang Anda kelola");
        continue;
      }
      const plan = renstras.find((p) => p.pdId === pdId && p.yearFrom === r.tahun_awal);
      if (!plan) {
        err("Tahun Awal", `Renstra ${r.kode_pd} mulai ${r.tahun_awal} belum dibuat; buat dulu di menu Perencanaan`);
        continue;
      }
      const s = await stateOf(plan);
      const base = { tenantId, planId: plan.id, version: 1, effectiveDate: planStart(plan), reason: null, removed: false, createdBy: null };
      const writes: Upsert[] = [];
      let action: PlannedRow["action"] = "unchanged";

      // The parent: one level up, written in an earlier row or already in the Renstra.
      let parentId: string | null = null;
      if (r.induk) {
        const levels = (PLAN_LEVELS.renstra[r.tingkat] ?? []).filter((l): l is NodeLevel => l !== null);
        const parent = levels.map((l) => s.nodes.get(codeKey(l, r.induk!)) ?? s.nodes.get(nameKey(l, r.induk!))).find(Boolean);
        if (!parent) {
          err("Induk", `Induk "${r.induk}" tidak ditemukan di baris sebelumnya atau di Renstra; induk ${NODE_LEVEL_LABELS[r.tingkat]} harus ${levels.map((l) => NODE_LEVEL_LABELS[l]).join(" atau ")}`);
          continue;
        }
        parentId = parent.id;
      }

      const key = r.kode ? codeKey(r.tingkat, r.kode) : nameKey(r.tingkat, r.uraian);
      let node = s.nodes.get(key);
      if (!node) {
        node = { id: crypto.randomUUID(), level: r.tingkat, line };
        writes.push({ table: planNodes, values: { id: node.id, tenantId, planId: plan.id, pdId, level: r.tingkat, createdAt: now } });
        writes.push({
          table: planNodeVersions,
          values: { ...base, id: crypto.randomUUID(), nodeId: node.id, parentId, supports: "[]", code: r.kode ?? null, name: r.uraian, ownerJabatanId: null, schedule: 0, budget: null, position: s.content.nodes.size + line, createdAt: now },
        });
        action = "create";
      } else if (node.line === undefined) {
        // An existing node: rewrite its draft version only when the row says something new.
        const { level: _l, ownerName: _n, ownerEselon: _e, ...old } = s.content.nodes.get(node.id)!;
        if (old.name !== r.uraian || old.parentId !== parentId || (r.kode ?? null) !== old.code) {
          writes.push({ table: planNodeVersions, values: { ...old, name: r.uraian, parentId, code: r.kode ?? null } });
          action = "update";
        }
        node.line = line;
      }
      s.nodes.set(key, node);
      s.nodes.set(nameKey(r.tingkat, r.uraian), node);
      if (r.kode) s.nodes.set(codeKey(r.tingkat, r.kode), node);

      if (r.indikator) {
        const indKey = `${node.id}|${norm(r.indikator)}`;
        let indicatorId = s.indicatorIds.get(indKey);
        const old = indicatorId ? s.content.indicators.get(indicatorId) : undefined;
        const fields = {
          name: r.indikator,
          satuan: r.satuan!,
          polarity: r.polaritas!,
          isIku: r.iku,
          formulaNumerator: r.formulasi_pembilang ?? null,
          formulaDenominator: r.formulasi_penyebut ?? null,
          sumberData: r.sumber_data ?? null,
          penanggungJawab: r.penanggung_jawab ?? null,
        };
        if (!indicatorId) {
          indicatorId = crypto.randomUUID();
          s.indicatorIds.set(indKey, indicatorId);
          writes.push({ table: indicators, values: { id: indicatorId, tenantId, planId: plan.id, nodeId: node.id, createdAt: now } });
          writes.push({
            table: indicatorVersions,
            values: { ...base, ...fields, id: crypto.randomUUID(), indicatorId, negativeMethod: "2T-R", kind: "numeric", scale: null, formulaNote: null, aggregation: "cumulative", position: line, createdAt: now },
          });
          if (action === "unchanged") action = "update";
        } else if (old && (Object.keys(fields) as (keyof typeof fields)[]).some((k) => old[k] !== fields[k])) {
          const { nodeId: _n, ...row } = old;
          writes.push({ table: indicatorVersions, values: { ...row, ...fields } });
          if (action === "unchanged") action = "update";
        }
        const scale = old?.scale ? (JSON.parse(old.scale) as string[]) : [];
        for (let i = 0; i < TARGET_YEARS; i++) {
          const value = r[`target_${i + 1}` as const];
          if (!value) continue;
          const column = `Target Tahun ${i + 1}`;
          const year = plan.yearFrom + i;
          if (year > plan.yearTo) {
            err(column, `Tahun ke-${i + 1} (${year}) di luar periode ${plan.yearFrom}–${plan.yearTo}`);
            continue;
          }
          const parsed = parseTarget(value, { kind: old?.kind ?? "numeric", scale });
          if (!parsed.ok) {
            err(column, parsed.message);
            continue;
          }
          const before = s.content.targets.get(`${indicatorId}:${year}:0`);
          if (before?.valueText === value) continue;
          const { ok: _ok, ...read } = parsed;
          writes.push({
            table: indicatorTargets,
            values: { ...base, ...(before ?? {}), ...read, id: before?.id ?? crypto.randomUUID(), indicatorId, year, period: 0, valueText: value, cumulative: false, createdAt: before?.createdAt ?? now },
          });
          if (action === "unchanged") action = "update";
        }
      }
      // An approved Renstra is locked: re-importing its own export is fine (every row unchanged),
      // but a row that would change it is refused.
      if (plan.status === "approved" && writes.length) {
        err("Tahun Awal", "Renstra ini sudah disetujui; ubah lewat revisi bertanggal di aplikasi");
        continue;
      }
      planned.push({ line, action, writes });
    }
    return issues.some((i) => i.severity === "error") ? { issues, rows: [] } : { issues, rows: planned };
  },

  async exportRows(ctx) {
    const { db, tenantId, grants } = ctx;
    const [pds, renstras] = await db.batch([
      db.select({ id: perangkatDaerah.id, code: perangkatDaerah.code }).from(perangkatDaerah).where(eq(perangkatDaerah.tenantId, tenantId)),
      db.select().from(plans).where(and(eq(plans.tenantId, tenantId), eq(plans.kind, "renstra"))).orderBy(plans.yearFrom),
    ]);
    const pdCode = new Map(pds.map((p) => [p.id, p.code]));
    const out: string[][] = [];
    for (const plan of renstras) {
      if (!canActForPd(grants, ["tenant_admin", "agency_admin"], plan.pdId!)) continue;
      const nodes = treeOut(await planContent(db, tenantId, plan.id, null));
      const byId = new Map(nodes.map((n) => [n.id, n]));
      const children = new Map<string | null, typeof nodes>();
      for (const n of nodes) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
      const visit = (n: (typeof nodes)[number]) => {
        const parent = n.parentId ? byId.get(n.parentId) : undefined;
        const common = [pdCode.get(plan.pdId!) ?? "", String(plan.yearFrom), NODE_LEVEL_LABELS[n.level], n.code ?? "", n.name, parent ? (parent.code ?? parent.name) : ""];
        if (!n.indicators.length) out.push([...common, ...Array<string>(8 + TARGET_YEARS).fill("")]);
        for (const i of n.indicators) {
          const targets = Array.from({ length: TARGET_YEARS }, (_, k) => i.targets.find((t) => t.year === plan.yearFrom + k && t.period === 0)?.value ?? "");
          out.push([...common, i.name, i.satuan, i.polarity === "positive" ? "Positif" : "Negatif", i.isIku ? "Ya" : "Tidak", i.formulaNumerator ?? "", i.formulaDenominator ?? "", i.sumberData ?? "", i.penanggungJawab ?? "", ...targets]);
        }
        for (const c of children.get(n.id) ?? []) visit(c);
      };
      for (const root of children.get(null) ?? []) if ((RENSTRA_LEVELS as readonly string[]).includes(root.level)) visit(root);
    }
    return out;
  },
};
