import { and, eq, inArray, lt } from "drizzle-orm";
import type { Db } from "../db/client";
import { reportJobs } from "../db/schema";
import { chunk, D1_MAX_PARAMS } from "../db/chunked-insert";
import { storeDocument } from "../data/documents";
import { renderDocx } from "./docx";
import { renderHtml } from "./html";
import { dataVersion, documentTitle, fileName, gatherPart, layout, type Part, type ReportRequest } from "./registry";
import type { ReportTenant } from "./tables";
import { sectionTexts } from "./sources";

// Generation in steps, driven by the client: step i < n gathers PD i's part into R2, step n lays
// the parts out and stores the DOCX and HTML. One PD per invocation keeps a pemda-wide LKjIP of
// dozens of PD within D1's per-invocation query limit, and the client shows step / total.

export type JobRow = typeof reportJobs.$inferSelect;

export const requestOf = (job: JobRow): ReportRequest => ({ kind: job.kind, pdId: job.pdId, year: job.year, period: job.period });
const pdIdsOf = (job: JobRow): string[] => JSON.parse(job.pdIds) as string[];
const partKey = (job: JobRow, i: number) => `${job.tenantId}/jobs/${job.id}/${i}.json`;

export function newJob(tenantId: string, userId: string | null, r: ReportRequest, pdIds: string[], purpose: JobRow["purpose"]): JobRow {
  const now = Date.now();
  return {
    id: crypto.randomUUID(),
    tenantId,
    purpose,
    kind: r.kind,
    pdId: r.pdId,
    year: r.year,
    period: r.period,
    pdIds: JSON.stringify(pdIds),
    step: 0,
    // Gathering each PD, then rendering.
    total: pdIds.length + 1,
    status: "running",
    documentIds: null,
    dataVersion: null,
    createdBy: userId,
    createdAt: now,
    updatedAt: now,
  };
}

export const isRenderStep = (job: JobRow) => job.step === pdIdsOf(job).length;

/** Gathers the part of the PD this step is about and keeps it in R2 for the render step. */
export async function gatherStep(db: Db, bucket: R2Bucket, job: JobRow) {
  const pdId = pdIdsOf(job)[job.step]!;
  const part = await gatherPart(db, job.tenantId, requestOf(job), pdId);
  await bucket.put(partKey(job, job.step), JSON.stringify(part), { httpMetadata: { contentType: "application/json" } });
}

/** The data version of a document laid out from `parts` (plus, pemda-wide, the pemda's own texts). */
export async function versionOf(r: ReportRequest, parts: Part[], tenantSections: Record<string, string>) {
  return r.pdId ? dataVersion(parts[0]) : dataVersion({ sections: tenantSections, parts: await Promise.all(parts.map(dataVersion)) });
}

/** The gathered parts and (pemda-wide) the pemda's texts, with the data version they make. */
export async function readParts(db: Db, bucket: R2Bucket, job: JobRow) {
  const r = requestOf(job);
  const parts = await Promise.all(
    pdIdsOf(job).map(async (_, i) => {
      const obj = await bucket.get(partKey(job, i));
      if (!obj) throw new Error(`report part ${i} of job ${job.id} is missing`);
      return (await obj.json()) as Part;
    }),
  );
  const tenantSections = r.pdId ? {} : await sectionTexts(db, job.tenantId, "lkjip", "", r.year);
  return { parts, tenantSections, version: await versionOf(r, parts, tenantSections) };
}

/** Lays the parts out, renders DOCX and HTML and puts them in R2; returns the rows and their inserts for the caller's batch. */
export async function renderStep(db: Db, bucket: R2Bucket, tenant: ReportTenant & { code: string }, job: JobRow, userId: string | null) {
  const r = requestOf(job);
  const { parts, tenantSections, version } = await readParts(db, bucket, job);
  const doc = layout(r, tenant, parts, tenantSections);
  const subject = r.pdId ? parts[0]!.pd.name : tenant.name;
  const base = { pdId: r.pdId, year: r.year, kind: r.kind, period: r.period ? `TW${r.period}` : null, title: documentTitle(r, subject), source: "generated" as const, dataVersion: version };
  const html = new TextEncoder().encode(renderHtml(doc));
  const docx = await renderDocx(doc);
  const stored = [
    await storeDocument(bucket, db, job.tenantId, userId, { ...base, format: "docx", filename: fileName(r, subject, "docx") }, docx),
    await storeDocument(bucket, db, job.tenantId, userId, { ...base, format: "html", filename: fileName(r, subject, "html") }, html),
  ];
  return { rows: stored.map((s) => s.row), inserts: stored.map((s) => s.insert), version };
}

/** The parts are only needed until the render step has run. */
export async function dropParts(bucket: R2Bucket, job: JobRow) {
  await bucket.delete(pdIdsOf(job).map((_, i) => partKey(job, i)));
}

/** A job nobody moved on for a day was left behind (page closed mid-way); nobody will finish it. */
export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * The daily cron's clean-up of one tenant database: abandoned jobs lose their parts in R2 and their
 * row. It spans the database's tenants on purpose (maintenance, no caller); returns how many went.
 */
export async function sweepAbandonedJobs(db: Db, bucket: R2Bucket, now = Date.now()): Promise<number> {
  const left = await db
    .select()
    .from(reportJobs)
    .where(and(eq(reportJobs.status, "running"), lt(reportJobs.updatedAt, now - ABANDONED_AFTER_MS)))
    .limit(500);
  await Promise.all(left.map((job) => dropParts(bucket, job)));
  for (const ids of chunk(left.map((j) => j.id), D1_MAX_PARAMS)) await db.delete(reportJobs).where(inArray(reportJobs.id, ids));
  return left.length;
}

/** Moves the job on from the step it was read at; false when another call already did. */
export const advance = (db: Db, job: JobRow, set: Partial<JobRow>) =>
  db
    .update(reportJobs)
    .set({ ...set, updatedAt: Date.now() })
    .where(and(eq(reportJobs.tenantId, job.tenantId), eq(reportJobs.id, job.id), eq(reportJobs.step, job.step), eq(reportJobs.status, "running")));
