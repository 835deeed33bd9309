// Response shapes of worker/routes/evaluations.ts.
import type { LkeAnswerType, LkeSubComponent, SakipPredikat } from "$shared/formulas/sakip";
import type { EvaluationStatus, RecommendationStatus, TemplateKind } from "$shared/schemas/evaluation-labels";

export type Criterion = { id: string; text: string; answerType: LkeAnswerType };
export type TemplateDefinition = {
  subShares: Record<LkeSubComponent, number>;
  components: { code: string; name: string; weight: number; criteria: Record<LkeSubComponent, Criterion[]> }[];
};
export type Template = { id: string; year: number; kind: TemplateKind; name: string; locked: boolean; definition: TemplateDefinition };

export type EvaluationSummary = {
  id: string;
  pd: { id: string; code: string; name: string; kind: string };
  year: number;
  status: EvaluationStatus;
  source: "lke" | "import";
  total: number | null;
  predikat: SakipPredikat | null;
  flagCount: number;
};

export type Score = {
  components: {
    code: string;
    name: string;
    weight: number;
    score: number | null;
    subComponents: { subComponent: LkeSubComponent; weight: number; score: number | null; answered: number; criteria: number }[];
  }[];
  total: number | null;
  predikat: SakipPredikat | null;
  missing: string[];
};

export type Answer = {
  criterionId: string;
  selfAnswer: string | null;
  selfNote: string | null;
  evidenceUrl: string | null;
  evaluatorAnswer: string | null;
  evaluatorNote: string | null;
};

export type Recommendation = { id: string; componentCode: string; text: string; status: RecommendationStatus; followUp: string | null; updatedAt: string };

export type EvaluationDetail = EvaluationSummary & {
  template: Template;
  componentScores: { code: string; score: number }[] | null;
  flags: string[];
  answers: Answer[];
  selfScore: Score | null;
  evaluatorScore: Score | null;
  recommendations: Recommendation[];
  can: { selfAssess: boolean; score: boolean; submit: boolean; return: boolean; finalise: boolean; recommend: boolean; followUp: boolean };
};
