import { z } from "./zod-locale";

export const PD_KINDS = [
  "dinas",
  "badan",
  "sekretariat_daerah",
  "biro",
  "bagian",
  "inspektorat",
  "sekretariat_dprd",
  "kecamatan",
  "rsud",
  "upt",
  "satuan",
  "kantor",
  "lainnya",
] as const;
export type PdKind = (typeof PD_KINDS)[number];
export const PD_KIND_LABELS: Record<PdKind, string> = {
  dinas: "Dinas",
  badan: "Badan",
  sekretariat_daerah: "Sekretariat Daerah",
  biro: "Biro",
  bagian: "Bagian",
  inspektorat: "Inspektorat",
  sekretariat_dprd: "Sekretariat DPRD",
  kecamatan: "Kecamatan",
  rsud: "RSUD",
  upt: "UPT",
  satuan: "Satuan",
  kantor: "Kantor",
  lainnya: "Lainnya",
};

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
