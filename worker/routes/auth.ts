import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { and, eq, lt } from "drizzle-orm";
import type { AppEnv } from "../env";
import { controlDb } from "../db/client";
import { loginChallenges, users, userTotp } from "../db/schema";
import { AppError } from "../errors";
import { errors, jsonBody, ok, okSchema } from "../openapi";
import { loginSchema } from "../../shared/schemas/auth";
import { DUMMY_HASH, verifyPassword } from "../auth/password";
import { createSession, endSession } from "../auth/session";
import { clear, enforceLimits, hit, loginLimits } from "../auth/rate-limit";
import { requireUser } from "../middleware/session";
import { audit } from "../audit";
import { loginTotpSchema } from "../../shared/schemas/security";
import { verifyTotp } from "../auth/totp";
import { openSecret, sealed } from "../auth/secret-box";
import { createChallenge, readChallenge, totpRequired, totpState, useRecoveryCode } from "../data/security";
import { readMe, type Me } from "../data/me";
import { readThrough, sessionMemo } from "../cache/session-cache";
import { loginResultOut, meOut } from "../../shared/schemas/responses";

export const authRoutes = new OpenAPIHono<AppEnv>();

/**
 * `{ ok: true }` with the session cookie, as before two-step sign-in existed; or, for an
 * enrolled user, `totpRequired` and a challenge for POST /auth/login/totp (no session yet);
 * or `totpEnrolmentRequired` with a session that can only reach enrolment.
 */


authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/auth/login",
    tags: ["auth"],
    summary: "Sign in with email and password; sets the session cookie",
    request: jsonBody(loginSchema),
    responses: { 200: ok(loginResultOut), ...errors, 429: errors[401] },
  }),
  async (c) => {
    const { email, password } = c.req.valid("json");
    const db = controlDb(c);
    const limits = loginLimits(email, c.req.header("cf-connecting-ip") ?? "local");
    await enforceLimits(db, limits);
    const user = await db.select().from(users).where(eq(users.email, email)).get();
    const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !valid || user.status !== "active") {
      await db.batch([hit(db, limits[0]), hit(db, limits[1])]);
      throw new AppError("unauthenticated", "Email atau kata sandi salah");
    }
    // The account limit is cleared only after the second step, so codes cannot be guessed in fresh windows.
    if ((await totpState(db, user.id))?.secret) {
      return c.json({ ok: true as const, totpRequired: true, challenge: await createChallenge(db, user.id) }, 200);
    }
    const mustEnrol = await totpRequired(db, user);
    await db.batch([clear(db, limits[0].key), audit(c, db, { action: "login", entity: "user", entityId: user.id, tenantId: null })]);
    await createSession(c, db, user.id, { totpEnrolmentRequired: mustEnrol });
    return c.json(mustEnrol ? { ok: true as const, totpEnrolmentRequired: true } : { ok: true as const }, 200);
  },
);

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/auth/login/totp",
    tags: ["auth"],
    summary: "Second sign-in step: an authenticator code (each accepted once) or an unused recovery code; sets the session cookie",
    request: jsonBody(loginTotpSchema),
    responses: { 200: ok(okSchema), ...errors, 429: errors[401] },
  }),
  async (c) => {
    const { challenge, code } = c.req.valid("json");
    const db = controlDb(c);
    const found = await readChallenge(db, challenge);
    if (!found) throw new AppError("unauthenticated", "Sesi masuk sudah kedaluwarsa. Masukkan email dan kata sandi lagi.");
    const user = await db.select().from(users).where(eq(users.id, found.userId)).get();
    const totp = await totpState(db, found.userId);
    if (!user || user.status !== "active" || !totp?.secret) throw new AppError("unauthenticated", "Sesi masuk sudah kedaluwarsa. Masukkan email dan kata sandi lagi.");
    const limits = loginLimits(user.email, c.req.header("cf-connecting-ip") ?? "local");
    await enforceLimits(db, limits);
    const step = code.includes("-") ? null : await verifyTotp(await openSecret(c.env, totp.secret, user.id), code, totp.lastStep);
    const accepted = step !== null || (code.includes("-") && (await useRecoveryCode(db, user.id, code)));
    if (!accepted) {
      await db.batch([hit(db, limits[0]), hit(db, limits[1])]);
      throw new AppError("unauthenticated", "Kode verifikasi salah atau sudah dipakai", [{ path: "code", message: "Kode salah atau sudah dipakai" }]);
    }
    // Only one request can move last_step forward past this step: a replay in flight is refused here.
    if (step !== null) {
      const moved = await db
        .update(userTotp)
        // A secret stored before encryption at rest is sealed on its first use.
        .set({ lastStep: step, secret: await sealed(c.env, totp.secret, user.id) })
        .where(and(eq(userTotp.userId, user.id), lt(userTotp.lastStep, step)))
        .returning({ userId: userTotp.userId });
      if (!moved.length) throw new AppError("unauthenticated", "Kode verifikasi salah atau sudah dipakai", [{ path: "code", message: "Kode salah atau sudah dipakai" }]);
    }
    await db.batch([
      db.delete(loginChallenges).where(eq(loginChallenges.id, found.id)),
      clear(db, limits[0].key),
      audit(c, db, { action: "login", entity: "user", entityId: user.id, tenantId: null, after: { secondStep: step !== null ? "totp" : "recovery_code" } }),
    ]);
    await createSession(c, db, user.id);
    return c.json({ ok: true as const }, 200);
  },
);

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/auth/logout",
    tags: ["auth"],
    summary: "Sign out: ends this session",
    middleware: [requireUser] as const,
    responses: { 200: ok(okSchema), ...errors },
  }),
  async (c) => {
    await endSession(c, controlDb(c), c.get("user")!.sessionId);
    return c.json({ ok: true as const }, 200);
  },
);

/**
 * The answer of /auth/me by session, beside the session itself (worker/cache/session-cache.ts): every
 * successful write in this isolate clears both, so a sign-out, a role change, a password or two-step
 * change and a notification read or received here show on the very next call; another isolate's
 * changes (and the daily cron's reminders) within SESSION_CACHE_TTL_MS.
 */
const cachedMe = sessionMemo<Me>();

authRoutes.openapi(
  createRoute({
    method: "get",
    path: "/auth/me",
    tags: ["auth"],
    summary: "The signed-in user and the tenants they can switch between",
    middleware: [requireUser] as const,
    responses: { 200: ok(meOut), ...errors },
  }),
  async (c) => {
    const user = c.get("user")!;
    return c.json((await readThrough(c, cachedMe, user.sessionId, () => readMe(c.env, controlDb(c), user)))!, 200);
  },
);
