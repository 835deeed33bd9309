import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { controlDb } from "../db/client";
import { readSession } from "../auth/session";
import { readApiToken } from "../auth/api-tokens";
import { AppError } from "../errors";

/** What a session still waiting for two-step enrolment may reach: sign-in and its own security settings. */
const ENROLMENT_PATHS = /^\/api\/v1\/(auth\/|account\/(security|totp\/)|health$)/;

/** What an API token may reach: its tenant's routes (checked further by tenantAccess) and the API description. */
const TOKEN_PATHS = /^\/api\/v1\/(tenants\/[^/]+|openapi\.json$|health$)/;

/** The tenant code of a `/tenants/{code}/...` request, so the session and the grants there are read in one round trip. */
function tenantCodeOf(path: string): string | undefined {
  const raw = path.match(/^\/api\/v1\/tenants\/([^/]+)/)?.[1];
  try {
    return raw === undefined ? undefined : decodeURIComponent(raw);
  } catch {
    return undefined; // malformed: tenantAccess answers it as before
  }
}

/**
 * Loads the caller for every API request: the signed-in user (or null), or, with
 * `Authorization: Bearer`, an API token that may only reach `/tenants/{code}/...` routes.
 * A token acts as a user whose id names the token (`token:<id>`), so audit rows name it.
 */
export const loadSession = createMiddleware<AppEnv>(async (c, next) => {
  const db = controlDb(c);
  const bearer = c.req.header("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    const token = await readApiToken(c, db, bearer);
    if (!TOKEN_PATHS.test(c.req.path)) throw new AppError("forbidden", "Token API hanya berlaku untuk data pemda (/tenants/{kode}/...)");
    c.set("apiToken", token);
    c.set("user", { id: `token:${token.id}`, email: "", name: `Token API: ${token.name}`, isPlatformOperator: false, sessionId: "" });
  } else {
    const user = await readSession(c, db, tenantCodeOf(c.req.path));
    if (user?.totpEnrolmentRequired && !ENROLMENT_PATHS.test(c.req.path)) {
      throw new AppError("forbidden", "Aktifkan verifikasi dua langkah terlebih dahulu (menu Akun & Keamanan)");
    }
    c.set("apiToken", null);
    c.set("user", user);
  }
  await next();
});

export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get("user")) throw new AppError("unauthenticated", "Silakan masuk terlebih dahulu");
  await next();
});

export const requirePlatformOperator = createMiddleware<AppEnv>(async (c, next) => {
  const user = c.get("user");
  if (!user) throw new AppError("unauthenticated", "Silakan masuk terlebih dahulu");
  if (!user.isPlatformOperator) throw new AppError("forbidden", "Hanya operator platform yang dapat melakukan ini");
  await next();
});
