import { z } from "./zod-locale";
import { tenantCodeSchema, emailSchema, personNameSchema } from "./common";
import { capaianBandsSchema, DEFAULT_CAPAIAN_BANDS } from "../formulas/capaian";
import { DEFAULT_RANKING_WEIGHTS, rankingWeightsSchema } from "./evaluation";

export { TENANT_KINDS, TENANT_KIND_LABELS, type TenantKind } from "../kinds";
import { TENANT_KINDS } from "../kinds";

/** Per-tenant computation choices (DOMAIN.md §4–§6). */
export const tenantSettingsSchema = z.object({
  negativePolarityMethod: z.enum(["2T-R", "T/R"]),
  efisiensiMode: z.enum(["difference", "clamped"]),
  ikmWeightMode: z.enum(["exact", "legacy_0_111"]),
  capaianBands: capaianBandsSchema,
  /** A kabupaten/kota opts in before its provinsi may rank it (DOMAIN.md §1). */
  shareWithProvinsi: z.boolean(),
  /** Opt-in to the platform's national comparison table (published aggregates only). */
  shareNationally: z.boolean(),
  /** Weights of the ranking's composite score (evaluation module). */
  rankingWeights: rankingWeightsSchema,
  /** Tenant admins and evaluators must sign in with a second step (TOTP). */
  requireTwoFactor: z.boolean(),
  /** Where the pemda signs its documents, written before the date as in the seeds: "Samarinda, Februari 2022". */
  signingPlace: z.string().trim().max(60, "Paling banyak 60 karakter"),
});
export type TenantSettings = z.infer<typeof tenantSettingsSchema>;
export const tenantSettingsPatchSchema = tenantSettingsSchema.partial();

/** The rules' defaults: 2T−R for negative polarity, plain difference efisiensi, IKM weight 1/9, Permendagri 86/2017 bands. */
export const DEFAULT_TENANT_SETTINGS: TenantSettings = {
  negativePolarityMethod: "2T-R",
  efisiensiMode: "difference",
  ikmWeightMode: "exact",
  capaianBands: [...DEFAULT_CAPAIAN_BANDS],
  shareWithProvinsi: false,
  shareNationally: false,
  rankingWeights: { ...DEFAULT_RANKING_WEIGHTS },
  requireTwoFactor: false,
  signingPlace: "",
};

export const createTenantSchema = z
  .object({
    code: tenantCodeSchema,
    name: z.string().trim().min(3).max(120),
    kind: z.enum(TENANT_KINDS),
    parentCode: tenantCodeSchema.optional(),
    adminEmail: emailSchema,
    adminName: personNameSchema,
  })
  .superRefine((t, ctx) => {
    const isProvinsiCode = !t.code.includes(".");
    if (t.kind === "provinsi" && !isProvinsiCode)
      ctx.addIssue({ code: "custom", path: ["code"], message: "Kode provinsi terdiri dari dua angka, mis. 35" });
    if (t.kind !== "provinsi" && isProvinsiCode)
      ctx.addIssue({ code: "custom", path: ["code"], message: "Kode kabupaten/kota seperti 35.16" });
    if (t.kind !== "provinsi" && t.parentCode && !t.code.startsWith(`${t.parentCode}.`))
      ctx.addIssue({ code: "custom", path: ["parentCode"], message: "Kode kabupaten/kota harus diawali kode provinsinya" });
    if (t.kind === "provinsi" && t.parentCode)
      ctx.addIssue({ code: "custom", path: ["parentCode"], message: "Provinsi tidak memiliki induk" });
  });

export const updateTenantSchema = z.object({
  name: z.string().trim().min(3).max(120).optional(),
  status: z.enum(["active", "suspended"]).optional(),
});
