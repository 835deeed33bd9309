import { z } from "./zod-locale";

export const idSchema = z.string().min(1).max(64);
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Alamat email tidak valid" }).max(254));
export const personNameSchema = z.string().trim().min(2, "Nama minimal 2 huruf").max(120);
export const passwordSchema = z
  .string()
  .min(10, "Kata sandi minimal 10 karakter")
  .max(200, "Kata sandi terlalu panjang");

/** Kemendagri region code: `35` (provinsi) or `35.16` (kabupaten/kota). */
export const tenantCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{2}(\.\d{2})?$/, "Kode wilayah harus seperti 35 (provinsi) atau 35.16 (kabupaten/kota)");

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export type ApiErrorBody = {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
};
