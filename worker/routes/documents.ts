import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { and, count, desc, eq, isNotNull, isNull, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { AppEnv } from "../env";
import { tenantDb, type Db } from "../db/client";
import { documents, perangkatDaerah } from "../db/schema";
import { AppError, notFound } from "../errors";
import { errors, ok, tenantParams } from "../openapi";
import { canActForPd, requireRole } from "../middleware/tenant";
import { audit } from "../audit";
import { batchIfChanged } from "../db/guarded-batch";
import { downloadResponse, dueDatesFor, findDocument, lkjipStatus, storeDocument, timelinessOf, type DocumentRow } from "../data/documents";
import { DOCUMENT_MAX_BYTES, documentListQuerySchema, documentOut, documentUploadQuerySchema, lkjipStatusOut, UPLOAD_FORMATS, type UploadFormat } from "../../shared/schemas/documents";
import type { Role } from "../../shared/roles";

/** A tenant's documents: list, upload, download, delete, and publication on its public portal. */
export const documentRoutes = new OpenAPIHono<AppEnv>();

const TAG = ["dokumen"];
/** Operators and heads handle their PD's files; only a head (or the tenant admin) puts them in front of the public. */
const EDITORS: Role[] = ["tenant_admin", "agency_admin", "agency_head"];
const PUBLISHERS: Role[] = ["tenant_admin", "agency_head"];

type DocumentOut = z.infer<typeof documentOut>;

export function toDocumentOut(r: DocumentRow, pdName: string | null, dueDates: Map<string, string>): DocumentOut {
  return {
    id: r.id,
    pdId: r.pdId,
    pdName,
    year: r.year,
    kind: r.kind,
    period: r.period,
    title: r.title,
    source: r.source,
    format: r.format,
    filename: r.filename,
    sizeBytes: r.sizeBytes,
    dataVersion: r.dataVersion,
    createdAt: r.createdAt,
    publishedAt: r.publishedAt,
    timeliness: timelinessOf(r, dueDates),
  };
}

/** A PD's document needs a role for that PD; a tenant-wide one (no PD) needs the tenant admin. */
function assertMayAct(c: Context<AppEnv>, roles: Role[], pdId: string | null, what: string) {
  const allowed = pdId === null ? c.get("grants").some((g) => g.role === "tenant_admin") : canActForPd(c.get("grants"), roles, pdId);
  if (!allowed) throw new AppError("forbidden", `Anda tidak dapat ${what} dokumen ${pdId === null ? "tingkat pemda" : "perangkat daerah ini"}`);
}

async function pdNameOf(db: Db, tenantId: string, pdId: string | null) {
  if (pdId === null) return null;
  const pd = await db.select({ name: perangkatDaerah.name }).from(perangkatDaerah).where(and(eq(perangkatDaerah.tenantId, tenantId), eq(perangkatDaerah.id, pdId))).get();
  if (!pd) throw notFound("Perangkat daerah");
  return pd.name;
}

async function documentDetail(db: Db, tenantId: string, row: DocumentRow) {
  const [pdName, dueDates] = await Promise.all([pdNameOf(db, tenantId, row.pdId), dueDatesFor(db, tenantId, [row])]);
  return toDocumentOut(row, pdName, dueDates);
}

const docParams = tenantParams.extend({ documentId: z.string().max(64) });

documentRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/documents",
    tags: TAG,
    summary: "Documents of the tenant (generated and uploaded), filtered by year, PD, kind and publication; newest first",
    request: { params: tenantParams, query: documentListQuerySchema },
    responses: { 200: ok(z.object({ items: z.array(documentOut), total: z.number() })), ...errors },
  }),
  async (c) => {
    const tenantId = c.get("tenant").id;
    const { year, pdId, kind, published, limit, offset } = c.req.valid("query");
    const filters: SQL[] = [eq(documents.tenantId, tenantId)];
    if (year) filters.push(eq(documents.year, year));
    if (pdId) filters.push(eq(documents.pdId, pdId));
    if (kind) filters.push(eq(documents.kind, kind));
    if (published !== undefined) filters.push(published ? isNotNull(documents.publishedAt) : isNull(documents.publishedAt));
    const where = and(...filters);
    const db = tenantDb(c);
    const [rows, total] = await db.batch([
      db
        .select({ d: documents, pdName: perangkatDaerah.name })
        .from(documents)
        .leftJoin(perangkatDaerah, eq(perangkatDaerah.id, documents.pdId))
        .where(where)
        .orderBy(desc(documents.year), desc(documents.createdAt))
        .limit(limit)
        .offset(offset),
      db.select({ n: count() }).from(documents).where(where),
    ]);
    const dueDates = await dueDatesFor(tenantDb(c), tenantId, rows.map((r) => r.d));
    return c.json({ items: rows.map((r) => toDocumentOut(r.d, r.pdName, dueDates)), total: total[0]?.n ?? 0 }, 200);
  },
);

documentRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/documents/lkjip-status",
    tags: TAG,
    summary: "Each active PD's LKjIP of a year: published on time, late, or not yet due (against the tenant's LKjIP deadline)",
    request: { params: tenantParams, query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }) },
    responses: { 200: ok(lkjipStatusOut), ...errors },
  }),
  async (c) => c.json(await lkjipStatus(tenantDb(c), c.get("tenant").id, c.req.valid("query").year), 200),
);

/** The app-wide 1 MB limit does not apply to this route, which sets its own (see worker/app.ts). */
export const isDocumentUpload = (method: string, path: string) => method === "POST" && /\/tenants\/[^/]+\/documents$/.test(path);

const MAGIC: Record<UploadFormat, { bytes: number[]; label: string }> = {
  pdf: { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], label: "PDF" }, // %PDF-
  docx: { bytes: [0x50, 0x4b, 0x03, 0x04], label: "DOCX" }, // zip
  xlsx: { bytes: [0x50, 0x4b, 0x03, 0x04], label: "XLSX" },
};
const TOO_LARGE = `Berkas terlalu besar (maks. ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB)`;

/** "../LKjIP 2021.pdf" → "LKjIP 2021.pdf"; the extension always matches the stored format. */
function cleanFilename(name: string, format: UploadFormat) {
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"]/g, "").trim() || "dokumen";
  return base.toLowerCase().endsWith(`.${format}`) ? base : `${base}.${format}`;
}

documentRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/documents",
    tags: TAG,
    summary: `Upload a document as the raw request body (PDF, DOCX, XLSX; at most ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB); metadata in the query string`,
    middleware: [requireRole(...EDITORS), bodyLimit({ maxSize: DOCUMENT_MAX_BYTES, onError: () => { throw new AppError("payload_too_large", TOO_LARGE); } })] as const,
    request: {
      params: tenantParams,
      query: documentUploadQuerySchema,
      body: { content: Object.fromEntries(Object.keys(UPLOAD_FORMATS).map((t) => [t, { schema: z.string().meta({ format: "binary" }) }])), required: true },
    },
    responses: { 201: ok(documentOut, "Dokumen tersimpan"), 413: ok(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), "Berkas terlalu besar"), ...errors },
  }),
  async (c) => {
    const tenantId = c.get("tenant").id;
    const meta = c.req.valid("query");
    const contentType = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase() as keyof typeof UPLOAD_FORMATS;
    const format = UPLOAD_FORMATS[contentType];
    if (!format) throw new AppError("unsupported_media_type", "Jenis berkas tidak diterima; unggah PDF, DOCX atau XLSX");
    if (meta.kind === "triwulan" && !meta.period) throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", [{ path: "period", message: "Pilih triwulan laporan ini" }]);
    const pdId = meta.pdId ?? null;
    assertMayAct(c, EDITORS, pdId, "mengunggah");
    const db = tenantDb(c);
    const pdName = await pdNameOf(db, tenantId, pdId);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength > DOCUMENT_MAX_BYTES) throw new AppError("payload_too_large", TOO_LARGE);
    if (bytes.byteLength === 0) throw new AppError("bad_request", "Berkas kosong");
    const magic = MAGIC[format];
    if (!magic.bytes.every((b, i) => bytes[i] === b)) throw new AppError("bad_request", `Isi berkas bukan ${magic.label} yang sah`);
    const { row, insert } = await storeDocument(c.env.DOCUMENTS, db, tenantId, c.get("user")?.id ?? null, {
      pdId,
      year: meta.year,
      kind: meta.kind,
      period: meta.kind === "triwulan" ? meta.period! : null,
      title: meta.title,
      source: "uploaded",
      format,
      filename: cleanFilename(meta.filename, format),
      dataVersion: null,
    }, bytes);
    await db.batch([insert, audit(c, db, { action: "create", entity: "document", entityId: row.id, after: { title: row.title, kind: row.kind, year: row.year, pdId, filename: row.filename, size: row.sizeBytes, sha256: row.sha256 } })]);
    return c.json(toDocumentOut(row, pdName, await dueDatesFor(tenantDb(c), tenantId, [row])), 201);
  },
);

documentRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/documents/{documentId}/file",
    tags: TAG,
    summary: "Download a document (ETag = sha256 of its bytes; If-None-Match answers 304)",
    request: { params: docParams },
    responses: { 200: { description: "Berkas", content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } } }, 304: { description: "Tidak berubah" }, ...errors },
  }),
  async (c) => {
    const row = await findDocument(tenantDb(c), c.get("tenant").id, c.req.valid("param").documentId);
    return (await downloadResponse(c.env.DOCUMENTS, row, c.req.header("if-none-match"), "private, no-cache")) as never;
  },
);

documentRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/tenants/{code}/documents/{documentId}",
    tags: TAG,
    summary: "Delete an uploaded document that is not published",
    middleware: [requireRole(...EDITORS)] as const,
    request: { params: docParams },
    responses: { 200: ok(z.object({ ok: z.literal(true) })), 409: ok(z.object({ error: z.looseObject({ code: z.string() }) }), "Sudah diterbitkan"), ...errors },
  }),
  async (c) => {
    const tenantId = c.get("tenant").id;
    const db = tenantDb(c);
    const row = await findDocument(db, tenantId, c.req.valid("param").documentId);
    assertMayAct(c, EDITORS, row.pdId, "menghapus");
    if (row.source !== "uploaded") throw new AppError("conflict", "Dokumen hasil pembuatan otomatis disimpan sebagai riwayat dan tidak dapat dihapus");
    const gone = await batchIfChanged(
      db,
      db.delete(documents).where(and(eq(documents.tenantId, tenantId), eq(documents.id, row.id), isNull(documents.publishedAt))),
      [audit(c, db, { action: "delete", entity: "document", entityId: row.id, before: { title: row.title, kind: row.kind, year: row.year, pdId: row.pdId, filename: row.filename, sha256: row.sha256 } })],
    );
    if (!gone) throw new AppError("conflict", "Dokumen sedang diterbitkan; tarik dari portal publik sebelum menghapusnya");
    await c.env.DOCUMENTS.delete(row.r2Key);
    return c.json({ ok: true as const }, 200);
  },
);

const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Publish or withdraw: a guarded update (two clicks racing publish once) with its audit row. */
async function setPublication(c: Context<AppEnv>, publish: boolean) {
  const tenantId = c.get("tenant").id;
  const db = tenantDb(c);
  const row = await findDocument(db, tenantId, c.req.param("documentId") ?? "");
  assertMayAct(c, PUBLISHERS, row.pdId, publish ? "menerbitkan" : "menarik");
  const now = Date.now();
  const set = publish ? { publishedAt: now, publishedBy: c.get("user")?.id ?? null } : { publishedAt: null, publishedBy: null };
  const changed = await batchIfChanged(
    db,
    db.update(documents).set(set).where(and(eq(documents.tenantId, tenantId), eq(documents.id, row.id), publish ? isNull(documents.publishedAt) : isNotNull(documents.publishedAt))),
    [audit(c, db, { action: "update", entity: "document_publication", entityId: row.id, before: { publishedAt: isoOrNull(row.publishedAt) }, after: { publishedAt: isoOrNull(set.publishedAt), title: row.title } })],
  );
  if (!changed) throw new AppError("conflict", publish ? "Dokumen ini sudah diterbitkan" : "Dokumen ini tidak sedang diterbitkan");
  return c.json(await documentDetail(db, tenantId, { ...row, ...set }), 200);
}

for (const [action, publish, summary] of [
  ["publish", true, "Publish the document on the tenant's public portal (publication date recorded; LKjIP/PK measured against the tenant's deadline)"],
  ["unpublish", false, "Withdraw the document from the public portal"],
] as const) {
  documentRoutes.openapi(
    createRoute({
      method: "post",
      path: `/tenants/{code}/documents/{documentId}/${action}`,
      tags: TAG,
      summary,
      middleware: [requireRole(...PUBLISHERS)] as const,
      request: { params: docParams },
      responses: { 200: ok(documentOut), 409: ok(z.object({ error: z.looseObject({ code: z.string() }) }), "Status publikasi sudah berubah"), ...errors },
    }),
    (c) => setPublication(c, publish),
  );
}
