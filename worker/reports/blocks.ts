// A rendered-agnostic document: what every report layout (LKjIP, triwulan, PK, IKU) produces and
// what html.ts and docx.ts turn into files. Text is already formatted (Indonesian numbers).

export type Cell = string | { text: string; colSpan?: number; rowSpan?: number; bold?: boolean; align?: "left" | "right" | "center" };

export type Block =
  | { t: "cover"; lines: string[] }
  | { t: "heading"; level: 1 | 2 | 3; text: string }
  | { t: "paragraph"; text: string; italic?: boolean }
  | { t: "table"; caption: string; head: Cell[][]; rows: Cell[][]; empty?: string }
  | { t: "signature"; place: string; role: string; name: string; nip: string }
  | { t: "pageBreak" };

export type ReportDocument = { title: string; blocks: Block[] };

/**
 * A table with at most this many rows is kept on one page with its caption (and the heading before it):
 * the seed documents never leave a header alone at a page's foot. A longer table breaks between rows.
 */
export const keptWhole = (b: { rows: unknown[] }) => b.rows.length <= 20;

export const cellText = (c: Cell) => (typeof c === "string" ? c : c.text);
export const cellOf = (c: Cell) => (typeof c === "string" ? { text: c } : c);

/** A paragraph per blank-line-separated part of a text the PD wrote; an empty text shows what belongs there. */
export function prose(text: string | undefined, placeholder: string): Block[] {
  const parts = (text ?? "").split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return parts.length ? parts.map((p) => ({ t: "paragraph", text: p })) : [{ t: "paragraph", text: `[${placeholder}]`, italic: true }];
}

/** Column numbers row under a table header, as the seed documents number their columns. */
export const numberRow = (n: number): Cell[] => Array.from({ length: n }, (_, i) => ({ text: String(i + 1), align: "center" as const }));
