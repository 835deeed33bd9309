import { penyerapan } from "../../shared/formulas/anggaran";
import { formatDate } from "../../shared/format/number";
import { BUDGET_JENIS_LABELS } from "../../shared/schemas/performance";
import { numberRow, prose, type Block, type Cell, type ReportDocument } from "./blocks";
import { datedAt, grouped, ikuTable, kepalaDaerahSignature, pkIndicatorTable, signatureOf, type ReportTenant } from "./tables";
import { bold, DASH, fmt, money, no, num, rupiah, TW_LABELS, txt } from "./format";
import type { LkjipModel, LkjipTenantModel } from "./lkjip-model";
import { saranaTable, sdmTable } from "./lkjip-bab1";

// The LKjIP in the chapter structure of seed 002 (Bab I Pendahuluan … Bab IV Penutup), from the
// plain model. Tables are numbered per chapter like the seed ("Tabel 3.4").

type Sections = Record<string, string>;

/** Hands out "Tabel <chapter>.<n>" captions in order. */
function captions() {
  const counters = new Map<number, number>();
  return (chapter: number, title: string) => {
    const n = (counters.get(chapter) ?? 0) + 1;
    counters.set(chapter, n);
    return `Tabel ${chapter}.${n} ${title}`;
  };
}
type Caption = ReturnType<typeof captions>;

// ---- Bab II ----

function renstraTable(m: LkjipModel, cap: Caption): Block {
  const r = m.renstra;
  const years = r ? Array.from({ length: r.yearTo - r.yearFrom + 1 }, (_, i) => r.yearFrom + i) : [m.year];
  const byId = new Map((r?.nodes ?? []).map((n) => [n.id, n]));
  const rows = (r?.nodes ?? [])
    .filter((n) => n.level === "sasaran")
    .flatMap((s) =>
      s.indicators.map((i) => [
        txt(s.parentId ? byId.get(s.parentId)?.name : null),
        s.name,
        i.name,
        i.satuan,
        ...years.map((y) => ({ text: i.targets.find((t) => t.year === y && t.period === 0)?.value ?? DASH, align: "right" as const })),
      ]),
    );
  return {
    t: "table",
    caption: cap(2, `Tujuan, Sasaran Strategis, Indikator Kinerja dan Target${r ? ` (${r.name})` : ""}`),
    head: [["Tujuan", "Sasaran Strategis", "Indikator Sasaran", "Satuan", ...years.map(String)]],
    rows,
    empty: "Renstra yang mencakup tahun ini belum tersedia",
  };
}

function programTable(m: LkjipModel, cap: Caption): Block {
  const nodes = m.renstra?.nodes ?? [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const sasaranOf = (id: string | null): string | null => {
    for (let n = id ? byId.get(id) : undefined; n; n = n.parentId ? byId.get(n.parentId) : undefined) if (n.level === "sasaran") return n.name;
    return null;
  };
  const rows = nodes
    .filter((n) => n.level === "program" || n.level === "kegiatan" || n.level === "sub_kegiatan")
    .map((n, i) => [no(i + 1), txt(sasaranOf(n.parentId)), txt(n.level === "program" ? n.name : null), txt(n.level !== "program" ? `${n.code ? `${n.code} ` : ""}${n.name}` : null), money(n.budget)]);
  return { t: "table", caption: cap(2, "Program/Kegiatan untuk mencapai Sasaran"), head: [["No.", "Sasaran Strategis", "Program", "Kegiatan/Sub Kegiatan", "Pagu (Rp)"]], rows, empty: "Belum ada program/kegiatan di Renstra" };
}

function pkTable(m: LkjipModel, cap: Caption): Block[] {
  const pk = m.pk;
  const note = pk && pk.version > 1 ? [{ t: "paragraph" as const, text: `Tabel menyesuaikan PK Perubahan (versi ${pk.version}, berlaku ${formatDate(pk.effectiveDate)})${pk.reason ? `: ${pk.reason}` : ""}.` }] : [];
  return [...note, pkIndicatorTable(pk, cap(2, `Perjanjian Kinerja Tahun ${m.year}`))];
}

function belanjaTable(m: LkjipModel, cap: Caption): Block {
  const rows = m.budget.byJenis.map((j, i) => [no(i + 1), BUDGET_JENIS_LABELS[j.jenis], money(j.pagu), money(j.realisasi), num(j.percent)]);
  const t = m.budget.total;
  return {
    t: "table",
    caption: cap(2, `Target Belanja Tahun ${m.year}`),
    head: [[{ text: "No.", rowSpan: 2 }, { text: "Uraian", rowSpan: 2 }, { text: `Tahun Anggaran ${m.year}`, colSpan: 3 }], ["Anggaran Belanja (Rp)", "Realisasi Belanja (Rp)", "%"]],
    rows: [...rows, [{ text: "Jumlah", colSpan: 2, bold: true }, money(t.pagu), money(t.realisasi), num(t.percent)]],
  };
}

function sasaranNames(m: LkjipModel) {
  return new Map((m.renstra?.nodes ?? []).filter((n) => n.level === "sasaran").map((n) => [n.id, n.name]));
}

function budgetBySasaranTable(m: LkjipModel, cap: Caption): Block {
  const names = sasaranNames(m);
  const bySasaran = new Map<string, typeof m.budget.lines>();
  for (const l of m.budget.lines) bySasaran.set(l.sasaranId ?? "", [...(bySasaran.get(l.sasaranId ?? "") ?? []), l]);
  const rows: Cell[][] = [];
  let k = 0;
  for (const [id, lines] of bySasaran) {
    const pagu = lines.reduce((a, l) => a + l.pagu, 0);
    const real = lines.reduce((a, l) => a + l.realisasi, 0);
    rows.push([no(++k), bold(names.get(id) ?? "Tanpa sasaran"), money(pagu), money(real), num(penyerapan({ pagu, realisasi: real }).percent)]);
    for (const l of lines) rows.push(["", `${l.code ? `${l.code} ` : ""}${l.name}`, money(l.pagu), money(l.realisasi), num(l.percent)]);
  }
  return { t: "table", caption: cap(2, "Anggaran per Sasaran Strategis"), head: [["No.", "Sasaran Strategis/Program/Kegiatan", "Pagu Anggaran (Rp)", "Realisasi (Rp)", "% Capaian"], numberRow(5)], rows, empty: "Belum ada data anggaran" };
}

// ---- Bab III ----

function sakipTable(m: LkjipModel, cap: Caption): Block {
  return {
    t: "table",
    caption: cap(3, "Nilai Hasil Evaluasi Akuntabilitas Kinerja"),
    head: [["Tahun", "Nilai", "Predikat"]],
    rows: m.sakip.map((s) => [{ text: String(s.year), align: "center" }, num(s.total), { text: s.predikat ?? DASH, align: "center" }]),
    empty: "Belum ada hasil evaluasi SAKIP yang final",
  };
}

function measurementTable(m: LkjipModel, cap: Caption): Block {
  const groups = m.kinerja.sasaran.map((s) => ({
    label: s.name,
    rows: s.indicators.map((i): Cell[] => [i.name, txt(i.satuan), { text: i.target ?? DASH, align: "right" }, { text: i.status === "pending" ? "Proses penilaian" : (i.realisasi ?? DASH), align: "right" }, num(i.capaian), txt(i.predikat)]),
  }));
  return { t: "table", caption: cap(3, `Pengukuran Kinerja Tahun ${m.year}`), head: [["No.", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)", "Predikat"], numberRow(8)], rows: grouped(groups), empty: "Belum ada indikator PK" };
}

function triwulanTable(m: LkjipModel, cap: Caption): Block {
  const rows = m.kinerja.sasaran.flatMap((s) =>
    s.indicators.flatMap((i) =>
      i.tw.map((c, k): Cell[] => [
        ...(k === 0 ? [{ text: i.name, rowSpan: 4 }, { text: i.target ?? DASH, rowSpan: 4, align: "right" as const }] : []),
        TW_LABELS[k]!,
        { text: c.target ?? DASH, align: "right" },
        { text: c.status === "pending" ? "Proses" : (c.realisasi ?? DASH), align: "right" },
        num(c.capaian),
      ]),
    ),
  );
  return { t: "table", caption: cap(3, `Capaian Kinerja per Triwulan Tahun ${m.year}`), head: [["Indikator Kinerja", "Target Tahunan", "Triwulan", "Target", "Realisasi", "%"], numberRow(6)], rows, empty: "Belum ada indikator PK" };
}

/** Per sasaran the three comparisons of seed 002 Bab III.C, then the PD's explanations. */
function analysisBlocks(m: LkjipModel, cap: Caption): Block[] {
  return m.kinerja.sasaran.flatMap((s, si): Block[] => {
    const inds = s.indicators;
    const explained = inds.filter((i) => i.explanation);
    return [
      { t: "heading", level: 3, text: `Sasaran ${si + 1}: ${s.name}` },
      {
        t: "table",
        caption: cap(3, `Perbandingan antara Target dan Realisasi Kinerja Tahun ${m.year}`),
        head: [["No.", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "% Capaian"], numberRow(6)],
        rows: inds.map((i, k) => [no(k + 1), i.name, txt(i.satuan), { text: i.target ?? DASH, align: "right" }, { text: i.realisasi ?? DASH, align: "right" }, num(i.capaian)]),
      },
      {
        t: "table",
        caption: cap(3, `Perbandingan antara Realisasi Tahun ${m.year - 1} dengan Tahun ${m.year}`),
        head: [[{ text: "No.", rowSpan: 2 }, { text: "Indikator Kinerja", rowSpan: 2 }, { text: "Satuan", rowSpan: 2 }, { text: "Realisasi", colSpan: 2 }, { text: `% Peningkatan/Penurunan`, rowSpan: 2 }], [String(m.year - 1), String(m.year)]],
        rows: inds.map((i, k) => [no(k + 1), i.name, txt(i.satuan), num(i.previous), { text: i.realisasi ?? DASH, align: "right" }, num(i.yoy)]),
      },
      {
        t: "table",
        caption: cap(3, `Perbandingan Realisasi Kinerja Tahun ${m.year} dengan Target Renstra`),
        head: [["No.", "Indikator Kinerja", "Satuan", `Target Akhir Renstra${m.renstra ? ` (Th. ${m.renstra.yearTo})` : ""}`, `Realisasi (Th. ${m.year})`, "Tingkat Kemajuan (%)"]],
        rows: inds.map((i, k) => [no(k + 1), i.name, txt(i.satuan), { text: i.renstraTarget ?? DASH, align: "right" }, { text: i.realisasi ?? DASH, align: "right" }, num(i.vsRenstra)]),
      },
      ...explained.map((i): Block => ({ t: "paragraph", text: `${i.name}: ${i.explanation}` })),
    ];
  });
}

function efisiensiTable(m: LkjipModel, cap: Caption): Block {
  const e = m.budget.efisiensi;
  const rows: Cell[][] = e.rows.map((r, i) => [no(i + 1), r.name, num(r.capaianKinerja), num(r.capaianAnggaran), num(r.efisiensi)]);
  if (e.summary) rows.push([{ text: "Rata-rata / total anggaran", colSpan: 2, bold: true }, num(e.summary.meanCapaianKinerja), num(e.summary.capaianAnggaranTotal), num(e.summary.efisiensi)]);
  return { t: "table", caption: cap(3, `Tingkat Efisiensi Penggunaan Sumber Daya Tahun ${m.year}`), head: [["No", "Sasaran Strategis", "% Capaian Kinerja", "% Penyerapan Anggaran", "Tingkat Efisiensi"], ["1", "2", "3", "4", "5 = (3-4)"]], rows, empty: "Belum ada sasaran dengan capaian kinerja dan anggaran" };
}

function ikmTable(m: LkjipModel, cap: Caption): Block {
  const rows: Cell[][] = m.ikm.units.map((u, i) => [no(i + 1), u.unit, num(u.responses, 0), num(u.ikm), txt(u.mutu ? `${u.mutu.code} (${u.mutu.label})` : null)]);
  const t = m.ikm.total;
  if (t) rows.push([{ text: "Gabungan", colSpan: 2, bold: true }, num(t.responses, 0), num(t.ikm), txt(t.mutu ? `${t.mutu.code} (${t.mutu.label})` : null)]);
  return { t: "table", caption: cap(3, `Nilai Survei Kepuasan Masyarakat Tahun ${m.year}`), head: [["No.", "Unit Layanan", "Responden", "IKM", "Mutu Pelayanan"]], rows, empty: "Belum ada survei kepuasan masyarakat tahun ini" };
}

function budgetVsKinerjaTable(m: LkjipModel, cap: Caption): Block {
  const rows = m.budget.efisiensi.rows.map((r, i) => [no(i + 1), r.name, num(r.capaianKinerja), money(r.pagu), money(r.realisasi), num(r.capaianAnggaran)]);
  return {
    t: "table",
    caption: cap(3, `Realisasi Anggaran sesuai dengan Perjanjian Kinerja Tahun ${m.year}`),
    head: [[{ text: "No", rowSpan: 2 }, { text: "Sasaran Strategis", rowSpan: 2 }, { text: "Kinerja", rowSpan: 1 }, { text: "Anggaran", colSpan: 3 }], ["% Capaian", "Target (Rp)", "Realisasi (Rp)", "% Capaian"]],
    rows,
    empty: "Belum ada data",
  };
}

function budgetLinesTable(m: LkjipModel, cap: Caption): Block {
  const rows: Cell[][] = m.budget.lines.map((l, i) => [no(i + 1), `${l.code ? `${l.code} ` : ""}${l.name}`, money(l.pagu), money(l.realisasi), num(l.percent), [BUDGET_JENIS_LABELS[l.jenis], l.paguMurni !== l.pagu ? `pagu murni ${rupiah(l.paguMurni)}` : ""].filter(Boolean).join("; ")]);
  const t = m.budget.total;
  rows.push([{ text: "Jumlah", colSpan: 2, bold: true }, money(t.pagu), money(t.realisasi), num(t.percent), ""]);
  return { t: "table", caption: cap(3, `Realisasi Anggaran per Program/Kegiatan/Sub Kegiatan Tahun ${m.year}`), head: [[{ text: "No", rowSpan: 2 }, { text: "Program/Kegiatan/Sub Kegiatan", rowSpan: 2 }, { text: "Anggaran", colSpan: 3 }, { text: "Keterangan", rowSpan: 2 }], ["Target (Rp)", "Realisasi (Rp)", "%"]], rows };
}

// ---- document ----

const BAB1: readonly (readonly [title: string, key: string])[] = [
  ["A. Dasar Pembentukan Organisasi", "dasar_pembentukan"],
  ["B. Tugas dan Fungsi", "tugas_fungsi"],
  ["C. Struktur Organisasi", "struktur_organisasi"],
  ["D. Sumber Daya Aparatur", "sumber_daya"],
  ["E. Aspek Strategis Organisasi", "aspek_strategis"],
  ["F. Permasalahan Utama (Isu Strategis)", "isu_strategis"],
  ["G. Sarana dan Prasarana Kerja", "sarana_prasarana"],
];

/** Bab I: the texts, and in a PD's report Tabel 1.1 after D's text and Tabel 1.2 after G's (seed 002). */
function pendahuluan(s: Sections, pd?: { m: LkjipModel; cap: Caption }): Block[] {
  const asOf = pd ? `${pd.m.pd.name} Per 31 Desember ${pd.m.year}` : "";
  const tablesOf = (key: string): Block[] => {
    if (!pd) return [];
    if (key === "sumber_daya") return sdmTable(pd.m.tables.sdm, pd.cap(1, `Jumlah Sumber Daya Manusia (PNS & Non-PNS) ${asOf}`));
    if (key === "sarana_prasarana") return saranaTable(pd.m.tables.sarana, pd.cap(1, `Sarana dan Prasarana Kerja ${asOf}`));
    return [];
  };
  return [
    { t: "heading", level: 1, text: "Bab I Pendahuluan" },
    ...BAB1.flatMap(([title, key]): Block[] => [{ t: "heading", level: 2, text: title }, ...prose(s[key], `${title.slice(3)} belum diisi`), ...tablesOf(key)]),
  ];
}

/** Bab II and III of one PD (under the PD's own heading in the pemda-wide report). */
function pdChapters(m: LkjipModel, cap: Caption, s: Sections) {
  const bab2: Block[] = [
    { t: "heading", level: 2, text: "A. Perencanaan Strategis" },
    renstraTable(m, cap),
    programTable(m, cap),
    { t: "heading", level: 2, text: "B. Indikator Kinerja Utama" },
    ikuTable(m.renstra, cap(2, "Indikator Kinerja Utama")),
    { t: "heading", level: 2, text: "C. Perjanjian Kinerja" },
    ...pkTable(m, cap),
    {
      t: "paragraph",
      text: `Pada Tahun Anggaran ${m.year} ${m.pd.name} melaksanakan kegiatan dengan anggaran sebesar ${rupiah(m.budget.total.pagu)} dengan realisasi sebesar ${rupiah(m.budget.total.realisasi)} (${fmt(m.budget.total.percent)} %).`,
    },
    belanjaTable(m, cap),
    budgetBySasaranTable(m, cap),
  ];
  const bab3: Block[] = [
    { t: "heading", level: 2, text: "A. Laporan Hasil Evaluasi atas Implementasi Sistem AKIP Tahun Sebelumnya" },
    sakipTable(m, cap),
    { t: "heading", level: 2, text: "B. Pengukuran Capaian Kinerja Organisasi" },
    measurementTable(m, cap),
    triwulanTable(m, cap),
    { t: "heading", level: 2, text: "C. Analisis Capaian Kinerja" },
    ...analysisBlocks(m, cap),
    ...prose(s.analisis_capaian, "Analisis penyebab keberhasilan/kegagalan dan solusi belum diisi"),
    { t: "heading", level: 3, text: "Analisis atas Efisiensi Penggunaan Sumber Daya" },
    efisiensiTable(m, cap),
    { t: "heading", level: 3, text: "Indeks Kepuasan Masyarakat" },
    ikmTable(m, cap),
    { t: "heading", level: 2, text: "D. Realisasi Anggaran" },
    budgetVsKinerjaTable(m, cap),
    budgetLinesTable(m, cap),
    ...prose(s.analisis_anggaran, "Analisis realisasi anggaran belum diisi"),
  ];
  return { bab2, bab3 };
}

// The LKjIP is due by the end of February of the following year.
const signature = (m: LkjipModel, tenant: ReportTenant): Block => signatureOf(m.pk?.signatory, m.pd.name, datedAt(tenant, `Februari ${m.year + 1}`));

export function lkjipDocument(m: LkjipModel, tenant: ReportTenant): ReportDocument {
  const cap = captions();
  const s = m.sections;
  const { bab2, bab3 } = pdChapters(m, cap, s);
  return {
    title: `LKjIP ${m.pd.name} Tahun ${m.year}`,
    blocks: [
      { t: "cover", lines: ["LAPORAN KINERJA INSTANSI PEMERINTAH", m.pd.name.toUpperCase(), tenant.name.toUpperCase(), `TAHUN ${m.year}`] },
      { t: "heading", level: 1, text: "Kata Pengantar" },
      ...prose(s.kata_pengantar, "Kata pengantar belum diisi"),
      signature(m, tenant),
      { t: "heading", level: 1, text: "Ikhtisar Eksekutif" },
      ...prose(s.ikhtisar, "Ikhtisar eksekutif belum diisi"),
      ...pendahuluan(s, { m, cap }),
      { t: "heading", level: 1, text: "Bab II Perencanaan Kinerja" },
      ...prose(s.perencanaan, "Pengantar perencanaan kinerja belum diisi"),
      ...bab2,
      { t: "heading", level: 1, text: "Bab III Akuntabilitas Kinerja" },
      ...bab3,
      { t: "heading", level: 1, text: "Bab IV Penutup" },
      ...prose(s.penutup, "Penutup belum diisi"),
      signature(m, tenant),
    ],
  };
}

/** Per PD one row: capaian kinerja, penyerapan and efisiensi, IKM and SAKIP — the pemda's summary. */
function tenantSummaryTable(t: LkjipTenantModel, cap: Caption): Block {
  const rows = t.pds.map((m, i) => [
    no(i + 1),
    m.pd.name,
    num(m.kinerja.capaian),
    num(m.budget.total.percent),
    num(m.budget.efisiensi.summary?.efisiensi),
    num(m.ikm.total?.ikm),
    txt(m.sakip.find((s) => s.year === t.year)?.predikat ?? null),
  ]);
  const pagu = t.pds.reduce((a, m) => a + m.budget.total.pagu, 0);
  const real = t.pds.reduce((a, m) => a + m.budget.total.realisasi, 0);
  return {
    t: "table",
    caption: cap(3, `Capaian Kinerja, Penyerapan Anggaran dan Efisiensi per Perangkat Daerah Tahun ${t.year}`),
    head: [["No.", "Perangkat Daerah", "Capaian Kinerja (%)", "Penyerapan Anggaran (%)", "Efisiensi", "IKM", "Predikat SAKIP"], numberRow(7)],
    rows: [...rows, [{ text: `Total anggaran ${rupiah(pagu)}, realisasi ${rupiah(real)}`, colSpan: 3, bold: true }, num(penyerapan({ pagu, realisasi: real }).percent), { text: "", colSpan: 3 }]],
    empty: "Belum ada perangkat daerah",
  };
}

/** The pemda-wide LKjIP: the pemda's own texts, a summary across PD, then each PD's Bab II and III tables. */
export function lkjipTenantDocument(t: LkjipTenantModel): ReportDocument {
  const cap = captions();
  const s = t.sections;
  const parts = t.pds.map((m) => ({ m, ...pdChapters(m, cap, m.sections) }));
  return {
    title: `LKjIP ${t.tenant.name} Tahun ${t.year}`,
    blocks: [
      { t: "cover", lines: ["LAPORAN KINERJA INSTANSI PEMERINTAH", t.tenant.name.toUpperCase(), `TAHUN ${t.year}`] },
      { t: "heading", level: 1, text: "Kata Pengantar" },
      ...prose(s.kata_pengantar, "Kata pengantar belum diisi"),
      kepalaDaerahSignature(t.tenant, `Februari ${t.year + 1}`),
      { t: "heading", level: 1, text: "Ikhtisar Eksekutif" },
      ...prose(s.ikhtisar, "Ikhtisar eksekutif belum diisi"),
      ...pendahuluan(s),
      { t: "heading", level: 1, text: "Bab II Perencanaan Kinerja" },
      ...prose(s.perencanaan, "Pengantar perencanaan kinerja belum diisi"),
      ...parts.flatMap((p): Block[] => [{ t: "heading", level: 2, text: p.m.pd.name }, ...p.bab2.map(demote)]),
      { t: "heading", level: 1, text: "Bab III Akuntabilitas Kinerja" },
      tenantSummaryTable(t, cap),
      ...prose(s.analisis_capaian, "Analisis capaian kinerja pemda belum diisi"),
      ...parts.flatMap((p): Block[] => [{ t: "heading", level: 2, text: p.m.pd.name }, ...p.bab3.map(demote)]),
      ...prose(s.analisis_anggaran, "Analisis realisasi anggaran pemda belum diisi"),
      { t: "heading", level: 1, text: "Bab IV Penutup" },
      ...prose(s.penutup, "Penutup belum diisi"),
      kepalaDaerahSignature(t.tenant, `Februari ${t.year + 1}`),
    ],
  };
}

/** A PD's sub-chapter headings one level down under the PD's own heading. */
const demote = (b: Block): Block => (b.t === "heading" && b.level === 2 ? { ...b, level: 3 } : b);
