// Response shapes of worker/routes/plans.ts.
import type { IndicatorKind, NodeLevel, PlanKind } from "$shared/schemas/planning";

export type Plan = {
  id: string;
  kind: PlanKind;
  pdId: string | null;
  pdName: string | null;
  rpjmdPlanId: string | null;
  name: string;
  yearFrom: number;
  yearTo: number;
  status: "draft" | "approved";
  approvedAt: string | null;
};

export type Target = {
  year: number;
  period: number;
  value: string;
  valueNum: number | null;
  valueMax: number | null;
  category: string | null;
  label: string | null;
  cumulative: boolean;
  version: number;
  effectiveDate: string;
};

export type Indicator = {
  id: string;
  nodeId: string;
  name: string;
  satuan: string;
  polarity: "positive" | "negative";
  negativeMethod: "2T-R" | "T/R";
  kind: IndicatorKind;
  scale: string[];
  formulaNumerator: string | null;
  formulaDenominator: string | null;
  formulaNote: string | null;
  sumberData: string | null;
  penanggungJawab: string | null;
  aggregation: "cumulative" | "sum" | "average" | "last";
  isIku: boolean;
  position: number;
  version: number;
  effectiveDate: string;
  targets: Target[];
};

export type PlanNode = {
  id: string;
  level: NodeLevel;
  parentId: string | null;
  supports: string[];
  code: string | null;
  name: string;
  ownerJabatanId: string | null;
  ownerName: string | null;
  ownerEselon: string | null;
  schedule: number[];
  budget: number | null;
  position: number;
  version: number;
  effectiveDate: string;
  reason: string | null;
  indicators: Indicator[];
};

export type RpjmdNode = { id: string; level: NodeLevel; parentId: string | null; code: string | null; name: string };

export type PlanTree = { plan: Plan; asOf: string; nodes: PlanNode[]; rpjmd: RpjmdNode[] };

type Version = { version: number; effectiveDate: string; reason: string | null; removed: boolean; createdAt: string };
export type NodeHistory = {
  node: (Version & { name: string; code: string | null; parentId: string | null; ownerJabatanId: string | null })[];
  indicators: (Version & { indicatorId: string; name: string; satuan: string })[];
  targets: (Version & { indicatorId: string; year: number; period: number; value: string })[];
};

export type Jabatan = { id: string; name: string; eselon: string };
