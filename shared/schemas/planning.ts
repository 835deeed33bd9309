import { z } from "./zod-locale";
import { parseIdNumber } from "../format/number";

export const PLAN_KINDS = ["rpjmd", "renstra"] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_KIND_LABELS: Record<PlanKind, string> = { rpjmd: "RPJMD", renstra: "Renstra" };

export const NODE_LEVELS = ["visi", "misi", "tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan", "rencana_aksi"] as const;
export type NodeLevel = (typeof NODE_LEVELS)[number];
export const NODE_LEVEL_LABELS: Record<NodeLevel, string> = {
  visi: "Visi",
  misi: "Misi",
  tujuan: "Tujuan",
  sasaran: "Sasaran",
  program: "Program",
  kegiatan: "Kegiatan",
  sub_kegiatan: "Sub Kegiatan",
  rencana_aksi: "Rencana Aksi",
};

/** Which levels a plan kind holds, and the level(s) each one hangs under (null = a root of the plan). */
export const PLAN_LEVELS: Record<PlanKind, Partial<Record<NodeLevel, (NodeLevel | null)[]>>> = {
  rpjmd: { visi: [null], misi: ["visi"], tujuan: ["misi"], sasaran: ["tujuan"] },
  renstra: {
    tujuan: [null],
    sasaran: ["tujuan"],
    program: ["sasaran"],
    kegiatan: ["program"],
    sub_kegiatan: ["kegiatan"],
    // Seed 000 schedules rencana aksi under kegiatan; DOMAIN.md §2 also under sub kegiatan.
    rencana_aksi: ["sub_kegiatan", "kegiatan"],
  },
};
/** Renstra levels that name the RPJMD nodes they support. */
export const SUPPORTING_LEVELS: readonly NodeLevel[] = ["tujuan", "sasaran"];

/** Cascading (seed 000): which eselon owns a level. */
export const LEVEL_OWNER: Partial<Record<NodeLevel, string>> = {
  tujuan: "Kepala Perangkat Daerah",
  sasaran: "Kepala Perangkat Daerah",
  program: "Eselon III",
  kegiatan: "Eselon III/IV",
  sub_kegiatan: "Eselon IV",
  rencana_aksi: "Pelaksana",
};

export const POLARITIES = ["positive", "negative"] as const;
export const POLARITY_LABELS = { positive: "Positif (makin tinggi makin baik)", negative: "Negatif (makin rendah makin baik)" } as const;
export const INDICATOR_KINDS = ["numeric", "categorical", "text"] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = { numeric: "Angka", categorical: "Kategori (skala berurutan)", text: "Teks" };
export const AGGREGATIONS = ["cumulative", "sum", "average", "last"] as const;
export const AGGREGATION_LABELS = {
  cumulative: "Kumulatif (nilai TW terakhir)",
  sum: "Jumlah",
  average: "Rata-rata",
  last: "Nilai terakhir",
} as const;
export const NEGATIVE_METHODS = ["2T-R", "T/R"] as const;
export const PERIOD_LABELS = ["Tahunan", "TW I", "TW II", "TW III", "TW IV"] as const;

const isoDate = z.iso.date({ error: "Tanggal harus berformat YYYY-MM-DD" });
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).optional().nullable();
const idRef = z.string().trim().min(1).max(64);

/** When an approved plan changes: from which date, and why. Ignored while the plan is a draft. */
export const revisionSchema = z.object({
  effectiveDate: isoDate.optional(),
  reason: text(500).optional(),
});

export const planInputSchema = z.object({
  kind: z.enum(PLAN_KINDS),
  pdId: idRef.optional().nullable(),
  rpjmdPlanId: idRef.optional().nullable(),
  name: text(200).min(3, "Nama minimal 3 huruf"),
  yearFrom: z.number().int().min(2000).max(2100),
  yearTo: z.number().int().min(2000).max(2100),
});

const nodeFields = {
  parentId: idRef.optional().nullable(),
  supports: z.array(idRef).max(20).optional(),
  code: text(60).regex(/^[0-9A-Za-z.\-]*$/, "Kode hanya angka, huruf, titik dan tanda hubung").optional().nullable(),
  name: text(2000).min(3, "Uraian minimal 3 huruf"),
  ownerJabatanId: idRef.optional().nullable(),
  /** Rencana aksi: the triwulan (1–4) in which it is done. */
  schedule: z.array(z.number().int().min(1).max(4)).max(4).optional(),
  budget: z.number().int("Anggaran dalam rupiah bulat").min(0).max(1e15).optional().nullable(),
  position: z.number().int().min(0).max(100000).optional(),
};
export const nodeInputSchema = z.object({ level: z.enum(NODE_LEVELS), ...nodeFields, ...revisionSchema.shape });
export const nodePatchSchema = z.object(nodeFields).partial().extend(revisionSchema.shape);

const indicatorFields = {
  name: text(1000).min(3, "Nama indikator minimal 3 huruf"),
  satuan: text(40).min(1, "Satuan wajib diisi"),
  polarity: z.enum(POLARITIES, { error: "Pilih polaritas" }),
  negativeMethod: z.enum(NEGATIVE_METHODS).optional(),
  kind: z.enum(INDICATOR_KINDS),
  /** Categorical: the scale best first, "AA>A>BB>B>CC>C>D" or an array. */
  scale: z.union([z.array(text(40).min(1)).max(20), text(400)]).optional().nullable(),
  formulaNumerator: optionalText(1000),
  formulaDenominator: optionalText(1000),
  formulaNote: optionalText(2000),
  sumberData: optionalText(500),
  penanggungJawab: optionalText(300),
  aggregation: z.enum(AGGREGATIONS).optional(),
  isIku: z.boolean().optional(),
  position: z.number().int().min(0).max(100000).optional(),
};
export const indicatorInputSchema = z.object({ ...indicatorFields, ...revisionSchema.shape });
export const indicatorPatchSchema = z.object(indicatorFields).partial().extend(revisionSchema.shape);

export const targetInputSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  period: z.number().int().min(0).max(4),
  /** As written: "70", "81,64 %", "70 (cukup)", "5-10", "BB"; empty removes the target. */
  value: text(100),
  cumulative: z.boolean().optional(),
});
export const targetsInputSchema = z.object({ targets: z.array(targetInputSchema).min(1).max(60), ...revisionSchema.shape });

/** "AA>A>BB" or ["AA","A","BB"] → ["AA","A","BB"] (best first). */
export function parseScale(scale: string | readonly string[] | null | undefined): string[] {
  const items = typeof scale === "string" ? scale.split(/[>,;]/) : (scale ?? []);
  return items.map((s) => s.trim()).filter(Boolean);
}

export type ParsedTarget =
  | { ok: true; valueNum: number | null; valueMax: number | null; category: string | null; label: string | null }
  | { ok: false; message: string };

/** Reads a target the way the indicator's kind expects; the message names what is wrong. */
export function parseTarget(value: string, indicator: { kind: IndicatorKind; scale: readonly string[] }): ParsedTarget {
  const v = value.trim();
  if (indicator.kind === "text") return { ok: true, valueNum: null, valueMax: null, category: null, label: null };
  if (indicator.kind === "categorical") {
    const hit = indicator.scale.find((c) => c.toUpperCase() === v.toUpperCase());
    return hit
      ? { ok: true, valueNum: null, valueMax: null, category: hit, label: null }
      : { ok: false, message: `"${v}" tidak ada pada skala ${indicator.scale.join(" > ") || "(skala kosong)"}` };
  }
  const p = parseIdNumber(v);
  switch (p.kind) {
    case "number":
      return { ok: true, valueNum: p.value, valueMax: null, category: null, label: p.label ?? null };
    case "range":
      return { ok: true, valueNum: p.min, valueMax: p.max, category: null, label: p.label ?? null };
    case "category":
      return { ok: false, message: `Indikator ini berupa angka; "${v}" bukan angka` };
    default:
      return { ok: false, message: p.message };
  }
}
