// Enumerations and Indonesian labels of the Evaluation module, free of zod so the browser bundle stays small.
import { SAKIP_PREDIKAT, type SakipPredikat } from "../formulas/sakip";

/** 88/2021 has criteria and a self → evaluator flow; the older five-component sheet only carries imported totals. */
export const TEMPLATE_KINDS = ["lke2021", "legacy"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export const TEMPLATE_KIND_LABELS: Record<TemplateKind, string> = {
  lke2021: "LKE PermenPANRB 88/2021 (4 komponen)",
  legacy: "LKE lama (5 komponen, hanya nilai komponen)",
};
/** First year evaluated with PermenPANRB 88/2021; earlier years default to the five-component sheet. */
export const LKE_2021_FIRST_YEAR = 2021;

export const SAKIP_PREDIKAT_LABELS: Record<SakipPredikat, string> = {
  AA: "Sangat Memuaskan",
  A: "Memuaskan",
  BB: "Sangat Baik",
  B: "Baik",
  CC: "Cukup",
  C: "Kurang",
  D: "Sangat Kurang",
};
/** Predikat at or above B count towards the share of PD "minimal B" (seed 002 IKU). */
export const isAtLeastB = (p: SakipPredikat) => SAKIP_PREDIKAT.indexOf(p) <= SAKIP_PREDIKAT.indexOf("B");

export const EVALUATION_STATUSES = ["self_assessment", "evaluator_review", "final"] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];
export const EVALUATION_STATUS_LABELS: Record<EvaluationStatus, string> = {
  self_assessment: "Penilaian mandiri",
  evaluator_review: "Reviu evaluator",
  final: "Final",
};

export const RECOMMENDATION_STATUSES = ["open", "in_progress", "done"] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
export const RECOMMENDATION_STATUS_LABELS: Record<RecommendationStatus, string> = {
  open: "Belum ditindaklanjuti",
  in_progress: "Dalam proses",
  done: "Sudah ditindaklanjuti",
};

export const SUB_COMPONENT_LABELS = { pemenuhan: "Pemenuhan", kualitas: "Kualitas", pemanfaatan: "Pemanfaatan" } as const;
export const ANSWER_OPTIONS = { YT: ["Y", "T"], AE: ["A", "B", "C", "D", "E"] } as const;

export const RANKING_FIGURES = ["sakip", "ikm", "capaian", "penyerapan"] as const;
export type RankingFigure = (typeof RANKING_FIGURES)[number];
export const RANKING_FIGURE_LABELS: Record<RankingFigure, string> = {
  sakip: "Nilai SAKIP",
  ikm: "IKM",
  capaian: "Rata-rata capaian kinerja",
  penyerapan: "Penyerapan anggaran",
};
export type RankingWeights = { sakip: number; ikm: number; capaian: number; penyerapan: number };
export const DEFAULT_RANKING_WEIGHTS: RankingWeights = { sakip: 25, ikm: 25, capaian: 25, penyerapan: 25 };
