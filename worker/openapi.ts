import { z } from "zod";

// Building blocks for route declarations, so every route documents the same error shape.

/** The citizens' routes (`/public/...`, no session): their writes are survey responses, frequent and anonymous. */
export const isPublicRoute = (path: string) => path.startsWith("/api/v1/public/");

const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: errorSchema } } });

export const errors = {
  400: errorResponse("Isian tidak valid"),
  401: errorResponse("Belum masuk"),
  403: errorResponse("Peran tidak mengizinkan"),
  404: errorResponse("Tidak ditemukan (juga untuk data pemda lain)"),
} as const;

export function ok<T extends z.ZodType>(schema: T, description = "Berhasil") {
  return { description, content: { "application/json": { schema } } };
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { content: { "application/json": { schema } }, required: true } };
}

export const tenantParams = z.object({ code: z.string().max(20) });
export const okSchema = z.object({ ok: z.literal(true) });
