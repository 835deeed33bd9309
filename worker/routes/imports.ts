import { contentDisposition } from "../http/content-disposition";
import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { tenantDb } from "../db/client";
import { AppError } from "../errors";
import { errors, ok, tenantParams } from "../openapi";
import { requireRole } from "../middleware/tenant";
import { audit } from "../audit";
import { CHUNK_ROWS, chunkStatements, dryRun, KIND_NAMES, KINDS, type ImportContext } from "../import";
import { readTable, writeXlsx } from "../import/read";
import { matchColumns, templateRows, toCsv, type ColumnMapping } from "../../shared/import";

export const importRoutes = new OpenAPIHono<AppEnv>();

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const kindParams = tenantParams.extend({ kind: z.enum(KIND_NAMES) });
const formatQuery = z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") });
/** `?mapping={"Kode SKPD":"SKPD",…}`: expected column (header or key) → the file's header, from the mapping step. */
const mappingQuery = z.object({
  mapping: z
    .string()
    .max(4000)
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return {};
      let value: unknown;
      try {
        value = JSON.parse(s);
      } catch {
        value = null;
      }
      const parsed = z.record(z.string().max(200), z.string().max(200)).safeParse(value);
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", message: 'Pemetaan kolom harus objek JSON {"Kolom yang diharapkan": "Kolom di berkas"}' });
        return z.NEVER;
      }
      return parsed.data;
    })
    .openapi({ description: 'JSON object: expected column (header or key) → header in the file, e.g. {"Kode SKPD":"SKPD"}', type: "string" }),
});
const fileBody = {
  body: {
    description: "The spreadsheet itself: XLSX or CSV (UTF-8, delimiter , ; or tab), at most 1 MB",
    content: { [XLSX]: { schema: z.string() }, "text/csv": { schema: z.string() } },
  },
};
const fileResponse = (description: string) => ({ description, content: { [XLSX]: { schema: z.string() }, "text/csv": { schema: z.string() } } });

const issueOut = z.object({ row: z.number().nullable(), column: z.string().nullable(), severity: z.enum(["error", "warning"]), message: z.string() });
const reportOut = z.object({
  kind: z.string(),
  sheet: z.string(),
  rows: z.number(),
  errors: z.number(),
  warnings: z.number(),
  summary: z.object({ create: z.number(), update: z.number(), unchanged: z.number() }),
  issues: z.array(issueOut),
  truncated: z.boolean(),
  canCommit: z.boolean(),
  chunks: z.number(),
  columns: z.object({
    detected: z.array(z.string()),
    expected: z.array(z.object({ key: z.string(), header: z.string(), required: z.boolean(), help: z.string() })),
    suggested: z.record(z.string(), z.string().nullable()),
    exact: z.boolean(),
  }),
});

const anyImporter = requireRole("tenant_admin", "agency_admin");

function kindFor(c: Context<AppEnv>, name: string) {
  const kind = KINDS[name]!;
  if (!c.get("grants").some((g) => kind.roles.includes(g.role))) throw new AppError("forbidden", "Peran Anda tidak mengizinkan impor/ekspor data ini");
  return kind;
}

const context = (c: Context<AppEnv>): ImportContext => ({ db: tenantDb(c), tenantId: c.get("tenant").id, grants: c.get("grants"), now: Date.now() });

async function analyse(c: Context<AppEnv>, kindName: string, mapping: ColumnMapping) {
  const kind = kindFor(c, kindName);
  const { table, issues } = await readTable(await c.req.arrayBuffer(), kind.spec.sheet);
  const ctx = context(c);
  if (!table) {
    const report = { kind: kind.spec.kind, sheet: "", rows: 0, errors: issues.length, warnings: 0, summary: { create: 0, update: 0, unchanged: 0 }, issues, truncated: false, canCommit: false };
    return { ctx, kind, report, plan: { issues: [], rows: [] }, columns: matchColumns(kind.spec.columns, [], mapping) };
  }
  return { ctx, kind, ...(await dryRun(ctx, kind, table, issues, mapping)) };
}

const download = (c: Context<AppEnv>, body: string | ArrayBuffer, filename: string, type: string) =>
  c.body(body, 200, { "content-type": type, "content-disposition": contentDisposition(filename), "cache-control": "no-store" });

async function spreadsheet(c: Context<AppEnv>, format: "xlsx" | "csv", sheet: string, rows: string[][], base: string) {
  const date = new Date().toISOString().slice(0, 10);
  return format === "csv"
    ? download(c, toCsv(rows), `${base}-${date}.csv`, "text/csv; charset=utf-8")
    : download(c, await writeXlsx(sheet, rows), `${base}-${date}.xlsx`, XLSX);
}

importRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/imports/{kind}/template",
    tags: ["impor"],
    summary: "Empty spreadsheet with the kind's columns and one example row",
    middleware: [anyImporter] as const,
    request: { params: kindParams, query: formatQuery },
    responses: { 200: fileResponse("Templat"), ...errors },
  }),
  async (c) => {
    const kind = kindFor(c, c.req.valid("param").kind);
    return spreadsheet(c, c.req.valid("query").format, kind.spec.sheet, templateRows(kind.spec), `templat-${kind.spec.kind}`) as never;
  },
);

importRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/imports/{kind}/dry-run",
    tags: ["impor"],
    summary: "Validate a file and report per row and column; writes nothing",
    middleware: [anyImporter] as const,
    description: "`columns` lists the file's headers, the expected columns and a suggested mapping; send `mapping` (here and on commit) when the headers differ.",
    request: { params: kindParams, query: mappingQuery, ...fileBody },
    responses: { 200: ok(reportOut, "Laporan uji coba"), ...errors },
  }),
  async (c) => {
    const { report, plan, columns } = await analyse(c, c.req.valid("param").kind, c.req.valid("query").mapping);
    return c.json({ ...report, chunks: Math.ceil(plan.rows.length / CHUNK_ROWS), columns }, 200);
  },
);

importRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/imports/{kind}/commit",
    tags: ["impor"],
    summary: "Write one chunk of a file that passed the dry run (send chunk 0, 1, … until done)",
    description: `The file is validated again in full; chunk n writes rows n×${CHUNK_ROWS} … in one atomic D1 batch, upserting by code.`,
    middleware: [anyImporter] as const,
    request: { params: kindParams, query: mappingQuery.extend({ chunk: z.coerce.number().int().min(0).default(0) }), ...fileBody },
    responses: {
      200: ok(z.object({ chunk: z.number(), chunks: z.number(), rows: z.number(), written: z.number(), done: z.boolean() }), "Satu bagian tersimpan"),
      ...errors,
    },
  }),
  async (c) => {
    const { chunk, mapping } = c.req.valid("query");
    const { ctx, kind, report, plan } = await analyse(c, c.req.valid("param").kind, mapping);
    if (!report.canCommit) {
      throw new AppError(
        "validation_failed",
        `Berkas masih berisi ${report.errors} kesalahan; perbaiki lalu jalankan uji coba lagi`,
        report.issues.filter((i) => i.severity === "error").slice(0, 50).map((i) => ({ path: [i.row ? `baris ${i.row}` : "", i.column ?? ""].filter(Boolean).join(" · "), message: i.message })),
      );
    }
    const chunks = Math.max(1, Math.ceil(plan.rows.length / CHUNK_ROWS));
    if (chunk >= chunks) throw new AppError("bad_request", `Bagian ${chunk} tidak ada; berkas ini terdiri dari ${chunks} bagian`, [{ path: "chunk", message: `Maksimal ${chunks - 1}` }]);
    const slice = plan.rows.slice(chunk * CHUNK_ROWS, (chunk + 1) * CHUNK_ROWS);
    const written = slice.filter((r) => r.writes.length > 0).length;
    const statements = chunkStatements(ctx.db, plan, chunk);
    await ctx.db.batch([
      audit(c, ctx.db, { action: "create", entity: "import", entityId: kind.spec.kind, after: { sheet: report.sheet, chunk, chunks, rows: slice.length, written } }),
      ...statements,
    ]);
    return c.json({ chunk, chunks, rows: plan.rows.length, written, done: chunk === chunks - 1 }, 200);
  },
);

importRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/exports/{kind}",
    tags: ["impor"],
    summary: "The kind's data as XLSX or CSV, in the import columns (an export can be edited and imported back)",
    request: { params: kindParams, query: formatQuery },
    responses: { 200: fileResponse("Ekspor"), ...errors },
  }),
  async (c) => {
    const kind = KINDS[c.req.valid("param").kind]!;
    const rows = await kind.exportRows(context(c));
    return spreadsheet(c, c.req.valid("query").format, kind.spec.sheet, [kind.spec.columns.map((col) => col.header), ...rows], kind.spec.kind) as never;
  },
);
