import type { Db } from "../db/client";
import type { ReportKind } from "../../shared/schemas/reports";
import type { ReportDocument } from "./blocks";
import { lkjipDocument, lkjipTenantDocument } from "./lkjip-layout";
import { lkjipModel, type LkjipModel } from "./lkjip-model";
import { ikuDocument, ikuModel, pkDocument, pkModel, type IkuModel, type PkModel } from "./pk-iku";
import { triwulanDocument, triwulanModel, type TriwulanModel } from "./triwulan";
import { sha256Hex } from "../auth/crypto";
import type { ReportTenant } from "./tables";

// One place that knows, per document type, how to gather a PD's part and how to lay it out.
// A report is built from parts: one for a PD's document, one per PD for the pemda-wide LKjIP.

export type ReportRequest = { kind: ReportKind; pdId: string | null; year: number; period: number | null };
export type Part = LkjipModel | TriwulanModel | PkModel | IkuModel;

export function gatherPart(db: Db, tenantId: string, r: ReportRequest, pdId: string): Promise<Part> {
  switch (r.kind) {
    case "lkjip":
      return lkjipModel(db, tenantId, pdId, r.year);
    case "triwulan":
      return triwulanModel(db, tenantId, pdId, r.year, r.period ?? 4);
    case "pk":
      return pkModel(db, tenantId, pdId, r.year);
    case "iku":
      return ikuModel(db, tenantId, pdId, r.year);
  }
}

export function layout(r: ReportRequest, tenant: ReportTenant & { code: string }, parts: Part[], tenantSections: Record<string, string>): ReportDocument {
  if (r.kind === "lkjip" && !r.pdId) return lkjipTenantDocument({ tenant, year: r.year, sections: tenantSections, pds: parts as LkjipModel[] });
  const part = parts[0]!;
  switch (r.kind) {
    case "lkjip":
      return lkjipDocument(part as LkjipModel, tenant);
    case "triwulan":
      return triwulanDocument(part as TriwulanModel, tenant);
    case "pk":
      return pkDocument(part as PkModel, tenant);
    case "iku":
      return ikuDocument(part as IkuModel, tenant);
  }
}

/** The data version: a hash of everything the document was laid out from. */
export async function dataVersion(value: unknown): Promise<string> {
  return (await sha256Hex(JSON.stringify(value))).slice(0, 16);
}

const TITLES: Record<ReportKind, string> = { lkjip: "LKjIP", triwulan: "Laporan Kinerja Triwulan", pk: "Perjanjian Kinerja", iku: "Keputusan IKU" };
const TW = ["", "I", "II", "III", "IV"];

export function documentTitle(r: ReportRequest, subject: string) {
  return `${TITLES[r.kind]}${r.kind === "triwulan" ? ` ${TW[r.period ?? 4]}` : ""} ${subject} Tahun ${r.year}`;
}

export function fileName(r: ReportRequest, subject: string, ext: "docx" | "html") {
  const slug = subject.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
  return `${r.kind}-${r.year}${r.kind === "triwulan" ? `-tw${r.period ?? 4}` : ""}-${slug}.${ext}`;
}
