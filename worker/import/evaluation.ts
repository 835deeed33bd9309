// Import kind of the Evaluation module (spec in shared/import/evaluation.ts): historic SAKIP results become
// final evaluations with source "import". Disagreements in the sheet (a written predikat or interpretation that
// does not match the boundaries, components that do not add up to the nilai, a component above its weight) are
// warnings stored with the row as flags — imported, but never silently.
import { eq } from "drizzle-orm";
import { lkeEvaluations, lkeTemplates, perangkatDaerah } from "../db/schema";
import { sakipHistorySpec, SAKIP_COMPONENT_KEYS, type ImportIssue, type SakipHistoryRow } from "../../shared/import";
import { componentTotal, predikatSakip, SAKIP_PREDIKAT } from "../../shared/formulas/sakip";
import { roundTo } from "../../shared/format/round";
import { formatNumber } from "../../shared/format/number";
import { defaultTemplate, SAKIP_PREDIKAT_LABELS, type TemplateDefinition } from "../../shared/schemas/evaluation";
import { defaultKindForYear, newTemplateRow, parseDefinition, type EvaluationRow, type TemplateRow } from "../data/evaluation";
import type { ImportKind, PlannedRow } from "./index";

const normaliseName = (s: string) =>
  s
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** "BB/Sangat Baik", "BB", "B (Baik)" → the letter and the interpretation as written. */
function readPredikat(text: string): { letter: string; label: string | null } {
  const m = /^\s*([A-Za-z]{1,2})\s*(?:[/(\-–]\s*([^)]*?)\s*\)?)?\s*$/.exec(text);
  return m ? { letter: m[1]!.toUpperCase(), label: m[2] || null } : { letter: text.trim(), label: null };
}

/** Header of a component column in the spec, for issue messages. */
const headerOf = (key: string) => sakipHistorySpec.columns.find((c) => c.key === key)?.header ?? key;

export const sakipHistoryImport: ImportKind<SakipHistoryRow> = {
  spec: sakipHistorySpec,
  roles: ["tenant_admin"],

  async plan(ctx, rows) {
    const { db, tenantId, now } = ctx;
    const [pds, templates, evaluations] = await db.batch([
      db.select({ id: perangkatDaerah.id, code: perangkatDaerah.code, name: perangkatDaerah.name }).from(perangkatDaerah).where(eq(perangkatDaerah.tenantId, tenantId)),
      db.select().from(lkeTemplates).where(eq(lkeTemplates.tenantId, tenantId)),
      db.select().from(lkeEvaluations).where(eq(lkeEvaluations.tenantId, tenantId)),
    ]);
    const pdByCode = new Map(pds.map((p) => [p.code, p.id]));
    const pdByName = new Map(pds.map((p) => [normaliseName(p.name), p.id]));
    const templateOf = new Map<number, TemplateRow>(templates.map((t) => [t.year, t]));
    const existing = new Map(evaluations.map((e) => [`${e.pdId}|${e.year}`, e]));
    const definitions = new Map<number, TemplateDefinition>();
    const definitionFor = (year: number) => {
      if (!definitions.has(year)) {
        const t = templateOf.get(year);
        definitions.set(year, t ? parseDefinition(t) : defaultTemplate(defaultKindForYear(year)));
      }
      return definitions.get(year)!;
    };

    const issues: ImportIssue[] = [];
    const planned: PlannedRow[] = [];
    const seen = new Map<string, number>();
    for (const { line, value: r } of rows) {
      const rowIssues: ImportIssue[] = [];
      const err = (column: string | null, message: string) => rowIssues.push({ row: line, column, severity: "error", message });
      const warn = (column: string | null, message: string) => rowIssues.push({ row: line, column, severity: "warning", message });

      const pdId = (r.kode_pd ? pdByCode.get(r.kode_pd) : undefined) ?? pdByName.get(normaliseName(r.perangkat_daerah));
      const key = `${pdId}|${r.tahun}`;
      const before = pdId ? existing.get(key) : undefined;
      if (!pdId) err(r.kode_pd ? "Kode PD" : "Perangkat Daerah", `Perangkat daerah "${r.kode_pd ?? r.perangkat_daerah}" belum terdaftar`);
      else if (seen.has(key)) err("Perangkat Daerah", `Perangkat daerah ini sudah ada di baris ${seen.get(key)} untuk tahun ${r.tahun}`);
      else if (before && before.source === "lke") err("Tahun", `Evaluasi ${r.tahun} perangkat daerah ini dikerjakan lewat LKE; tidak dapat ditimpa impor`);
      if (pdId) seen.set(key, line);

      const definition = definitionFor(r.tahun);
      const codes = definition.components.map((k) => k.code);
      for (const k of SAKIP_COMPONENT_KEYS) {
        if (r[k] !== undefined && !codes.includes(k)) err(headerOf(k), `Komponen ini tidak ada di LKE ${r.tahun}`);
      }
      const scores = definition.components.map((k) => (SAKIP_COMPONENT_KEYS as readonly string[]).includes(k.code) ? r[k.code as (typeof SAKIP_COMPONENT_KEYS)[number]] : undefined);
      let total = r.nilai ?? null;
      let components: { code: string; score: number }[] | null = null;
      if (scores.every((s) => s !== undefined)) {
        const checked = componentTotal(definition.components, scores as number[]);
        components = definition.components.map((k, i) => ({ code: k.code, score: scores[i]! }));
        for (const i of checked.issues) warn(headerOf(i.code), `Nilai ${formatNumber(i.score)} ${i.issue === "negative" ? "negatif" : `melebihi bobot ${i.weight}`}`);
        if (total === null) total = checked.total;
        else if (Math.abs(roundTo(checked.total, 2) - total) > 0.011) warn("Nilai", `Jumlah komponen ${formatNumber(checked.total)} berbeda dengan nilai tertulis ${formatNumber(total)}`);
      } else if (scores.some((s) => s !== undefined)) {
        err(null, `Nilai komponen tidak lengkap: isi semua (${definition.components.map((k) => k.name).join(", ")}) atau kosongkan semuanya`);
      }
      if (total === null) err("Nilai", "Nilai kosong (isi nilai akhir atau semua komponen)");
      else if (total < 0 || total > 100) err("Nilai", `Nilai ${formatNumber(total)} di luar 0–100`);

      const predikat = total !== null && total >= 0 && total <= 100 ? predikatSakip(total) : null;
      if (r.predikat && predikat && total !== null) {
        const { letter, label } = readPredikat(r.predikat);
        if (!(SAKIP_PREDIKAT as readonly string[]).includes(letter)) warn("Predikat", `Predikat "${r.predikat}" tidak dikenal; dipakai ${predikat} menurut batas nilai`);
        else if (letter !== predikat) warn("Predikat", `Tertulis ${letter}, menurut batas nilai ${formatNumber(total)} adalah ${predikat}; dipakai ${predikat}`);
        else if (label && normaliseName(label) !== normaliseName(SAKIP_PREDIKAT_LABELS[predikat])) {
          warn("Predikat", `Interpretasi "${label}" berbeda dengan ${predikat} = ${SAKIP_PREDIKAT_LABELS[predikat]}`);
        }
      }
      issues.push(...rowIssues);
      if (rowIssues.some((i) => i.severity === "error") || !pdId || total === null) continue;

      const flags = rowIssues.map((i) => i.message);
      const values = {
        componentScores: components ? JSON.stringify(components) : null,
        total,
        predikat,
        flags: JSON.stringify(flags),
      };
      if (before && before.componentScores === values.componentScores && before.total === total && before.predikat === predikat && before.flags === values.flags) {
        planned.push({ line, action: "unchanged", writes: [] });
        continue;
      }
      const writes: PlannedRow["writes"] = [];
      // An imported year counts as evaluated: its sheet is created or locked like one opened for LKE.
      let template = templateOf.get(r.tahun);
      if (!template || template.lockedAt === null) {
        template = template ? { ...template, lockedAt: now, updatedAt: now } : newTemplateRow(tenantId, r.tahun, defaultKindForYear(r.tahun), now);
        templateOf.set(r.tahun, template);
        writes.push({ table: lkeTemplates, values: template });
      }
      const row: EvaluationRow = {
        id: before?.id ?? crypto.randomUUID(),
        tenantId,
        pdId,
        year: r.tahun,
        templateId: template.id,
        source: "import",
        status: "final",
        ...values,
        finalisedAt: now,
        finalisedBy: null,
        createdAt: before?.createdAt ?? now,
        updatedAt: now,
      };
      writes.push({ table: lkeEvaluations, values: row });
      planned.push({ line, action: before ? "update" : "create", writes });
    }
    // Rows that write a year's template go first, so a chunk writes templates before the evaluations using them.
    planned.sort((a, b) => Number(b.writes.some((w) => w.table === lkeTemplates)) - Number(a.writes.some((w) => w.table === lkeTemplates)));
    return { issues, rows: planned };
  },

  async exportRows(ctx) {
    const { db, tenantId } = ctx;
    const [pds, evaluations] = await db.batch([
      db.select().from(perangkatDaerah).where(eq(perangkatDaerah.tenantId, tenantId)),
      db.select().from(lkeEvaluations).where(eq(lkeEvaluations.tenantId, tenantId)),
    ]);
    const pdOf = new Map(pds.map((p) => [p.id, p]));
    const text = (v: number | undefined) => (v === undefined ? "" : String(roundTo(v, 2)).replace(".", ","));
    return evaluations
      .filter((e) => e.status === "final" && e.total !== null)
      .sort((a, b) => a.year - b.year || (pdOf.get(a.pdId)?.code ?? "").localeCompare(pdOf.get(b.pdId)?.code ?? ""))
      .map((e) => {
        const comps = new Map((JSON.parse(e.componentScores ?? "[]") as { code: string; score: number }[]).map((k) => [k.code, k.score]));
        const pd = pdOf.get(e.pdId);
        return [String(e.year), pd?.code ?? "", pd?.name ?? "", ...SAKIP_COMPONENT_KEYS.map((k) => text(comps.get(k))), text(e.total!), e.predikat ?? ""];
      });
  },
};
