import { z } from "./zod-locale";

export { PD_KINDS, PD_KIND_LABELS, type PdKind } from "../kinds";
import { PD_KINDS } from "../kinds";

export const perangkatDaerahInputSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, { error: "Kode wajib diisi", abort: true })
    .max(40)
    .regex(/^[0-9A-Za-z.\-]+$/, "Kode hanya angka, huruf, titik dan tanda hubung"),
  name: z.string().trim().min(3, "Nama minimal 3 huruf").max(200),
  kind: z.enum(PD_KINDS),
  headName: z.string().trim().max(120).optional(),
  active: z.boolean().default(true),
});
export const perangkatDaerahPatchSchema = perangkatDaerahInputSchema.partial();
