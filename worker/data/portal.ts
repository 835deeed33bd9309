import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { documents, lkeEvaluations, perangkatDaerah, publishedFigures, tenants } from "../db/schema";
import { notFound } from "../errors";
import { deadlineRows, dueDateMap, timelinessOf } from "./documents";

// The tenant's public portal (issue 9): only what the pemda put in front of the public — published
// documents, and SAKIP results of the years whose figures it published — in two database round trips.

/** Enough for years of LKjIP, PK, IKU and Renstra of every PD; the page filters by year and PD. */
const MAX_PUBLIC_DOCUMENTS = 1000;

export type PublicTenant = typeof tenants.$inferSelect;

/** An active tenant by its public code; a suspended or unknown one is not found. */
export async function publicTenant(control: Db, code: string): Promise<PublicTenant> {
  const tenant = await control.select().from(tenants).where(and(eq(tenants.code, code), eq(tenants.status, "active"))).get();
  if (!tenant) throw notFound("Pemda");
  return tenant;
}

/** Round trip 1 (control): the tenant and its published SAKIP figures. */
export async function portalControl(control: Db, code: string) {
  const [found, figures] = await control.batch([
    control.select().from(tenants).where(and(eq(tenants.code, code), eq(tenants.status, "active"))).limit(1),
    control
      .select({ year: publishedFigures.year, value: publishedFigures.value, pdCount: publishedFigures.pdCount })
      .from(publishedFigures)
      .innerJoin(tenants, eq(tenants.id, publishedFigures.tenantId))
      .where(and(eq(tenants.code, code), eq(tenants.status, "active"), eq(publishedFigures.figure, "sakip"))),
  ]);
  const tenant = found[0];
  if (!tenant) throw notFound("Pemda");
  return { tenant, figures };
}

type Control = Awaited<ReturnType<typeof portalControl>>;

/** Round trip 2 (tenant data): PD names, published documents, final SAKIP results, LKjIP/PK deadlines. */
export async function portalData(db: Db, tenantId: string, { figures }: Pick<Control, "figures">) {
  const [pds, docs, finals, due] = await db.batch([
    db.select({ id: perangkatDaerah.id, code: perangkatDaerah.code, name: perangkatDaerah.name }).from(perangkatDaerah).where(eq(perangkatDaerah.tenantId, tenantId)),
    db
      .select()
      .from(documents)
      .where(and(eq(documents.tenantId, tenantId), isNotNull(documents.publishedAt)))
      .orderBy(desc(documents.year), desc(documents.publishedAt))
      .limit(MAX_PUBLIC_DOCUMENTS),
    db
      .select({ pdId: lkeEvaluations.pdId, year: lkeEvaluations.year, total: lkeEvaluations.total, predikat: lkeEvaluations.predikat })
      .from(lkeEvaluations)
      .where(and(eq(lkeEvaluations.tenantId, tenantId), eq(lkeEvaluations.status, "final"), isNotNull(lkeEvaluations.total))),
    deadlineRows(db, tenantId),
  ]);
  const dueDates = dueDateMap(due, docs);
  // A PD's SAKIP result is public once the pemda published that year's figures.
  const publishedYears = new Set(figures.map((f) => f.year));
  const sakip = finals.filter((f) => publishedYears.has(f.year)).map((f) => ({ pdId: f.pdId, year: f.year, total: f.total!, predikat: f.predikat ?? "" }));
  const used = new Set<string>([...docs.flatMap((d) => (d.pdId ? [d.pdId] : [])), ...sakip.map((s) => s.pdId)]);
  return {
    pds: pds.filter((p) => used.has(p.id)).sort((a, b) => a.code.localeCompare(b.code, "id", { numeric: true })),
    documents: docs.map((d) => ({
      id: d.id,
      pdId: d.pdId,
      year: d.year,
      kind: d.kind,
      period: d.period,
      title: d.title,
      format: d.format,
      filename: d.filename,
      sizeBytes: d.sizeBytes,
      publishedAt: d.publishedAt!,
      timeliness: timelinessOf(d, dueDates),
    })),
    sakip: {
      tenant: [...figures].sort((a, b) => a.year - b.year),
      pd: sakip.sort((a, b) => a.year - b.year),
    },
  };
}

/** A published document of the tenant; unpublished, unknown or another tenant's is not found. */
export async function publishedDocument(db: Db, tenantId: string, id: string) {
  const row = await db.select().from(documents).where(and(eq(documents.tenantId, tenantId), eq(documents.id, id), isNotNull(documents.publishedAt))).get();
  if (!row) throw notFound("Dokumen");
  return row;
}
