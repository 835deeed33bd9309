import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from "docx";
import { cellOf, keptWhole, type Block, type Cell, type ReportDocument } from "./blocks";

// DOCX with the `docx` library (pure JS, runs in the Worker): A4, page numbers in the footer,
// table header rows marked to repeat on every page, rows kept whole, short tables kept on one page.

const A4 = { width: 11906, height: 16838 };
const CM = 567;
const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

const text = (t: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}) => new TextRun({ text: t, font: "Times New Roman", size: opts.size ?? 22, bold: opts.bold, italics: opts.italics });

/**
 * Rows of the table with rowSpan turned into Word's vertical merge: a spanned cell continues as an
 * empty "continue" cell in the rows below, so every row of the grid has its full width.
 */
function gridRows(rows: Cell[][], header: boolean, keepWithNext: (rowIndex: number) => boolean): TableRow[] {
  const pending: { col: number; left: number; colSpan: number }[] = [];
  return rows.map((row, rowIndex) => {
    const keepNext = keepWithNext(rowIndex);
    const cells: TableCell[] = [];
    let col = 0;
    const fillContinuations = () => {
      for (let p = pending.find((x) => x.col === col && x.left > 0); p; p = pending.find((x) => x.col === col && x.left > 0)) {
        cells.push(new TableCell({ children: [new Paragraph({ keepNext })], verticalMerge: VerticalMergeType.CONTINUE, columnSpan: p.colSpan, borders: BORDERS }));
        p.left--;
        col += p.colSpan;
      }
    };
    for (const c of row) {
      fillContinuations();
      const v = cellOf(c);
      const span = v.colSpan ?? 1;
      if (v.rowSpan && v.rowSpan > 1) pending.push({ col, left: v.rowSpan - 1, colSpan: span });
      cells.push(
        new TableCell({
          children: [new Paragraph({ keepNext, alignment: ALIGN[v.align ?? (header ? "center" : "left")], children: [text(v.text, { bold: header || v.bold, size: 18 })] })],
          columnSpan: span > 1 ? span : undefined,
          verticalMerge: v.rowSpan && v.rowSpan > 1 ? VerticalMergeType.RESTART : undefined,
          shading: header ? { type: ShadingType.CLEAR, fill: "E8E8E8", color: "auto" } : undefined,
          borders: BORDERS,
        }),
      );
      col += span;
    }
    fillContinuations();
    return new TableRow({ children: cells, tableHeader: header, cantSplit: true });
  });
}

const startsPage = (b: Block | undefined) => b?.t === "heading" && b.level === 1;

/** `next`: the block that follows, so the cover's page break is not doubled by a chapter heading's own (a blank page in Word). */
function block(b: Block, next: Block | undefined): (Paragraph | Table)[] {
  switch (b.t) {
    case "cover":
      return [
        ...b.lines.map((l, i) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: i === 0 ? 3000 : 200 }, children: [text(l, { bold: true, size: 32 })] })),
        ...(startsPage(next) ? [] : [new Paragraph({ children: [new PageBreak()] })]),
      ];
    case "heading":
      return [new Paragraph({ heading: HEADINGS[b.level], pageBreakBefore: b.level === 1, alignment: b.level === 1 ? AlignmentType.CENTER : undefined, children: [text(b.level === 1 ? b.text.toUpperCase() : b.text, { bold: true, size: b.level === 1 ? 28 : 24 })] })];
    case "paragraph":
      return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 }, children: b.text.split("\n").map((line, i) => new TextRun({ text: line, font: "Times New Roman", size: 22, italics: b.italic, break: i ? 1 : undefined })) })];
    case "table": {
      const cols = b.head[0]?.reduce<number>((n, c) => n + (cellOf(c).colSpan ?? 1), 0) ?? 1;
      const body = b.rows.length ? b.rows : [[{ text: b.empty ?? "Belum ada data", colSpan: cols, align: "center" as const }]];
      return [
        new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120 }, children: [text(b.caption, { bold: true })] }),
        // Word keeps a table on one page when every row but the last keeps with the next; the header always does.
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [...gridRows(b.head, true, () => true), ...gridRows(body, false, (i) => keptWhole(b) && i < body.length - 1)] }),
        new Paragraph(""),
      ];
    }
    case "signature":
      return [b.place, b.role, "", "", "", b.name, b.nip].map((l, i) => new Paragraph({ indent: { left: 9 * CM }, alignment: AlignmentType.CENTER, children: [text(l, { bold: i === 5 })] }));
    case "pageBreak":
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

export async function renderDocx(doc: ReportDocument): Promise<Uint8Array> {
  const file = new Document({
    title: doc.title,
    creator: "Akuntabel",
    sections: [
      {
        properties: { page: { size: A4, margin: { top: Math.round(2.5 * CM), bottom: Math.round(2.5 * CM), left: Math.round(2.5 * CM), right: 2 * CM } } },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ font: "Arial", size: 18, children: ["Halaman ", PageNumber.CURRENT, " dari ", PageNumber.TOTAL_PAGES] })] })] }),
        },
        children: doc.blocks.flatMap((b, i) => block(b, doc.blocks[i + 1])),
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(file));
}
