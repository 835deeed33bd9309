import type { ReportKind } from "$shared/schemas/reports";

// Shapes of the /laporan API (worker/routes/reports.ts).

export type Section = { key: string; label: string; hint: string; body: string; version: number; updatedAt: number | null };

export type Job = { id: string; purpose: "generate" | "check"; kind: ReportKind; pdId: string | null; year: number; period: number | null; step: number; total: number; status: "running" | "done"; documentIds: string[]; dataVersion: string | null };

export type GeneratedDoc = {
  id: string;
  title: string;
  format: string;
  filename: string;
  sizeBytes: number;
  dataVersion: string | null;
  createdAt: number;
  publishedAt: number | null;
  stale: boolean | null;
};

/** Which report the page works on; pdId "" = the pemda-wide LKjIP. */
export type Target = { kind: ReportKind; pdId: string; year: number; period: number };
