import { numberRow, type Block, type Cell } from "./blocks";
import type { TenantKind } from "../../shared/kinds";
import { DASH, money, no, txt } from "./format";
import type { PkOfYear, RenstraTree } from "./sources";

// Tables more than one document shows: the IKU table (LKjIP Bab II, IKU decree), the PK tables
// (LKjIP, PK document, triwulan report).

/** Rows grouped under a first column that spans them (sasaran → its indicators), numbered per group. */
export function grouped(groups: { label: string; rows: Cell[][] }[]): Cell[][] {
  return groups.flatMap((g, gi) =>
    (g.rows.length ? g.rows : [[DASH]]).map((r, i) => (i === 0 ? [{ ...no(gi + 1), rowSpan: g.rows.length || 1 }, { text: g.label, rowSpan: g.rows.length || 1 }, ...r] : r)),
  );
}

const formula = (i: RenstraTree["nodes"][number]["indicators"][number]) =>
  [i.formulaNumerator && i.formulaDenominator ? `${i.formulaNumerator} / ${i.formulaDenominator} × 100%` : null, i.formulaNote].filter(Boolean).join("; ");

/** Seed 003's IKU table: kinerja utama (sasaran), indikator, formulasi, sumber data, penanggung jawab. */
export function ikuTable(renstra: RenstraTree | null, caption: string): Block {
  const groups = (renstra?.nodes ?? [])
    .map((n) => ({ label: n.name, rows: n.indicators.filter((i) => i.isIku).map((i): Cell[] => [i.name, txt(formula(i)), txt(i.sumberData), txt(i.penanggungJawab)]) }))
    .filter((g) => g.rows.length);
  return {
    t: "table",
    caption,
    head: [["No.", "Sasaran Strategis (Kinerja Utama)", "Indikator Kinerja Utama", "Penjelasan (Formulasi Penghitungan)", "Sumber Data", "Penanggung Jawab"], numberRow(6)],
    rows: grouped(groups),
    empty: "Belum ada indikator yang ditandai IKU di Renstra",
  };
}

/** Sasaran → indicators → target of the PK in force. */
export function pkIndicatorTable(pk: PkOfYear | null, caption: string): Block {
  const groups = new Map<string, { label: string; rows: Cell[][] }>();
  for (const i of pk?.items ?? []) {
    if (i.kind !== "indicator") continue;
    const g = groups.get(i.nodeId) ?? { label: i.nodeName, rows: [] };
    g.rows.push([txt(i.indicatorName), txt(i.satuan), { text: i.target ?? DASH, align: "right" }]);
    groups.set(i.nodeId, g);
  }
  return { t: "table", caption, head: [["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"], numberRow(5)], rows: grouped([...groups.values()]), empty: "Perjanjian kinerja tahun ini belum ada" };
}

/** Programs/kegiatan of the PK with their anggaran. */
export function pkProgramTable(pk: PkOfYear | null, caption: string, note = ""): Block {
  const programs = (pk?.items ?? []).filter((i) => i.kind === "program");
  const total = programs.reduce((a, p) => a + (p.anggaran ?? 0), 0);
  const rows: Cell[][] = programs.map((p, i) => [no(i + 1), p.nodeName, money(p.anggaran), note]);
  if (programs.length) rows.push([{ text: "Jumlah", colSpan: 2, bold: true }, money(total), ""]);
  return { t: "table", caption, head: [["No", "Program/Kegiatan", "Anggaran (Rp)", "Keterangan"]], rows, empty: "Belum ada program/kegiatan di perjanjian kinerja" };
}

/** The pemda's name, kind and where it signs (tenant setting `signingPlace`, may be empty), as the documents print them. */
export type ReportTenant = { name: string; kind: TenantKind; signingPlace: string };

const HEADS: Record<TenantKind, string> = { provinsi: "Gubernur", kabupaten: "Bupati", kota: "Wali Kota" };

/** The kepala daerah who signs the pemda's own LKjIP: "Gubernur Kalimantan Timur", "Bupati Mojokerto". */
export function kepalaDaerahSignature(t: ReportTenant, when: string): Block {
  const region = t.name.replace(/^(provinsi|kabupaten|kota)\s+/i, "");
  return { t: "signature", place: datedAt(t, when), role: `${HEADS[t.kind]} ${region}`, name: "(nama)", nip: "" };
}

/** "Samarinda, Februari 2022"; the date alone when the pemda has not set its place. */
export const datedAt = (t: ReportTenant, when: string) => (t.signingPlace ? `${t.signingPlace}, ${when}` : when);

/** The PD head's signature block (from the PK's signatory; blanks to fill by hand when unknown). */
export function signatureOf(s: PkOfYear["signatory"] | null | undefined, pdName: string, place: string): Block {
  return { t: "signature", place, role: s?.jabatanName ?? `Kepala ${pdName}`, name: s?.holderName ?? "(nama)", nip: s?.holderNip ? `NIP. ${s.holderNip}` : "NIP." };
}
