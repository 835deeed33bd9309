import { z } from "./zod-locale";
import { IKM_UNSUR } from "../formulas/ikm";

// IKM survey (DOMAIN.md §6): the form citizens fill in, its periods, and the service points.

export const GENDERS = ["L", "P"] as const;
export const GENDER_LABELS: Record<(typeof GENDERS)[number], string> = { L: "Laki-laki", P: "Perempuan" };
export const EDUCATIONS = ["SD", "SMP", "SMA", "D1-D3", "D4-S1", "S2", "S3"] as const;
export const EDUCATION_LABELS: Record<(typeof EDUCATIONS)[number], string> = {
  SD: "SD ke bawah", SMP: "SMP", SMA: "SMA/SMK", "D1-D3": "D1–D3", "D4-S1": "D4/S1", S2: "S2", S3: "S3",
};
export const OCCUPATIONS = ["PNS", "TNI", "POLRI", "SWASTA", "WIRAUSAHA", "PELAJAR", "LAINNYA"] as const;
export const OCCUPATION_LABELS: Record<(typeof OCCUPATIONS)[number], string> = {
  PNS: "PNS/ASN", TNI: "TNI", POLRI: "POLRI", SWASTA: "Pegawai swasta", WIRAUSAHA: "Wirausaha", PELAJAR: "Pelajar/Mahasiswa", LAINNYA: "Lainnya",
};
export const AGE_BANDS = ["<20", "20-29", "30-39", "40-49", "50-59", "60+"] as const;
export const AGE_BAND_LABELS: Record<(typeof AGE_BANDS)[number], string> = {
  "<20": "< 20 tahun", "20-29": "20–29 tahun", "30-39": "30–39 tahun", "40-49": "40–49 tahun", "50-59": "50–59 tahun", "60+": "≥ 60 tahun",
};
export function ageBand(age: number): (typeof AGE_BANDS)[number] {
  if (age < 20) return "<20";
  if (age >= 60) return "60+";
  return AGE_BANDS[Math.floor(age / 10) - 1]!;
}
/** Respondent fields counted per unit × period (ikm_respondent_tallies.field). */
export const IKM_RESPONDENT_FIELDS = ["gender", "ageBand", "education", "occupation", "service"] as const;
export type IkmRespondentField = (typeof IKM_RESPONDENT_FIELDS)[number];

// ---- Survey definition (the wording a tenant may change; the nine unsur themselves are fixed) ----

const unsurTextSchema = z.object({
  question: z.string().trim().min(5, "Pertanyaan minimal 5 huruf").max(300),
  labels: z.tuple([z.string().trim().min(1).max(60), z.string().trim().min(1).max(60), z.string().trim().min(1).max(60), z.string().trim().min(1).max(60)]),
});
const extraQuestionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,30}$/, "Kode pertanyaan: huruf kecil, angka, tanda hubung"),
  question: z.string().trim().min(5).max(300),
  /** Choices; empty = free text. */
  options: z.array(z.string().trim().min(1).max(100)).max(10).default([]),
});
export const ikmSurveyDefinitionSchema = z
  .object({
    unsur: z.array(unsurTextSchema).length(IKM_UNSUR.length, "Kuesioner harus memuat 9 unsur"),
    extraQuestions: z.array(extraQuestionSchema).max(10).default([]),
  })
  .refine((d) => new Set(d.extraQuestions.map((q) => q.id)).size === d.extraQuestions.length, {
    message: "Kode pertanyaan tambahan harus berbeda",
    path: ["extraQuestions"],
  });
export type IkmSurveyDefinition = z.infer<typeof ikmSurveyDefinitionSchema>;

/** PermenPANRB 14/2017 lampiran: the default questions and answer labels (1 → 4). */
export const DEFAULT_IKM_SURVEY: IkmSurveyDefinition = {
  unsur: [
    { question: "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?", labels: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"] },
    { question: "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?", labels: ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"] },
    { question: "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?", labels: ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"] },
    { question: "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?", labels: ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"] },
    { question: "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?", labels: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"] },
    { question: "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?", labels: ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"] },
    { question: "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?", labels: ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"] },
    { question: "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?", labels: ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"] },
    { question: "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?", labels: ["Buruk", "Cukup", "Baik", "Sangat baik"] },
  ],
  extraQuestions: [],
};

// ---- Periods ----

export const IKM_PERIOD_KINDS = ["triwulan", "semester", "tahun"] as const;
export type IkmPeriodKind = (typeof IKM_PERIOD_KINDS)[number];
const IKM_PERIOD_COUNT: Record<IkmPeriodKind, number> = { triwulan: 4, semester: 2, tahun: 1 };
const ROMAN = ["I", "II", "III", "IV"];

export const ikmPeriodInputSchema = z
  .object({
    kind: z.enum(IKM_PERIOD_KINDS),
    year: z.number().int().min(2000).max(2100),
    number: z.number().int().min(1).max(4).default(1),
  })
  .refine((p) => p.number <= IKM_PERIOD_COUNT[p.kind], { message: "Nomor periode tidak sesuai jenisnya", path: ["number"] });
export const ikmPeriodPatchSchema = z.object({ status: z.enum(["open", "closed"]) });

/** First and last calendar day (YYYY-MM-DD) of a period. */
export function ikmPeriodDates(kind: IkmPeriodKind, year: number, number: number): { startsOn: string; endsOn: string } {
  const months = 12 / IKM_PERIOD_COUNT[kind];
  const first = (number - 1) * months + 1;
  const last = first + months - 1;
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, "0");
  return { startsOn: `${year}-${mm(first)}-01`, endsOn: `${year}-${mm(last)}-${lastDay}` };
}

/** "Triwulan III 2026", "Semester I 2026", "Tahun 2026". */
export function ikmPeriodLabel(p: { kind: IkmPeriodKind; year: number; number: number }): string {
  if (p.kind === "tahun") return `Tahun ${p.year}`;
  return `${p.kind === "triwulan" ? "Triwulan" : "Semester"} ${ROMAN[p.number - 1]} ${p.year}`;
}

// ---- Unit layanan ----

const populationsSchema = z
  .record(z.string().regex(/^\d{4}$/, "Tahun empat angka"), z.number().int().min(1, "Populasi minimal 1").max(1_000_000_000))
  .refine((r) => Object.keys(r).length <= 20, "Paling banyak 20 tahun");
const unitFields = z.object({
  pdId: z.string().min(1, "Pilih perangkat daerah").max(64),
  name: z.string().trim().min(3, "Nama minimal 3 huruf").max(200),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9](?:[a-z0-9-]{1,58}[a-z0-9])$/, "Tautan: 3–60 huruf kecil, angka atau tanda hubung"),
  services: z.array(z.string().trim().min(1).max(120)).max(30),
  populations: populationsSchema,
  published: z.boolean(),
  onePerDevice: z.boolean(),
  active: z.boolean(),
});
export const unitLayananInputSchema = unitFields.extend({
  services: unitFields.shape.services.default([]),
  populations: populationsSchema.default({}),
  published: z.boolean().default(true),
  onePerDevice: z.boolean().default(false),
  active: z.boolean().default(true),
});
// No defaults here: a field left out of a patch stays as it is.
export const unitLayananPatchSchema = unitFields.partial();
export type UnitLayananInput = z.infer<typeof unitLayananInputSchema>;

// ---- Citizen submission ----

// Common Indonesian/Javanese insults: a saran containing one is stored hidden until a moderator shows it.
const ABUSIVE = ["anjing", "anjir", "bangsat", "bajingan", "brengsek", "keparat", "goblok", "goblog", "tolol", "bego", "idiot", "kampret", "jancok", "jancuk", "asu", "tai", "kontol", "memek", "ngentot", "pantek"];
const ABUSIVE_RE = new RegExp(`(^|[^a-z])(${ABUSIVE.join("|")})([^a-z]|$)`);

/** True when a saran contains an insult (also spelled with digits, e.g. "4nj1ng"). */
export function looksAbusive(text: string): boolean {
  const plain = text.toLowerCase().replace(/[0134@$]/g, (c) => ({ "0": "o", "1": "i", "3": "e", "4": "a", "@": "a", $: "s" })[c]!);
  return ABUSIVE_RE.test(plain);
}

export const IKM_SARAN_MAX = 1000;
/** Faster than this is a bot, not a person reading nine questions. */
export const IKM_MIN_FILL_MS = 3000;

const answerSchema = z.number({ error: "Pilih salah satu jawaban" }).int().min(1, "Pilih jawaban 1–4").max(4, "Pilih jawaban 1–4");
export const ikmSubmissionSchema = z.object({
  idempotencyKey: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, "Kode pengiriman tidak valid"),
  version: z.number().int().min(0).max(100_000),
  answers: z.array(answerSchema, { error: "Semua 9 pertanyaan wajib dijawab" }).length(IKM_UNSUR.length, "Semua 9 pertanyaan wajib dijawab"),
  gender: z.enum(GENDERS, { error: "Pilih jenis kelamin" }),
  age: z.number({ error: "Isi usia Anda" }).int("Usia dalam tahun").min(10, "Usia minimal 10 tahun").max(110, "Usia tidak wajar"),
  education: z.enum(EDUCATIONS, { error: "Pilih pendidikan terakhir" }),
  occupation: z.enum(OCCUPATIONS, { error: "Pilih pekerjaan" }),
  service: z.string({ error: "Isi jenis layanan yang Anda terima" }).trim().min(1, "Isi jenis layanan yang Anda terima").max(120, "Jenis layanan terlalu panjang"),
  saran: z.string().trim().max(IKM_SARAN_MAX, `Saran paling banyak ${IKM_SARAN_MAX} karakter`).optional(),
  extra: z.record(z.string().max(30), z.string().trim().max(500, "Jawaban paling banyak 500 karakter")).default({}),
  /** Honeypot: a hidden field people never fill in. */
  website: z.string().max(200).optional(),
  /** Milliseconds between opening the form and sending it, measured on the device. */
  fillMs: z.number().int().min(0).max(7 * 24 * 3600 * 1000),
  /** Random id kept on the device (localStorage), for units that accept one response a day. */
  deviceId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/).optional(),
});
export type IkmSubmission = z.infer<typeof ikmSubmissionSchema>;
