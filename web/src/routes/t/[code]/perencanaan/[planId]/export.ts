// Download helpers for the pohon kinerja (SVG/PNG) and the tables (CSV/XLSX).

export function download(filename: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const cell = (v: string | number) => {
  const s = String(v);
  return /[",\n;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** CSV with a BOM so Excel reads the Indonesian text as UTF-8. */
export function downloadCsv(filename: string, header: string[], rows: (string | number)[][]) {
  const text = [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n");
  download(filename, new Blob(["\ufeff", text], { type: "text/csv;charset=utf-8" }));
}

/** One sheet with a bold header; exceljs loads only when someone exports. */
export async function downloadXlsx(filename: string, title: string, header: string[], rows: (string | number)[][], widths: number[]) {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(title.slice(0, 31));
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([]);
  const head = ws.addRow(header);
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7F0FA" } };
    c.border = { bottom: { style: "thin" } };
  });
  for (const r of rows) ws.addRow(r).alignment = { wrapText: true, vertical: "top" };
  ws.columns.forEach((col, i) => (col.width = widths[i] ?? 20));
  const buffer = await wb.xlsx.writeBuffer();
  download(filename, new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
}

/** The SVG as a standalone file (it carries its own styles as attributes). */
export function svgBlob(svg: SVGSVGElement, box: { x: number; y: number; w: number; h: number }): Blob {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.setAttribute("viewBox", `${box.x} ${box.y} ${box.w} ${box.h}`);
  copy.setAttribute("width", String(Math.ceil(box.w)));
  copy.setAttribute("height", String(Math.ceil(box.h)));
  copy.querySelectorAll("[data-noexport]").forEach((e) => e.remove());
  return new Blob([new XMLSerializer().serializeToString(copy)], { type: "image/svg+xml" });
}

export async function pngBlob(svg: Blob, w: number, h: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(svg);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    // Browsers cap canvas size; very wide trees are scaled down to fit.
    const s = Math.min(scale, 16000 / w, 16000 / h);
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(w * s);
    canvas.height = Math.ceil(h * s);
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG gagal dibuat"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}
