import { z } from "./zod-locale";
import { ESELON, nipProblem, UNIT_KINDS } from "../organisation";

export { ESELON, ESELON_LABELS, nipProblem, UNIT_KIND_LABELS, UNIT_KINDS, type Eselon, type UnitKind } from "../organisation";

export const nipSchema = z
  .string()
  .transform((s) => s.replace(/\s+/g, ""))
  .superRefine((nip, ctx) => {
    const problem = nipProblem(nip);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Tanggal harus TTTT-BB-HH").refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}, "Tanggal tidak valid");

const unitCode = z
  .string()
  .trim()
  .min(1, { error: "Kode wajib diisi", abort: true })
  .max(40)
  .regex(/^[0-9A-Za-z.\-]+$/, "Kode hanya angka, huruf, titik dan tanda hubung");

export const orgUnitInputSchema = z.object({
  code: unitCode,
  name: z.string().trim().min(3, "Nama minimal 3 huruf").max(200),
  kind: z.enum(UNIT_KINDS),
  eselon: z.enum(ESELON),
  parentId: z.string().max(64).nullable().default(null),
});
export const orgUnitPatchSchema = z.object({
  code: unitCode.optional(),
  name: z.string().trim().min(3, "Nama minimal 3 huruf").max(200).optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  eselon: z.enum(ESELON).optional(),
  /** null moves the unit to the top of its PD's tree. */
  parentId: z.string().max(64).nullable().optional(),
  active: z.boolean().optional(),
});

export const jabatanInputSchema = z.object({
  pdId: z.string().min(1).max(64),
  unitId: z.string().max(64).nullable().default(null),
  name: z.string().trim().min(3, "Nama jabatan minimal 3 huruf").max(200),
  eselon: z.enum(ESELON),
  isHead: z.boolean().default(false),
});
export const jabatanPatchSchema = z.object({
  name: z.string().trim().min(3, "Nama jabatan minimal 3 huruf").max(200).optional(),
  eselon: z.enum(ESELON).optional(),
  active: z.boolean().optional(),
});

export const holderInputSchema = z.object({
  name: z.string().trim().min(2, "Nama minimal 2 huruf").max(160),
  nip: nipSchema,
  validFrom: isoDateSchema,
});
