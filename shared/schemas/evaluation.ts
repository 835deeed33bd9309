import { z } from "./zod-locale";
import { LKE_SUB_COMPONENTS } from "../formulas/sakip";
export { defaultTemplate } from "./evaluation-criteria";
export * from "./evaluation-labels";
import { RECOMMENDATION_STATUSES, TEMPLATE_KINDS } from "./evaluation-labels";

const yearSchema = z.number().int().min(2010).max(2100);

const criterionSchema = z.object({
  id: z.string().trim().min(1).max(40).regex(/^[a-z0-9.\-]+$/, "Kode kriteria hanya huruf kecil, angka, titik, tanda hubung"),
  text: z.string().trim().min(3).max(500),
  answerType: z.enum(["YT", "AE"]),
});
const componentSchema = z.object({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(3).max(120),
  weight: z.number().positive().max(100),
  criteria: z.object({ pemenuhan: z.array(criterionSchema).max(40), kualitas: z.array(criterionSchema).max(40), pemanfaatan: z.array(criterionSchema).max(40) }),
});

/** A year's LKE: components with weights (sum 100), sub-component shares (sum 1) and criteria. */
export const templateDefinitionSchema = z
  .object({
    subShares: z.object({ pemenuhan: z.number().min(0).max(1), kualitas: z.number().min(0).max(1), pemanfaatan: z.number().min(0).max(1) }),
    components: z.array(componentSchema).min(1).max(10),
  })
  .superRefine((d, ctx) => {
    const weights = d.components.reduce((a, c) => a + c.weight, 0);
    if (Math.abs(weights - 100) > 1e-9) ctx.addIssue({ code: "custom", path: ["components"], message: `Jumlah bobot komponen harus 100 (sekarang ${weights})` });
    const shares = LKE_SUB_COMPONENTS.reduce((a, k) => a + d.subShares[k], 0);
    if (Math.abs(shares - 1) > 1e-9) ctx.addIssue({ code: "custom", path: ["subShares"], message: "Jumlah porsi sub-komponen harus 100 %" });
    const ids = new Set<string>();
    d.components.forEach((c, ci) =>
      LKE_SUB_COMPONENTS.forEach((k) =>
        c.criteria[k].forEach((cr, i) => {
          if (ids.has(cr.id)) ctx.addIssue({ code: "custom", path: ["components", ci, "criteria", k, i, "id"], message: "Kode kriteria ganda" });
          ids.add(cr.id);
        }),
      ),
    );
  });
export type TemplateDefinition = z.infer<typeof templateDefinitionSchema>;

export const createTemplateSchema = z.object({ year: yearSchema, kind: z.enum(TEMPLATE_KINDS) });
export const patchTemplateSchema = z.object({ name: z.string().trim().min(3).max(120).optional(), definition: templateDefinitionSchema.optional() });

export const createEvaluationSchema = z.object({ pdId: z.string().min(1).max(64), year: yearSchema });

const answerLetter = z.enum(["Y", "T", "A", "B", "C", "D", "E"]);
export const saveAnswersSchema = z.object({
  answers: z
    .array(
      z.object({
        criterionId: z.string().min(1).max(40),
        answer: answerLetter.nullable(),
        note: z.string().trim().max(2000).optional(),
        /** Evidence is a link for now (no file storage yet). */
        evidenceUrl: z.union([z.url({ protocol: /^https?$/, error: "Tautan bukti harus diawali http:// atau https://" }).max(1000), z.literal("")]).optional(),
      }),
    )
    .min(1)
    .max(200),
});

export const EVALUATION_ACTIONS = ["submit", "return", "finalise"] as const;
export const transitionSchema = z.object({ action: z.enum(EVALUATION_ACTIONS), note: z.string().trim().max(2000).optional() });

export const createRecommendationSchema = z.object({ componentCode: z.string().min(1).max(40), text: z.string().trim().min(5).max(4000) });
export const patchRecommendationSchema = z
  .object({ status: z.enum(RECOMMENDATION_STATUSES).optional(), followUp: z.string().trim().max(4000).optional(), text: z.string().trim().min(5).max(4000).optional() })
  .refine((p) => Object.keys(p).length > 0, "Tidak ada perubahan");

export const rankingWeightsSchema = z.object({
  sakip: z.number().min(0).max(100),
  ikm: z.number().min(0).max(100),
  capaian: z.number().min(0).max(100),
  penyerapan: z.number().min(0).max(100),
});

export const publishSchema = z.object({ year: yearSchema });
