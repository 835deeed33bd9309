import { predikatSakip } from "$shared/formulas/sakip";
import type { TableRow } from "./types";

/** The table as shown (filtered and sorted) to an XLSX file, numbers as numbers with 2 decimals. */
export async function downloadXlsx(rows: TableRow[], opts: { title: string; year: number; fileName: string }) {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`Peringkat ${opts.year}`, { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.addRow([opts.title]).font = { bold: true, size: 13 };
  ws.addRow([]);
  const header = ws.addRow(["Peringkat SAKIP", "Peringkat komposit", "Kode", "Nama", "Jenis", "Nilai SAKIP", "Predikat", `SAKIP ${opts.year - 1}`, "IKM", "Rata-rata capaian (%)", "Penyerapan (%)", "Skor komposit", "Catatan"]);
  header.font = { bold: true };
  for (const r of rows) {
    ws.addRow([
      r.ranks.sakip,
      r.ranks.composite,
      r.code,
      r.name,
      r.kindLabel,
      r.values.sakip,
      r.values.sakip === null ? null : predikatSakip(r.values.sakip),
      r.previous.sakip,
      r.values.ikm,
      r.values.capaian,
      r.values.penyerapan,
      r.composite.value,
      r.composite.partial && r.composite.value !== null ? "komposit dari angka yang tersedia" : r.note,
    ]);
  }
  for (const col of [6, 8, 9, 10, 11, 12]) ws.getColumn(col).numFmt = "0.00";
  ws.getColumn(4).width = 48;
  ws.getColumn(13).width = 36;
  ws.views = [{ state: "frozen", ySplit: 3 }];
  const buffer = await wb.xlsx.writeBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  const a = Object.assign(document.createElement("a"), { href: url, download: opts.fileName });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
