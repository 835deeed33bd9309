// Response shapes of worker/routes/ranking.ts.
import type { SakipPredikat } from "$shared/formulas/sakip";
import type { RankingFigure, RankingWeights } from "$shared/schemas/evaluation-labels";

export type Figures = Record<RankingFigure, number | null>;
export type Ranks = Record<RankingFigure | "composite", number | null>;
export type Composite = { value: number | null; partial: boolean };
export type Distribution = {
  counts: Record<SakipPredikat, number>;
  evaluated: number;
  atLeastB: number;
  shareAtLeastB: number | null;
  average: number | null;
  averagePredikat: SakipPredikat | null;
};

export type PdRanking = {
  year: number;
  years: number[];
  weights: RankingWeights;
  available: RankingFigure[];
  rows: {
    pd: { id: string; code: string; name: string; kind: string };
    values: Figures;
    previous: Figures;
    composite: Composite;
    compositePrevious: number | null;
    ranks: Ranks;
    evaluation: { id: string; status: string } | null;
    /** Only with `?late=true`: the PD's worst lateness in days. */
    daysLate?: number;
  }[];
  summary: Distribution;
  trend: (Distribution & { year: number })[];
  lateOnly: boolean;
};

export type PemdaRanking = {
  year: number;
  years: number[];
  weights: RankingWeights;
  rows: {
    code: string;
    name: string;
    kind: "provinsi" | "kabupaten" | "kota";
    values: Figures & { sakipShareB: number | null };
    previous: Figures;
    pdCount: number | null;
    predikat: SakipPredikat | null;
    composite: Composite;
    ranks: Ranks;
    publishedAt: string | null;
  }[];
  summary: Distribution;
};

/** One row as the shared table shows it, whichever the source (PD of this pemda, or a kabupaten/kota). */
export type TableRow = {
  key: string;
  code: string;
  name: string;
  kind: string;
  kindLabel: string;
  href: string | null;
  values: Figures;
  previous: Figures;
  ranks: Ranks;
  composite: Composite;
  /** Extra line under the name (e.g. evaluation status, number of PD). */
  note: string;
  links: Partial<Record<RankingFigure, string>>;
};
