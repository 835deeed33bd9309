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
const MARGIN = { top: Math.round(2.5 * CM), bottom: Math.round(2.5 * CM), left: Math.round(2.5 * CM), right: 2 * CM };
const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

const text = (t: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}) => new TextRun({ text: t, font: "Times New Roman", size: opts.size ?? 22, bold: opts.bold, italics: opts.italics });

/** A cell at its place in the table's grid, or the continuation of a cell that spans rows from above. */
type Placed = { col: number; span: number; cell: ReturnType<typeof cellOf> | null };

/**
 * Each row's cells at their grid columns, with rowSpan turned into Word's vertical merge: a spanned cell
 * continues as an empty cell in the rows below, so every row of the grid has its full width.
 */
function placeCells(rows: Cell[][]): Placed[][] {
  const pending: { col: number; left: number; span: number }[] = [];
  return rows.map((row) => {
    const placed: Placed[] = [];
    let col = 0;
    const fillContinuations = () => {
      for (let p = pending.find((x) => x.col === col && x.left > 0); p; p = pending.find((x) => x.col === col && x.left > 0)) {
        placed.push({ col, span: p.span, cell: null });
        p.left--;
        col += p.span;
      }
    };
    for (const c of row) {
      fillContinuations();
      const v = cellOf(c);
      const span = v.colSpan ?? 1;
      if (v.rowSpan && v.rowSpan > 1) pending.push({ col, left: v.rowSpan - 1, span });
      placed.push({ col, span, cell: v });
      col += span;
    }
    fillContinuations();
    return placed;
  });
}

function gridRows(rows: Placed[][], header: boolean, keepWithNext: (rowIndex: number) => boolean): TableRow[] {
  return rows.map((row, rowIndex) => {
    const keepNext = keepWithNext(rowIndex);
    const cells = row.map(({ span, cell: v }) =>
      v
        ? new TableCell({
            children: [new Paragraph({ keepNext, alignment: ALIGN[v.align ?? (header ? "center" : "left")], children: [text(v.text, { bold: header || v.bold, size: 18 })] })],
            columnSpan: span > 1 ? span : undefined,
            verticalMerge: v.rowSpan && v.rowSpan > 1 ? VerticalMergeType.RESTART : undefined,
            shading: header ? { type: ShadingType.CLEAR, fill: "E8E8E8", color: "auto" } : undefined,
            borders: BORDERS,
          })
        : new TableCell({ children: [new Paragraph({ keepNext })], verticalMerge: VerticalMergeType.CONTINUE, columnSpan: span > 1 ? span : undefined, borders: BORDERS }),
    );
    return new TableRow({ children: cells, tableHeader: header, cantSplit: true });
  });
}

/** The text width between the page margins, in twips. */
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const longestWord = (t: string) => Math.max(0, ...t.split(/\s+/).map((w) => w.length));

/** Twips per character of 9 pt table text (digits and bold included); a cell's left and right margin, and both with the border. */
const CHAR = 105;
const CELL_MARGIN = 57;
const PADDING = 2 * CELL_MARGIN + 40;

/**
 * Column widths from the cells' text (without them LibreOffice and WPS split the page into equal columns and
 * break a long name letter by letter). Every column first gets its longest word, so no word breaks; what is
 * left goes to the columns whose text wants more (a body cell up to 20 characters on one line; headers wrap).
 */
function columnWidths(head: Placed[][], body: Placed[][], cols: number): number[] {
  const word = Array<number>(cols).fill(2);
  const line = Array<number>(cols).fill(2);
  for (const [rows, header] of [[head, true], [body, false]] as const)
    for (const row of rows)
      for (const { col, span, cell } of row) {
        if (!cell || span > 1 || col >= cols) continue;
        word[col] = Math.max(word[col]!, longestWord(cell.text));
        if (!header) line[col] = Math.max(line[col]!, Math.min(cell.text.length, 20));
      }
  const min = word.map((w) => w * CHAR + PADDING);
  const want = line.map((l, i) => Math.max(min[i]!, l * CHAR + PADDING));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(want) <= TEXT_WIDTH) return want.map((w) => Math.floor((w * TEXT_WIDTH) / sum(want)));
  if (sum(min) >= TEXT_WIDTH) return min.map((m) => Math.floor((m * TEXT_WIDTH) / sum(min)));
  const share = (TEXT_WIDTH - sum(min)) / (sum(want) - sum(min));
  return min.map((m, i) => Math.floor(m + (want[i]! - m) * share));
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
      return [new Paragraph({ heading: HEADINGS[b.level], keepNext: true, pageBreakBefore: b.level === 1, alignment: b.level === 1 ? AlignmentType.CENTER : undefined, children: [text(b.level === 1 ? b.text.toUpperCase() : b.text, { bold: true, size: b.level === 1 ? 28 : 24 })] })];
    case "paragraph": {
      // A line of its own per line the PD wrote (lists): Word stretches a justified line that ends in a line break.
      const lines = b.text.split("\n");
      return lines.map((line, i) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: i === lines.length - 1 ? 120 : 0 }, children: [new TextRun({ text: line, font: "Times New Roman", size: 22, italics: b.italic })] }));
    }
    case "table": {
      const cols = b.head[0]?.reduce<number>((n, c) => n + (cellOf(c).colSpan ?? 1), 0) ?? 1;
      const head = placeCells(b.head);
      const rows = placeCells(b.rows.length ? b.rows : [[{ text: b.empty ?? "Belum ada data", colSpan: cols, align: "center" }]]);
      return [
        new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120 }, children: [text(b.caption, { bold: true })] }),
        // Word keeps a table on one page when every row but the last keeps with the next; the header always does.
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          margins: { left: CELL_MARGIN, right: CELL_MARGIN },
          columnWidths: columnWidths(head, rows, cols),
          rows: [...gridRows(head, true, () => true), ...gridRows(rows, false, (i) => keptWhole(b) && i < rows.length - 1)],
        }),
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
    // Word's heading styles are blue; a government report's are black.
    styles: { default: { heading1: { run: { color: "000000" } }, heading2: { run: { color: "000000" } }, heading3: { run: { color: "000000" } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ font: "Arial", size: 18, children: ["Halaman ", PageNumber.CURRENT, " dari ", PageNumber.TOTAL_PAGES] })] })] }),
        },
        children: doc.blocks.flatMap((b, i) => block(b, doc.blocks[i + 1])),
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(file));
}
