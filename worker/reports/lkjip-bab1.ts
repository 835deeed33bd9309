import { formatNumber } from "../../shared/format/number";
import { sdmTotals, type SdmCounts } from "../../shared/formulas/sdm";
import { GOLONGAN, GOLONGAN_LABELS, PENDIDIKAN, PENDIDIKAN_LABELS, type SaranaRow, type SdmRow } from "../../shared/schemas/lkjip-tables";
import { numberRow, type Block, type Cell } from "./blocks";
import { bold, DASH, no } from "./format";

// LKjIP Bab I tables after seed 002: Tabel 1.1 Sumber Daya Aparatur (rows by jabatan, then the
// computed Jumlah rows) and Tabel 1.2 Sarana dan Prasarana Kerja, each with its "Sumber:" line.

export type Bab1Tables = { sdm: { rows: SdmRow[]; sumber: string }; sarana: { rows: SaranaRow[]; sumber: string } };

/** A head count as the seed prints it: a dash for none. */
const count = (n: number, extra: Partial<Exclude<Cell, string>> = {}): Cell => ({ text: n ? formatNumber(n, 0) : DASH, align: "right", ...extra });

function countCells(c: SdmCounts, withGolongan: boolean, extra: Partial<Exclude<Cell, string>> = {}): Cell[] {
  return [
    count(c.lakiLaki, extra),
    count(c.perempuan, extra),
    ...GOLONGAN.map((g) => (withGolongan ? count(c.golongan[g], extra) : { text: DASH, align: "right" as const, ...extra })),
    ...PENDIDIKAN.map((p) => count(c.pendidikan[p], extra)),
  ];
}

const sumberLine = (sumber: string): Block[] => (sumber ? [{ t: "paragraph", text: `Sumber: ${sumber}`, italic: true }] : []);

export function sdmTable(t: Bab1Tables["sdm"], caption: string): Block[] {
  const totals = sdmTotals(t.rows);
  const b = { bold: true };
  const rows: Cell[][] = t.rows.length
    ? [
        ...t.rows.map((r) => [r.jabatan, ...countCells(r, r.status === "pns")]),
        [bold("Jumlah PNS"), ...countCells(totals.pns, true, b)],
        [bold("Jumlah Honor/PTT"), ...countCells(totals.honor, false, b)],
        [bold("Jumlah PNS + Honor/PTT"), ...countCells(totals.all, true, b)],
        [
          bold("Jumlah"),
          count(totals.jumlah.jenisKelamin, { colSpan: 2, align: "center", bold: true }),
          count(totals.jumlah.golongan, { colSpan: GOLONGAN.length, align: "center", bold: true }),
          count(totals.jumlah.pendidikan, { colSpan: PENDIDIKAN.length, align: "center", bold: true }),
        ],
      ]
    : [];
  return [
    {
      t: "table",
      caption,
      head: [
        [{ text: "Jabatan", rowSpan: 2 }, { text: "Jenis Kelamin", colSpan: 2 }, { text: "Golongan", colSpan: GOLONGAN.length }, { text: "Pendidikan", colSpan: PENDIDIKAN.length }],
        ["Laki-laki", "Perempuan", ...GOLONGAN.map((g) => GOLONGAN_LABELS[g]), ...PENDIDIKAN.map((p) => PENDIDIKAN_LABELS[p])],
      ],
      rows,
      empty: "Data sumber daya aparatur belum diisi",
    },
    ...sumberLine(t.sumber),
  ];
}

export function saranaTable(t: Bab1Tables["sarana"], caption: string): Block[] {
  let n = 0;
  // A row without uraian continues the item above (seed: Gedung 2 Unit, then 2.048 m²) and takes no number.
  const rows = t.rows.map((r): Cell[] => [
    r.uraian ? no(++n) : "",
    r.uraian,
    { text: r.banyaknya === null ? "" : formatNumber(r.banyaknya, Number.isInteger(r.banyaknya) ? 0 : 2), align: "right" },
    r.satuan,
    r.keterangan,
  ]);
  return [{ t: "table", caption, head: [["No", "Uraian", "Banyaknya", "Satuan", "Keterangan"], numberRow(5)], rows, empty: "Data sarana dan prasarana belum diisi" }, ...sumberLine(t.sumber)];
}
