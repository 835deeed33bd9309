import { cellOf, keptWhole, type Block, type Cell, type ReportDocument } from "./blocks";

// Print-ready HTML: A4 with page numbers in the @page margin boxes (Chromium prints them),
// table headers in <thead> so they repeat on every page, rows not split across pages, short tables kept whole.

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

const STYLE = `
@page { size: A4; margin: 2.5cm 2cm 2.5cm 2.5cm;
  @bottom-right { content: "Halaman " counter(page) " dari " counter(pages); font: 9pt Arial, sans-serif; } }
@page :first { @bottom-right { content: none; } }
body { font: 11pt/1.5 "Times New Roman", serif; color: #000; max-width: 21cm; margin: 0 auto; padding: 1rem; }
@media print { body { padding: 0; max-width: none; } }
.cover { text-align: center; font-weight: bold; font-size: 16pt; margin: 6cm 0; break-after: page; }
.cover p { margin: 0.4em 0; }
.cover p, .signature p { text-align: center; }
h1 { font-size: 14pt; text-align: center; text-transform: uppercase; break-before: page; }
h2 { font-size: 12pt; } h3 { font-size: 11pt; }
h1, h2, h3 { break-after: avoid; }
p { text-align: justify; margin: 0 0 0.6em; } p.placeholder { font-style: italic; color: #555; }
table { width: 100%; border-collapse: collapse; margin: 0.3em 0 1em; font-size: 9.5pt; }
caption { caption-side: top; font-weight: bold; text-align: center; padding-bottom: 0.3em; }
th, td { border: 1px solid #000; padding: 2px 4px; vertical-align: top; }
th { background: #e8e8e8; text-align: center; }
thead { display: table-header-group; } tr { break-inside: avoid; } table.keep { break-inside: avoid; }
td.r { text-align: right; white-space: nowrap; } td.c { text-align: center; } td.b { font-weight: bold; }
.signature { margin: 2em 0 0 55%; text-align: center; break-inside: avoid; }
.signature .name { margin-top: 4em; font-weight: bold; text-decoration: underline; }
.page-break { break-after: page; }
`;

function cell(tag: "th" | "td", c: Cell): string {
  const v = cellOf(c);
  const cls = [v.align === "right" ? "r" : v.align === "center" ? "c" : "", v.bold ? "b" : ""].filter(Boolean).join(" ");
  const attrs = `${v.colSpan ? ` colspan="${v.colSpan}"` : ""}${v.rowSpan ? ` rowspan="${v.rowSpan}"` : ""}${cls ? ` class="${cls}"` : ""}`;
  return `<${tag}${attrs}>${esc(v.text)}</${tag}>`;
}

function block(b: Block): string {
  switch (b.t) {
    case "cover":
      return `<section class="cover">${b.lines.map((l) => `<p>${esc(l)}</p>`).join("")}</section>`;
    case "heading":
      return `<h${b.level}>${esc(b.text)}</h${b.level}>`;
    case "paragraph":
      return `<p${b.italic ? ' class="placeholder"' : ""}>${esc(b.text).replace(/\n/g, "<br>")}</p>`;
    case "table": {
      const head = b.head.map((r) => `<tr>${r.map((c) => cell("th", c)).join("")}</tr>`).join("");
      const cols = b.head[0]?.reduce<number>((n, c) => n + (cellOf(c).colSpan ?? 1), 0) ?? 1;
      const rows = b.rows.length ? b.rows.map((r) => `<tr>${r.map((c) => cell("td", c)).join("")}</tr>`).join("") : `<tr><td colspan="${cols}" class="c">${esc(b.empty ?? "Belum ada data")}</td></tr>`;
      return `<table${keptWhole(b) ? ' class="keep"' : ""}><caption>${esc(b.caption)}</caption><thead>${head}</thead><tbody>${rows}</tbody></table>`;
    }
    case "signature":
      return `<div class="signature"><p>${esc(b.place)}</p><p>${esc(b.role)}</p><p class="name">${esc(b.name)}</p><p>${esc(b.nip)}</p></div>`;
    case "pageBreak":
      return `<div class="page-break"></div>`;
  }
}

export function renderHtml(doc: ReportDocument): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${esc(doc.title)}</title><style>${STYLE}</style></head><body>${doc.blocks.map(block).join("\n")}</body></html>`;
}
