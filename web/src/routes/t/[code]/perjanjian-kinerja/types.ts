// Response shapes of worker/routes/{perjanjian-kinerja,realisasi,anggaran,laporan-triwulan}.ts.
import type { Disposition, PkStatus, RealisasiStatus, ReportStatus } from "$shared/schemas/performance";

export type Flagged = { value: number | null; flags: string[] };

export type PkSummary = {
  id: string;
  pdId: string;
  pdName: string;
  year: number;
  jabatanId: string | null;
  jabatanName: string | null;
  version: number;
  effectiveDate: string;
  reason: string | null;
  status: PkStatus;
};
export type PkItem = {
  id: string;
  kind: "indicator" | "program";
  nodeId: string;
  nodeName: string;
  indicatorId: string | null;
  indicatorName: string | null;
  satuan: string | null;
  target: string | null;
  targetNum: number | null;
  anggaran: number | null;
};
export type PkDetail = PkSummary & {
  items: PkItem[];
  signatory: { jabatanName: string | null; holderName: string | null; holderNip: string | null };
  versions: { id: string; version: number; status: PkStatus; effectiveDate: string; reason: string | null }[];
  canEdit: boolean;
  canApprove: boolean;
};
export type PkDiff = {
  previous: { id: string; version: number; effectiveDate: string } | null;
  rows: { key: string; kind: "indicator" | "program"; sasaran: string; name: string; before: string | null; after: string | null; change: "added" | "removed" | "changed" | "same" }[];
};

export type Cell = {
  period: number;
  id: string | null;
  version: number;
  value: string | null;
  valueNum: number | null;
  status: RealisasiStatus | null;
  explanation: string | null;
  evidenceUrl: string | null;
  capaianManual: number | null;
  evidence: { id: string; filename: string; contentType: string; size: number }[];
  capaian: Flagged;
  capaianTw: Flagged | null;
};
export type IndicatorRow = {
  indicatorId: string;
  name: string;
  satuan: string | null;
  kind: "numeric" | "categorical" | "text";
  scale: string[];
  target: string | null;
  twTargets: ({ period: number; text: string; num: number | null; cumulative: boolean } | null)[];
  cells: Cell[];
  annual: {
    value: string | null;
    valueNum: number | null;
    status: RealisasiStatus | null;
    capaian: Flagged;
    predikat: string | null;
    previous: number | null;
    yoy: Flagged | null;
    renstraTarget: string | null;
    vsRenstra: Flagged | null;
  };
};
export type Kinerja = {
  pd: { id: string; name: string };
  year: number;
  pk: { id: string; version: number; status: PkStatus; effectiveDate: string } | null;
  reports: { period: number; id: string | null; status: ReportStatus | "draft"; lastDisposition: Disposition | null }[];
  sasaran: { nodeId: string; name: string; capaian: number | null; capaianTw: (number | null)[]; predikat: string | null; indicators: IndicatorRow[] }[];
  capaian: number | null;
};

export type Absorption = { pagu: number; realisasi: number; percent: number | null; sisa: number; flags: string[] };
export type BudgetLine = Absorption & {
  id: string;
  level: string;
  code: string | null;
  name: string;
  sasaranId: string | null;
  jenis: "operasi" | "modal";
  paguMurni: number;
  paguPerubahan: number | null;
  realisasiTw: number[];
  fisikTw: (number | null)[];
  version: number;
};
export type Anggaran = {
  year: number;
  mode: "difference" | "clamped";
  lines: BudgetLine[];
  byJenis: (Absorption & { jenis: "operasi" | "modal" })[];
  total: Absorption & { paguMurni: number };
  efisiensi: {
    rows: { sasaranId: string; name: string; capaianKinerja: number; capaianAnggaran: number; efisiensi: number }[];
    summary: { meanCapaianKinerja: number; capaianAnggaranTotal: number; efisiensi: number } | null;
  };
};

export type Report = { id: string; pdId: string; pdName: string; year: number; period: number; status: ReportStatus; round: number; lastDisposition: string | null; updatedAt: number };
export type ReportDetail = Report & {
  events: { id: string; kind: "submit" | "disposition" | "note"; disposition: string | null; indicatorId: string | null; note: string | null; userName: string | null; createdAt: number }[];
  canReview: boolean;
  canSubmit: boolean;
};
export type Inbox = {
  counts: Record<"pk_approval" | "pk_draft" | "report_review" | "report_revision", number>;
  items: { kind: "pk_approval" | "pk_draft" | "report_review" | "report_revision"; id: string; pdName: string; year: number; period: number | null; label: string }[];
};
