import ExcelJS from "exceljs";
import { parseCsv, type ImportIssue, type RawTable } from "../../shared/import";

/**
 * ExcelJS's browser bundle (the one workerd loads) carries browserify's `process.nextTick` shim: one
 * module-wide queue drained by a setTimeout. If a request ends before that timer fires, workerd drops
 * the timer, the shim believes it is still draining, and the next request's workbook hangs forever.
 * So: one workbook at a time per isolate (a waiting request polls on its own timer), and each use
 * waits for the shim's pending drain before the request can end.
 */
let excelBusy = false;
async function exclusive<T>(work: () => Promise<T>): Promise<T> {
  while (excelBusy) await new Promise((r) => setTimeout(r, 10));
  excelBusy = true;
  try {
    return await work();
  } finally {
    await new Promise((r) => setTimeout(r, 20));
    excelBusy = false;
  }
}

const fileIssue = (message: string): ImportIssue => ({ row: null, column: null, severity: "error", message });

/** Reads an uploaded XLSX (recognised by its zip signature) or CSV into header + text rows. */
export async function readTable(bytes: ArrayBuffer, sheetName: string): Promise<{ table: RawTable | null; issues: ImportIssue[] }> {
  if (bytes.byteLength === 0) return { table: null, issues: [fileIssue("Berkas kosong")] };
  const head = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
  if (head[0] === 0x50 && head[1] === 0x4b) return exclusive(() => readXlsx(bytes, sheetName));
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { table: null, issues: [fileIssue("Berkas bukan XLSX atau CSV (UTF-8)")] };
  }
  if (text.includes("\0")) return { table: null, issues: [fileIssue("Berkas bukan XLSX atau CSV (UTF-8)")] };
  const [headers = [], ...rows] = parseCsv(text);
  return { table: { sheet: "CSV", headers, rows }, issues: [] };
}

async function readXlsx(bytes: ArrayBuffer, sheetName: string) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes);
  } catch {
    return { table: null, issues: [fileIssue("Berkas XLSX rusak atau tidak dapat dibaca")] };
  }
  const issues: ImportIssue[] = [];
  const names = wb.worksheets.map((w) => w.name);
  let ws = wb.worksheets.find((w) => w.name.trim().toLowerCase() === sheetName.toLowerCase());
  if (!ws && wb.worksheets.length === 1) {
    ws = wb.worksheets[0]!;
    issues.push({ row: null, column: null, severity: "warning", message: `Sheet "${sheetName}" tidak ada; sheet "${ws.name}" yang dibaca` });
  }
  if (!ws) return { table: null, issues: [fileIssue(`Sheet "${sheetName}" tidak ditemukan (yang ada: ${names.join(", ") || "tidak ada"})`)] };
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell.value)));
    rows[n - 1] = Array.from(cells, (c) => c ?? "");
  });
  const [headers = [], ...data] = Array.from(rows, (r) => r ?? []);
  return { table: { sheet: ws.name, headers, rows: data }, issues };
}

/** Cell value as the text a person typed; dates as YYYY-MM-DD, formulas by their result. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("result" in v) return cellText(v.result as ExcelJS.CellValue);
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("text" in v) return String(v.text);
    if ("error" in v) return String(v.error);
    return "";
  }
  return String(v);
}

/** An XLSX workbook with one sheet: bold header row, sensible widths. */
export function writeXlsx(sheetName: string, rows: string[][]): Promise<ArrayBuffer> {
  return exclusive(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  ws.columns.forEach((col, i) => (col.width = Math.min(60, Math.max(10, ...rows.slice(0, 200).map((r) => (r[i] ?? "").length + 2)))));
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
  });
}
