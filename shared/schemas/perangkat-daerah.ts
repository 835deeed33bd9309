import { z } from "./zod-locale";

export { PD_KINDS, PD_KIND_LABELS, type PdKind } from "../kinds";
import { PD_KINDS } from "../kinds";

const perangkatDaerahFields = z.object({
  code: z
    .string()
    .trim()
    .min(1, { error: "Kode wajib diisi", abort: true })
    .max(40)
    .regex(/^[0-9A-Za-z.\-]+$/, "Kode hanya angka, huruf, titik dan tanda hubung"),
  name: z.string().trim().min(3, "Nama minimal 3 huruf").max(200),
  kind: z.enum(PD_KINDS),
  headName: z.string().trim().max(120).optional(),
  active: z.boolean(),
  /** Years the PD exists (e.g. a Biro formed in 2021); null = open-ended. */
  yearFrom: z.number().int().min(1945).max(2100).nullable().optional(),
  yearTo: z.number().int().min(1945).max(2100).nullable().optional(),
});
const yearsInOrder = (v: { yearFrom?: number | null; yearTo?: number | null }) => !v.yearFrom || !v.yearTo || v.yearTo >= v.yearFrom;
const yearsMessage = { message: "Tahun selesai sebelum tahun mulai", path: ["yearTo"] };
export const perangkatDaerahInputSchema = perangkatDaerahFields.extend({ active: z.boolean().default(true) }).refine(yearsInOrder, yearsMessage);
// No defaults here: a field left out of a PATCH stays as it is.
export const perangkatDaerahPatchSchema = perangkatDaerahFields.partial().refine(yearsInOrder, yearsMessage);
