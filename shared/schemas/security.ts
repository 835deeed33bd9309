import { z } from "./zod-locale";
import { emailSchema, idSchema, passwordSchema } from "./common";
import { ROLES } from "../roles";

export const totpCodeSchema = z.string().trim().regex(/^\d{6}$/, "Kode terdiri dari 6 angka");
/** A 6-digit authenticator code, or a recovery code such as `abcde-fghij`. */
export const secondStepCodeSchema = z.string().trim().toLowerCase().regex(/^(\d{6}|[a-z2-7]{5}-[a-z2-7]{5})$/, "Masukkan 6 angka dari aplikasi autentikator, atau kode pemulihan");

export const loginTotpSchema = z.object({
  challenge: z.string().min(20).max(100),
  code: secondStepCodeSchema,
});

export const confirmTotpSchema = z.object({ code: totpCodeSchema });
export const disableTotpSchema = z.object({ password: z.string().min(1, "Kata sandi wajib diisi").max(200) });

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Kata sandi lama wajib diisi").max(200),
  newPassword: passwordSchema,
});
export const requestPasswordResetSchema = z.object({ email: emailSchema });
export const resetPasswordSchema = z.object({ password: passwordSchema });

/** Resources an API token may never reach: people, access and e-mail stay with signed-in admins. */
export const TOKEN_FORBIDDEN_RESOURCES = ["users", "invitations", "api-tokens", "email-outbox", "settings"] as const;
/** `<resource>:read` or `<resource>:write`, where resource is the path segment after `/tenants/{code}/`; write includes read. */
export const tokenScopeSchema = z
  .string()
  .regex(/^[a-z0-9-]{1,40}:(read|write)$/, "Cakupan seperti perangkat-daerah:read atau perangkat-daerah:write")
  .refine((s) => !(TOKEN_FORBIDDEN_RESOURCES as readonly string[]).includes(s.split(":")[0]!), "Sumber daya ini tidak dapat dibuka dengan token API");

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(3, "Nama token minimal 3 huruf").max(80),
  role: z.enum(ROLES),
  pdId: idSchema.optional(),
  scopes: z.array(tokenScopeSchema).min(1, "Pilih minimal satu cakupan").max(30),
  expiresInDays: z.number().int().min(1).max(730).optional(),
});

export const DEADLINE_KEYS = ["realisasi-tw4", "pk", "lkjip", "realisasi-tw1", "ikm-s1", "realisasi-tw2", "realisasi-tw3", "ikm-s2"] as const;
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Tanggal seperti 2026-01-31").refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "Tanggal tidak valid");
export const deadlineYearSchema = z.coerce.number().int().min(2000).max(2100);

export const createDeadlineSchema = z.object({
  label: z.string().trim().min(3).max(120),
  dueDate: isoDateSchema,
  remindDaysBefore: z.number().int().min(0).max(60).default(7),
});
export const updateDeadlineSchema = z.object({
  label: z.string().trim().min(3).max(120).optional(),
  dueDate: isoDateSchema.optional(),
  remindDaysBefore: z.number().int().min(0).max(60).optional(),
});
