// Demo documents on the public portal (issue 9). R2 cannot be seeded by SQL, so each document is a small
// one-page PDF made here: its row goes into the seed SQL and its bytes into the local DOCUMENTS bucket
// (scripts/local-db.mjs). The PDFs say plainly that they are demo stand-ins; the full reports are made in
// the app's Laporan module. The SAKIP history on the portal comes from evaluation.mjs.
import { createHash } from "node:crypto";

const WIB = 7 * 3600_000;
const at = (isoDateTimeWib) => Date.parse(`${isoDateTimeWib}Z`) - WIB;

/** Kaltim: Biro Organisasi's LKjIP 2021 (seed 002) on time, its PK 2022 late; a Rencana Aksi still unpublished. Jatim: Biro Adpim. */
export const DEMO_DOCUMENTS = [
  { id: "demo-doc-64-lkjip-2021", tenant: "64", pd: "Biro Organisasi", year: 2021, kind: "lkjip", title: "LKjIP Biro Organisasi Setda Prov. Kalimantan Timur Tahun 2021", filename: "LKjIP-2021-Biro-Organisasi-Kaltim.pdf", publishedAt: at("2022-02-25T10:00:00") },
  { id: "demo-doc-64-pk-2022", tenant: "64", pd: "Biro Organisasi", year: 2022, kind: "pk", title: "Perjanjian Kinerja Biro Organisasi Tahun 2022", filename: "PK-2022-Biro-Organisasi-Kaltim.pdf", publishedAt: at("2022-02-10T09:00:00") },
  { id: "demo-doc-64-ra-2022", tenant: "64", pd: "Biro Organisasi", year: 2022, kind: "rencana_aksi", title: "Rencana Aksi Biro Organisasi Tahun 2022", filename: "Rencana-Aksi-2022-Biro-Organisasi.pdf", publishedAt: null },
  { id: "demo-doc-35-lkjip-2020", tenant: "35", pd: "Biro Administrasi Pimpinan", year: 2020, kind: "lkjip", title: "LKjIP Biro Administrasi Pimpinan Setda Prov. Jawa Timur Tahun 2020", filename: "LKjIP-2020-Biro-Adpim-Jatim.pdf", publishedAt: at("2021-02-26T14:00:00") },
];

const pdfText = (s) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/** A valid one-page A4 PDF with a title and a few lines of Helvetica text (xref offsets computed). */
export function onePagePdf(title, lines) {
  const text = [`BT /F1 15 Tf 56 780 Td (${pdfText(title)}) Tj /F1 11 Tf`, ...lines.map((l) => `0 -20 Td (${pdfText(l)}) Tj`), "ET"].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets = objects.map((body, i) => {
    const offset = Buffer.byteLength(out, "latin1");
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const bytesOf = (d) =>
  onePagePdf(d.title, [
    "Dokumen contoh untuk demo Akuntabel (bukan dokumen resmi).",
    "Laporan lengkap dengan tabel dari data dibuat di menu Laporan,",
    "lalu diterbitkan ke portal publik dari menu Dokumen & Publikasi.",
  ]);

/** The demo files with their R2 keys, for the local DOCUMENTS bucket. */
export function portalFiles({ tenantId }) {
  return DEMO_DOCUMENTS.map((d) => ({ key: `${tenantId(d.tenant)}/${d.id}/${d.filename}`, bytes: bytesOf(d) }));
}

/** Rows for `demoSql`: one documents row per demo file (same key and sha256 as the bytes). */
export function portalSql({ now, tenantId, pdId, row }) {
  return DEMO_DOCUMENTS.map((d) => {
    const bytes = bytesOf(d);
    return row("documents", {
      id: d.id, tenant_id: tenantId(d.tenant), pd_id: pdId(d.tenant, d.pd), year: d.year, kind: d.kind, period: null, title: d.title,
      source: "uploaded", format: "pdf", content_type: "application/pdf", filename: d.filename, r2_key: `${tenantId(d.tenant)}/${d.id}/${d.filename}`,
      size_bytes: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex"), data_version: null,
      created_by: null, created_at: Math.min(now, d.publishedAt ?? now), published_at: d.publishedAt, published_by: null,
    });
  });
}
