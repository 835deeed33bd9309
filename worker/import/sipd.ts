// Import kind of issue 12 (spec in shared/import/sipd.ts): a SIPD export onto the Renstra in force for the year.
// Program/kegiatan/sub kegiatan are matched by level + SIPD code; missing ones are added to a draft Renstra under
// the parent read from the code (a program under the sasaran named in its row). The rows without detail rows below
// them in the file carry the money: one budget line per node, year and jenis belanja, upserted like the `anggaran`
// kind. Rows that have detail rows are subtotals: their pagu is only compared with the sum of the details.
import { budgetLines, planNodeVersions, planNodes, type plans } from "../db/schema";
import { sipdLevel, sipdParentCode, sipdSpec, type ImportIssue, type SipdLevel, type SipdRow } from "../../shared/import";
import { NODE_LEVEL_LABELS } from "../../shared/schemas/planning";
import { formatRupiah } from "../../shared/format/number";
import { canActForPd } from "../middleware/tenant";
import { renstraFor } from "../data/performance";
import { planContent, planStart } from "../data/planning";
import type { ImportKind, PlannedRow, Upsert } from "./index";
import { budgetImportBase, budgetLineKey, exportableBudgetLines, importedMoney, moneyCells, nextBudgetLine } from "./budget-lines";

type PlanRow = typeof plans.$inferSelect;
const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").replace(/[.;,]+$/, "").trim();

/** A Renstra's nodes as this import sees them: keyed by level + code (and sasaran by name), with parents. */
type RenstraState = {
  plan: PlanRow;
  byKey: Map<string, { id: string; name: string; level: string; parentId: string | null }>;
  byId: Map<string, { level: string; parentId: string | null }>;
  size: number;
};
const key = (level: string, code: string) => `${level}|${code}`;

export const sipdImport: ImportKind<SipdRow> = {
  spec: sipdSpec,
  roles: ["tenant_admin", "agency_admin"],

  async plan(ctx, rows) {
    const { db, tenantId, grants, now } = ctx;
    const { pdByCode, existing } = await budgetImportBase(db, tenantId);
    const states = new Map<string, RenstraState | null>();
    async function renstraOf(pdId: string, year: number) {
      const plan = await renstraFor(db, tenantId, pdId, year);
      if (!plan) return null;
      if (!states.has(plan.id)) {
        const content = await planContent(db, tenantId, plan.id, null);
        const s: RenstraState = { plan, byKey: new Map(), byId: new Map(), size: content.nodes.size };
        for (const n of content.nodes.values()) {
          s.byId.set(n.nodeId, { level: n.level, parentId: n.parentId });
          const entry = { id: n.nodeId, name: n.name, level: n.level, parentId: n.parentId };
          if (n.code) s.byKey.set(key(n.level, n.code), entry);
          if (n.level === "sasaran") s.byKey.set(key("sasaran", `n:${norm(n.name)}`), entry);
        }
        states.set(plan.id, s);
      }
      return states.get(plan.id)!;
    }

    // Rows with detail rows below them (same PD and year) are subtotals.
    const scope = (r: SipdRow) => `${r.kode_pd}|${r.tahun}`;
    const codes = new Map<string, SipdRow[]>();
    for (const { value: r } of rows) codes.set(scope(r), [...(codes.get(scope(r)) ?? []), r]);
    const details = (r: SipdRow) => codes.get(scope(r))!.filter((o) => o.kode.startsWith(`${r.kode}.`));

    const issues: ImportIssue[] = [];
    const planned: PlannedRow[] = [];
    const seen = new Map<string, number>();
    for (const { line, value: r } of rows) {
      const err = (column: string | null, message: string) => issues.push({ row: line, column, severity: "error", message });
      const warn = (column: string | null, message: string) => issues.push({ row: line, column, severity: "warning", message });
      const pdId = pdByCode.get(r.kode_pd);
      if (!pdId) { err("Kode SKPD", `Perangkat daerah ${r.kode_pd} belum terdaftar`); continue; }
      if (!canActForPd(grants, ["tenant_admin", "agency_admin"], pdId)) { err("Kode SKPD", "Anda tidak mengelola anggaran perangkat daerah ini"); continue; }
      const s = await renstraOf(pdId, r.tahun);
      if (!s) { err("Tahun", `Belum ada Renstra ${r.kode_pd} yang mencakup tahun ${r.tahun}; buat dulu di menu Perencanaan`); continue; }
      const level: SipdLevel = sipdLevel(r.kode)!;
      const writes: Upsert[] = [];
      let action: PlannedRow["action"] = "unchanged";

      let node = s.byKey.get(key(level, r.kode));
      if (!node) {
        if (s.plan.status === "approved") { err("Kode", `${NODE_LEVEL_LABELS[level]} ${r.kode} belum ada di Renstra yang sudah disetujui; tambahkan lewat revisi di menu Perencanaan`); continue; }
        const parentCode = sipdParentCode(r.kode);
        const parent = parentCode
          ? s.byKey.get(key(level === "kegiatan" ? "program" : "kegiatan", parentCode))
          : r.sasaran ? (s.byKey.get(key("sasaran", r.sasaran)) ?? s.byKey.get(key("sasaran", `n:${norm(r.sasaran)}`))) : undefined;
        if (!parent) {
          if (parentCode) err("Kode", `Induk ${parentCode} tidak ada di baris sebelumnya atau di Renstra`);
          else err("Sasaran", r.sasaran ? `Sasaran "${r.sasaran}" tidak ada di Renstra` : "Program baru: tulis kode atau uraian sasaran Renstra yang didukungnya");
          continue;
        }
        node = { id: crypto.randomUUID(), name: r.nama, level, parentId: parent.id };
        s.byKey.set(key(level, r.kode), node);
        s.byId.set(node.id, { level, parentId: parent.id });
        writes.push({ table: planNodes, values: { id: node.id, tenantId, planId: s.plan.id, pdId, level, createdAt: now } });
        writes.push({
          table: planNodeVersions,
          values: {
            id: crypto.randomUUID(), tenantId, planId: s.plan.id, nodeId: node.id, version: 1, effectiveDate: planStart(s.plan), reason: null, removed: false, createdBy: null,
            parentId: parent.id, supports: "[]", code: r.kode, name: r.nama, ownerJabatanId: null, schedule: 0, budget: null, position: ++s.size, createdAt: now,
          },
        });
        action = "create";
      } else if (norm(node.name) !== norm(r.nama)) {
        warn("Nama", `Nama di Renstra "${node.name}" dipertahankan; ubah di menu Perencanaan bila perlu`);
      }

      const below = details(r);
      if (below.length) {
        // A subtotal: the money is on its details.
        const leaves = below.filter((d) => details(d).length === 0);
        const sum = leaves.reduce((a, d) => a + (d.pagu_murni ?? 0), 0);
        if (r.pagu_murni !== undefined && r.pagu_murni !== sum) warn("Pagu Murni", `Pagu ${formatRupiah(r.pagu_murni)} berbeda dengan jumlah rinciannya ${formatRupiah(sum)}`);
        planned.push({ line, action, writes });
        continue;
      }
      if (r.pagu_murni === undefined) { err("Pagu Murni", "Pagu Murni wajib diisi pada baris tanpa rincian"); continue; }
      const jenis = r.jenis ?? "operasi";
      const lineKey = budgetLineKey(pdId, r.tahun, node.id, jenis);
      if (seen.has(lineKey)) { err("Kode", `Sudah ada di baris ${seen.get(lineKey)} dengan jenis belanja yang sama`); continue; }
      seen.set(lineKey, line);
      const before = existing.get(lineKey);
      const money = importedMoney({ ...r, pagu_murni: r.pagu_murni }, before);
      if (money) {
        let up: { level: string; parentId: string | null } | undefined = s.byId.get(node.id);
        let sasaranId: string | null = null;
        for (let id: string | null = node.id; up; id = up.parentId, up = id ? s.byId.get(id) : undefined) {
          if (up.level === "sasaran") { sasaranId = id; break; }
        }
        const values = nextBudgetLine(before, { tenantId, pdId, year: r.tahun, nodeId: node.id, level, code: r.kode, name: node.name, sasaranId, jenis }, money, now);
        writes.push({ table: budgetLines, values });
        if (action === "unchanged") action = before ? "update" : "create";
      }
      planned.push({ line, action, writes });
    }
    return issues.some((i) => i.severity === "error") ? { issues, rows: [] } : { issues, rows: planned };
  },

  /** The budget lines on program/kegiatan/sub kegiatan codes, one row each: importing the export changes nothing. */
  async exportRows(ctx) {
    const { lines, pdCode } = await exportableBudgetLines(ctx.db, ctx.tenantId, ctx.grants);
    return lines
      .filter((l) => l.code && sipdLevel(l.code) === l.level)
      .sort((a, b) => a.year - b.year || pdCode(a).localeCompare(pdCode(b)) || a.code!.localeCompare(b.code!, "id", { numeric: true }))
      .map((l) => [String(l.year), pdCode(l), l.code!, l.name, "", l.jenis === "modal" ? "Belanja Modal" : "Belanja Operasi", ...moneyCells(l)]);
  },
};
