import type { ZodError } from "zod";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  service_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;
export type ErrorCode = keyof typeof ERROR_STATUS;

export type Issue = { path: string; message: string };

/** The one error type handlers throw; `app.onError` renders it as `{ error: { code, message, issues? } }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code];
  }
  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}

/** D1's transient failures (a database unreachable, overloaded or restarting): a 503 to retry, not a 500. */
export const D1_UNAVAILABLE = /Network connection lost|D1 DB is overloaded|caused object to be reset|D1 DB reset/;
export const d1Unavailable = () => new AppError("service_unavailable", "Basis data sedang tidak tersedia. Silakan coba lagi sebentar lagi.");

export const notFound = (what = "Data") => new AppError("not_found", `${what} tidak ditemukan`);

export function validationError(error: ZodError): AppError {
  const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  return new AppError("validation_failed", "Periksa kembali isian yang ditandai", issues);
}
