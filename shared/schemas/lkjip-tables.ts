import { z } from "./zod-locale";

// The data tables of the LKjIP's Bab I after seed 002: Tabel 1.1 "Jumlah Sumber Daya Manusia
// (PNS & Non-PNS)" (one row per jabatan, counted by jenis kelamin, golongan and pendidikan) and
// Tabel 1.2 "Sarana dan Prasarana Kerja". Each is kept per PD and year and saved as a whole.

export const LKJIP_TABLES = ["sdm", "sarana"] as const;
export type LkjipTableKey = (typeof LKJIP_TABLES)[number];

export const SDM_STATUS = ["pns", "honor"] as const;
export type SdmStatus = (typeof SDM_STATUS)[number];
export const SDM_STATUS_LABELS: Record<SdmStatus, string> = { pns: "PNS", honor: "Honor/PTT" };

export const GOLONGAN = ["iv", "iii", "ii", "i"] as const;
export type Golongan = (typeof GOLONGAN)[number];
export const GOLONGAN_LABELS: Record<Golongan, string> = { iv: "IV", iii: "III", ii: "II", i: "I" };

export const PENDIDIKAN = ["pascasarjana", "sarjana", "diploma", "slta", "sltp", "sd"] as const;
export type Pendidikan = (typeof PENDIDIKAN)[number];
export const PENDIDIKAN_LABELS: Record<Pendidikan, string> = { pascasarjana: "Pasca Sarjana", sarjana: "Sarjana", diploma: "Diploma", slta: "SLTA", sltp: "SLTP", sd: "SD" };

export const LKJIP_TABLE_MAX_ROWS = 100;

const count = z.number().int().min(0).max(1_000_000);
const countsOf = <K extends string>(keys: readonly K[]) => z.object(Object.fromEntries(keys.map((k) => [k, count])) as Record<K, typeof count>);

export const sdmRowSchema = z.object({
  /** A free label ("Kepala Biro", "Fungsional Umum (Pelaksana)"), in the order the table shows. */
  jabatan: z.string().trim().min(1).max(120),
  status: z.enum(SDM_STATUS),
  lakiLaki: count,
  perempuan: count,
  /** Honor/PTT staff are not civil servants and have no golongan: all zero. */
  golongan: countsOf(GOLONGAN),
  pendidikan: countsOf(PENDIDIKAN),
});
export type SdmRow = z.infer<typeof sdmRowSchema>;

export const saranaRowSchema = z.object({
  /** Empty = a further line of the item above (seed: Gedung "2 Unit (2 Lantai)" then "2.048 m²"), printed without a number. */
  uraian: z.string().trim().max(200),
  banyaknya: z.number().min(0).max(1e12).nullable(),
  satuan: z.string().trim().max(60),
  keterangan: z.string().trim().max(200),
});
export type SaranaRow = z.infer<typeof saranaRowSchema>;

/** "Sumber: …" under the table, as the seed credits its source. */
const sumber = z.string().trim().max(300);

const sdmRows = z
  .array(sdmRowSchema)
  .max(LKJIP_TABLE_MAX_ROWS)
  .superRefine((rows, ctx) => {
    rows.forEach((r, i) => {
      if (r.status === "honor" && GOLONGAN.some((g) => r.golongan[g] > 0)) ctx.addIssue({ code: "custom", path: [i, "golongan"], message: "Tenaga Honor/PTT tidak memiliki golongan" });
    });
  });

const saranaRows = z
  .array(saranaRowSchema)
  .max(LKJIP_TABLE_MAX_ROWS)
  .superRefine((rows, ctx) => {
    if (rows[0] && !rows[0].uraian) ctx.addIssue({ code: "custom", path: [0, "uraian"], message: "Baris pertama harus memiliki uraian" });
  });

/** `version` is the one the edit started from (0 = new); a stale save answers 409, as for the section texts. */
export const sdmSaveSchema = z.object({ rows: sdmRows, sumber, version: z.number().int().min(0) });
export const saranaSaveSchema = z.object({ rows: saranaRows, sumber, version: z.number().int().min(0) });
export type SdmSave = z.infer<typeof sdmSaveSchema>;
export type SaranaSave = z.infer<typeof saranaSaveSchema>;

export type LkjipTableData<R> = { rows: R[]; sumber: string; version: number; updatedAt: number | null };
export type LkjipTables = { sdm: LkjipTableData<SdmRow>; sarana: LkjipTableData<SaranaRow> };

// ---- responses (the editor's and the API's shapes; totals and warnings from shared/formulas/sdm.ts) ----

const countsOut = z.object({ lakiLaki: z.number(), perempuan: z.number(), golongan: countsOf(GOLONGAN), pendidikan: countsOf(PENDIDIKAN) });
const tableMeta = { sumber: z.string(), version: z.number(), updatedAt: z.number().nullable() };
export const sdmTableOut = z.object({
  rows: z.array(sdmRowSchema),
  ...tableMeta,
  totals: z.object({ pns: countsOut, honor: countsOut, all: countsOut, jumlah: z.object({ jenisKelamin: z.number(), golongan: z.number(), pendidikan: z.number() }) }),
  /** Rows whose column groups count different numbers of people (saved anyway). */
  warnings: z.array(z.object({ row: z.number(), path: z.string(), message: z.string() })),
});
export const saranaTableOut = z.object({ rows: z.array(saranaRowSchema), ...tableMeta });
export const lkjipTablesOut = z.object({ sdm: sdmTableOut, sarana: saranaTableOut });
export type SdmTableOut = z.infer<typeof sdmTableOut>;
export type SaranaTableOut = z.infer<typeof saranaTableOut>;
export type LkjipTablesOut = z.infer<typeof lkjipTablesOut>;
