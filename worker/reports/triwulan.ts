import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { twReportEvents } from "../db/schema";
import { budgetOf, findPd, kinerja, paguOf } from "../data/performance";
import { penyerapan } from "../../shared/formulas/anggaran";
import { formatDate } from "../../shared/format/number";
import { BUDGET_JENIS_LABELS, REPORT_STATUS_LABELS } from "../../shared/schemas/performance";
import { prose, type Block, type Cell, type ReportDocument } from "./blocks";
import { DASH, money, no, num, TW_LABELS, txt } from "./format";
import { byLine, pkOfYear, sectionTexts } from "./sources";
import { datedAt, grouped, pkIndicatorTable, pkProgramTable, signatureOf, type ReportTenant } from "./tables";

// The triwulan report of a PD in the layout of seed 004 (Mojokerto): PK, progress plan, capaian of
// the triwulan, budget so far, the PD's analysis, and the evaluator's dispositions on the report.

const ROMAN = ["I", "II", "III", "IV"];

export async function triwulanModel(db: Db, tenantId: string, pdId: string, year: number, period: number) {
  const pd = await findPd(db, tenantId, pdId);
  const [sections, pk, perf, lines] = await Promise.all([sectionTexts(db, tenantId, "triwulan", pdId, year), pkOfYear(db, tenantId, pdId, year), kinerja(db, tenantId, pdId, year), budgetOf(db, tenantId, pdId, year)]);
  const report = perf.reports[period - 1]!;
  const events = report.id
    ? await db.select().from(twReportEvents).where(and(eq(twReportEvents.tenantId, tenantId), eq(twReportEvents.reportId, report.id))).orderBy(asc(twReportEvents.createdAt)).all()
    : [];
  const spent = (l: (typeof lines)[number]) => [l.realisasiTw1, l.realisasiTw2, l.realisasiTw3, l.realisasiTw4].slice(0, period).reduce((a, b) => a + b, 0);
  return {
    pd: { id: pd.id, name: pd.name },
    year,
    period,
    sections,
    pk,
    sasaran: perf.sasaran.map((s) => ({
      name: s.name,
      indicators: s.indicators.map((i) => {
        const c = i.cells[period - 1]!;
        return { name: i.name, satuan: i.satuan, target: i.target, twTargets: i.twTargets.map((t) => t?.text ?? null), realisasi: c.value, status: c.status, capaian: c.capaian.value, explanation: c.explanation };
      }),
    })),
    budget: [...lines].sort(byLine).map((l) => ({ code: l.code, name: l.name, jenis: l.jenis, pagu: paguOf(l), realisasi: spent(l), percent: penyerapan({ pagu: paguOf(l), realisasi: spent(l) }).percent, fisik: [l.fisikTw1, l.fisikTw2, l.fisikTw3, l.fisikTw4][period - 1] ?? null })),
    report: { status: report.status, lastDisposition: report.lastDisposition },
    events: events.map((e) => ({ kind: e.kind, disposition: e.disposition, note: e.note, userName: e.userName, createdAt: e.createdAt })),
  };
}
export type TriwulanModel = Awaited<ReturnType<typeof triwulanModel>>;

const EVENT_LABELS = { submit: "Diajukan", disposition: "Disposisi", note: "Catatan indikator" } as const;

export function triwulanDocument(m: TriwulanModel, tenant: ReportTenant): ReportDocument {
  const tw = `Triwulan ${ROMAN[m.period - 1]}`;
  const progress = m.sasaran.map((s) => ({ label: s.name, rows: s.indicators.map((i): Cell[] => [i.name, ...i.twTargets.map((t) => ({ text: t ?? DASH, align: "right" as const }))]) }));
  const capaian = m.sasaran.map((s) => ({
    label: s.name,
    rows: s.indicators.map((i): Cell[] => [i.name, { text: i.target ?? DASH, align: "right" }, { text: i.status === "pending" ? "Proses penilaian" : (i.realisasi ?? DASH), align: "right" }, num(i.capaian)]),
  }));
  const explanations = m.sasaran.flatMap((s) => s.indicators.filter((i) => i.explanation).map((i): Block => ({ t: "paragraph", text: `${i.name}: ${i.explanation}` })));
  const pagu = m.budget.reduce((a, l) => a + l.pagu, 0);
  const real = m.budget.reduce((a, l) => a + l.realisasi, 0);
  return {
    title: `Laporan Kinerja ${tw} ${m.year} ${m.pd.name}`,
    blocks: [
      { t: "cover", lines: ["LAPORAN KINERJA", m.pd.name.toUpperCase(), tw.toUpperCase(), tenant.name.toUpperCase(), String(m.year)] },
      { t: "heading", level: 1, text: "Bab I Pendahuluan" },
      ...prose(m.sections.pendahuluan, "Pendahuluan belum diisi"),
      { t: "heading", level: 1, text: "Bab II Akuntabilitas Kinerja" },
      { t: "heading", level: 2, text: "A. Perjanjian Kinerja" },
      pkIndicatorTable(m.pk, `Perjanjian Kinerja Tahun ${m.year}`),
      pkProgramTable(m.pk, "Program/Kegiatan dan Anggaran", `APBD ${m.year}`),
      { t: "table", caption: "Progres Rencana Pencapaian Target Kinerja", head: [["No", "Sasaran", "Indikator Kinerja", ...TW_LABELS]], rows: grouped(progress), empty: "Belum ada indikator PK" },
      { t: "heading", level: 2, text: "B. Capaian Kinerja" },
      { t: "table", caption: `Capaian Kinerja ${tw} Tahun ${m.year}`, head: [["No.", "Sasaran", "Indikator Sasaran", "Target", "Realisasi", "Capaian (%)"]], rows: grouped(capaian), empty: "Belum ada indikator PK" },
      {
        t: "table",
        caption: `Realisasi Anggaran s.d. ${tw} Tahun ${m.year}`,
        head: [["No", "Program/Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "Keuangan (%)", "Fisik (%)"]],
        rows: [...m.budget.map((l, i) => [no(i + 1), `${l.code ? `${l.code} ` : ""}${l.name} (${BUDGET_JENIS_LABELS[l.jenis]})`, money(l.pagu), money(l.realisasi), num(l.percent), num(l.fisik)]), ...(m.budget.length ? [[{ text: "Jumlah", colSpan: 2, bold: true }, money(pagu), money(real), num(penyerapan({ pagu, realisasi: real }).percent), ""] as Cell[]] : [])],
        empty: "Belum ada data anggaran",
      },
      { t: "heading", level: 2, text: "C. Evaluasi dan Analisis Capaian Kinerja" },
      ...prose(m.sections.analisis, "Analisis capaian belum diisi"),
      ...explanations,
      { t: "heading", level: 2, text: "D. Disposisi Evaluator" },
      { t: "paragraph", text: `Status laporan: ${REPORT_STATUS_LABELS[m.report.status]}${m.report.lastDisposition ? `; disposisi terakhir: ${m.report.lastDisposition}` : ""}.` },
      {
        t: "table",
        caption: "Riwayat Pengajuan dan Disposisi",
        head: [["No", "Tanggal", "Oleh", "Jenis", "Disposisi", "Catatan"]],
        rows: m.events.map((e, i) => [no(i + 1), formatDate(new Date(e.createdAt)), txt(e.userName), EVENT_LABELS[e.kind], txt(e.disposition), txt(e.note)]),
        empty: "Laporan triwulan ini belum diajukan",
      },
      { t: "heading", level: 1, text: "Bab III Penutup" },
      ...prose(m.sections.penutup, "Penutup belum diisi"),
      signatureOf(m.pk?.signatory, m.pd.name, datedAt(tenant, `${tw} ${m.year}`)),
    ],
  };
}
