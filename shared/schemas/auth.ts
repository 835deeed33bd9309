import { z } from "./zod-locale";
import { emailSchema, passwordSchema, personNameSchema, idSchema } from "./common";
import { ROLES } from "../roles";

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Kata sandi wajib diisi").max(200),
});

export const acceptInvitationSchema = z.object({
  name: personNameSchema.optional(),
  password: passwordSchema.optional(),
});

export const inviteUserSchema = z.object({
  email: emailSchema,
  name: personNameSchema,
  role: z.enum(ROLES),
  pdId: idSchema.optional(),
});

export const grantRoleSchema = z.object({
  role: z.enum(ROLES),
  pdId: idSchema.optional(),
});
