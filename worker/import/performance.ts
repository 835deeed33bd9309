// Import kind of the Performance module (spec in shared/import/performance.ts): budget lines upserted by
// PD, year, Renstra node (matched by code) and jenis belanja. A re-import of the same sheet changes nothing.
import { and, eq } from "drizzle-orm";
import { budgetLines, perangkatDaerah, realisasi, twReports } from "../db/schema";
import { budgetSpec, realisasiSpec, type BudgetImportRow, type ImportIssue, type RealisasiImportRow } from "../../shared/import";
import { parseRealisasi } from "../../shared/schemas/performance";
import { canActForPd } from "../middleware/tenant";
import { kinerja, renstraFor } from "../data/performance";
import { planContent, type PlanContent } from "../data/planning";
import type { ImportKind, PlannedRow } from "./index";
import { budgetImportBase, budgetLineKey, exportableBudgetLines, importedMoney, moneyCells, nextBudgetLine } from "./budget-lines";

export const budgetImport: ImportKind<BudgetImportRow> = {
  spec: budgetSpec,
  roles: ["tenant_admin", "agency_admin"],

  async plan(ctx, rows) {
    const { db, tenantId, grants, now } = ctx;
    const { pdByCode, existing } = await budgetImportBase(db, tenantId);
    const contents = new Map<string, PlanContent | null>();
    const renstraOf = async (pdId: string, year: number) => {
      const k = `${pdId}|${year}`;
      if (!contents.has(k)) {
        const plan = await renstraFor(db, tenantId, pdId, year);
        contents.set(k, plan ? await planContent(db, tenantId, plan.id, null) : null);
      }
      return contents.get(k)!;
    };
    const issues: ImportIssue[] = [];
    const planned: PlannedRow[] = [];
    const seen = new Map<string, number>();
    for (const { line, value: r } of rows) {
      const err = (column: string | null, message: string) => issues.push({ row: line, column, severity: "error", message });
      const pdId = pdByCode.get(r.kode_pd);
      if (!pdId) { err("Kode PD", `Perangkat daerah ${r.kode_pd} belum terdaftar`); continue; }
      if (!canActForPd(grants, ["tenant_admin", "agency_admin"], pdId)) { err("Kode PD", "Anda tidak mengelola anggaran perangkat daerah ini"); continue; }
      const content = await renstraOf(pdId, r.tahun);
      const node = content && [...content.nodes.values()].find((n) => n.code === r.kode && ["program", "kegiatan", "sub_kegiatan"].includes(n.level));
      if (!node) { err("Kode Rekening", `Kode ${r.kode} tidak ada sebagai program/kegiatan/sub kegiatan di Renstra ${r.tahun} PD ini`); continue; }
      const key = budgetLineKey(pdId, r.tahun, node.nodeId, r.jenis);
      if (seen.has(key)) { err("Kode Rekening", `Sudah ada di baris ${seen.get(key)} dengan jenis belanja yang sama`); continue; }
      seen.set(key, line);
      let up: typeof node | undefined = node;
      while (up && up.level !== "sasaran") up = up.parentId ? content!.nodes.get(up.parentId) : undefined;
      const before = existing.get(key);
      const money = importedMoney(r, before);
      if (!money) {
        planned.push({ line, action: "unchanged", writes: [] });
        continue;
      }
      const identity = { tenantId, pdId, year: r.tahun, nodeId: node.nodeId, level: node.level, code: node.code, name: node.name, sasaranId: up?.nodeId ?? null, jenis: r.jenis };
      const values = nextBudgetLine(before, identity, money, now);
      planned.push({ line, action: before ? "update" : "create", writes: [{ table: budgetLines, values }] });
    }
    return { issues, rows: planned };
  },

  async exportRows(ctx) {
    const { lines, pdCode } = await exportableBudgetLines(ctx.db, ctx.tenantId, ctx.grants);
    return lines
      .sort((a, b) => a.year - b.year || pdCode(a).localeCompare(pdCode(b)) || (a.code ?? "").localeCompare(b.code ?? ""))
      .map((l) => [String(l.year), pdCode(l), l.code ?? "", l.name, l.jenis === "modal" ? "Belanja Modal" : "Belanja Operasi", ...moneyCells(l)]);
  },
};

const normalise = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

/**
 * Realisasi cells for the indicators of the PK in force (matched by name), one row per indicator and
 * triwulan. Values are read by the parser the grid uses; triwulan whose report is submitted or accepted are refused.
 */
export const realisasiImport: ImportKind<RealisasiImportRow> = {
  spec: realisasiSpec,
  roles: ["tenant_admin", "agency_admin"],

  async plan(ctx, rows) {
    const { db, tenantId, grants, now } = ctx;
    const [pds, reports] = await db.batch([
      db.select({ id: perangkatDaerah.id, code: perangkatDaerah.code }).from(perangkatDaerah).where(eq(perangkatDaerah.tenantId, tenantId)),
      db.select().from(twReports).where(eq(twReports.tenantId, tenantId)),
    ]);
    const pdByCode = new Map(pds.map((p) => [p.code, p.id]));
    const grids = new Map<string, Awaited<ReturnType<typeof kinerja>>>();
    const issues: ImportIssue[] = [];
    const planned: PlannedRow[] = [];
    const seen = new Map<string, number>();
    for (const { line, value: r } of rows) {
      const err = (column: string | null, message: string) => issues.push({ row: line, column, severity: "error", message });
      const pdId = pdByCode.get(r.kode_pd);
      if (!pdId) { err("Kode PD", `Perangkat daerah ${r.kode_pd} belum terdaftar`); continue; }
      if (!canActForPd(grants, ["tenant_admin", "agency_admin"], pdId)) { err("Kode PD", "Anda tidak mengelola realisasi perangkat daerah ini"); continue; }
      const report = reports.find((x) => x.pdId === pdId && x.year === r.tahun && x.period === r.triwulan);
      if (report && report.status !== "returned") { err("Triwulan", report.status === "accepted" ? "Laporan triwulan ini sudah diterima dan terkunci" : "Laporan triwulan ini sedang dinilai evaluator"); continue; }
      const gk = `${pdId}|${r.tahun}`;
      if (!grids.has(gk)) grids.set(gk, await kinerja(db, tenantId, pdId, r.tahun));
      const ind = grids.get(gk)!.sasaran.flatMap((s) => s.indicators).find((i) => normalise(i.name) === normalise(r.indikator));
      if (!ind) { err("Indikator", `Indikator "${r.indikator}" tidak ada di PK ${r.tahun} perangkat daerah ini`); continue; }
      const key = `${ind.indicatorId}|${r.tahun}|${r.triwulan}`;
      if (seen.has(key)) { err("Indikator", `Sudah ada di baris ${seen.get(key)} untuk triwulan yang sama`); continue; }
      seen.set(key, line);
      const status = r.realisasi ? (r.status ?? "final") : "pending";
      const parsed = r.realisasi ? parseRealisasi(r.realisasi, { kind: ind.kind, scale: ind.scale }) : { ok: true as const, valueNum: null, category: null };
      if (!parsed.ok) { err("Realisasi", parsed.message); continue; }
      const before = await db.select().from(realisasi).where(and(eq(realisasi.tenantId, tenantId), eq(realisasi.indicatorId, ind.indicatorId), eq(realisasi.year, r.tahun), eq(realisasi.period, r.triwulan))).get();
      const values = { status, valueText: r.realisasi ?? null, valueNum: parsed.valueNum, category: parsed.category, explanation: r.penjelasan ?? before?.explanation ?? null };
      if (before && before.status === values.status && before.valueText === values.valueText && before.explanation === values.explanation) {
        planned.push({ line, action: "unchanged", writes: [] });
        continue;
      }
      planned.push({
        line,
        action: before ? "update" : "create",
        writes: [{
          table: realisasi,
          values: {
            id: before?.id ?? crypto.randomUUID(), tenantId, pdId, indicatorId: ind.indicatorId, year: r.tahun, period: r.triwulan, ...values,
            capaianManual: before?.capaianManual ?? null, evidenceUrl: before?.evidenceUrl ?? null, version: (before?.version ?? 0) + 1, updatedBy: null, updatedAt: now,
          },
        }],
      });
    }
    return { issues, rows: planned };
  },

  async exportRows(ctx) {
    const { db, tenantId, grants } = ctx;
    const pds = await db.select().from(perangkatDaerah).where(eq(perangkatDaerah.tenantId, tenantId)).all();
    const cells = await db.select().from(realisasi).where(eq(realisasi.tenantId, tenantId)).all();
    const out: string[][] = [];
    const TW = ["", "TW I", "TW II", "TW III", "TW IV"];
    const LABEL = { final: "Final", provisional: "Sementara", pending: "Proses penilaian" } as const;
    for (const pd of pds.filter((p) => canActForPd(grants, ["tenant_admin", "agency_admin"], p.id))) {
      for (const year of [...new Set(cells.filter((c) => c.pdId === pd.id).map((c) => c.year))].sort()) {
        const k = await kinerja(db, tenantId, pd.id, year);
        for (const ind of k.sasaran.flatMap((s) => s.indicators)) {
          for (const c of ind.cells) if (c.status) out.push([String(year), pd.code, TW[c.period]!, ind.name, c.value ?? "", LABEL[c.status], c.explanation ?? ""]);
        }
      }
    }
    return out;
  },
};
