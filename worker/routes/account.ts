import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { and, count, desc, eq, gt, isNull, ne } from "drizzle-orm";
import { renderSVG } from "uqr";
import { z } from "zod";
import type { AppEnv } from "../env";
import { controlDb } from "../db/client";
import { emailOutbox, notifications, passwordResets, recoveryCodes, sessions, users, userTotp } from "../db/schema";
import { AppError, notFound } from "../errors";
import { errors, jsonBody, ok, okSchema } from "../openapi";
import {
  changePasswordSchema,
  confirmTotpSchema,
  disableTotpSchema,
  requestPasswordResetSchema,
  resetPasswordSchema,
} from "../../shared/schemas/security";
import { pageQuerySchema } from "../../shared/schemas/common";
import { requirePlatformOperator, requireUser } from "../middleware/session";
import { hashPassword, verifyPassword } from "../auth/password";
import { endSession } from "../auth/session";
import { randomToken, sha256Hex } from "../auth/crypto";
import { enforceLimits, hit } from "../auth/rate-limit";
import { newTotpSecret, otpauthUri, verifyTotp } from "../auth/totp";
import { liftEnrolmentRestriction, newRecoveryCodes, totpRequired, totpState } from "../data/security";
import { listNotifications, unreadCount } from "../data/notifications";
import { emailSender } from "../notify/email";
import { openSecret, sealSecret, sealed } from "../auth/secret-box";
import { audit } from "../audit";
import { accountSecurityOut, accountSessionOut, notificationOut, outboxEmailOut } from "../../shared/schemas/responses";

export const accountRoutes = new OpenAPIHono<AppEnv>();

const RESET_TTL_MS = 60 * 60 * 1000;
const recoveryOut = z.object({ recoveryCodes: z.array(z.string()) });

/** Wrong password on a security action: refused like a wrong sign-in. */
async function checkPassword(db: ReturnType<typeof controlDb>, userId: string, password: string) {
  const row = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
  if (!row || !(await verifyPassword(password, row.hash))) {
    throw new AppError("validation_failed", "Kata sandi salah", [{ path: "password", message: "Kata sandi salah" }]);
  }
}

accountRoutes.openapi(
  createRoute({
    method: "get",
    path: "/account/security",
    tags: ["account"],
    summary: "Two-step sign-in state of the signed-in user",
    middleware: [requireUser] as const,
    responses: {
      200: ok(accountSecurityOut),
      ...errors,
    },
  }),
  async (c) => {
    const user = c.get("user")!;
    const db = controlDb(c);
    const [totp, required, left] = await Promise.all([
      totpState(db, user.id),
      totpRequired(db, user),
      db.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt))).get(),
    ]);
    return c.json(
      { totpEnabled: !!totp?.secret, totpRequired: required, totpEnrolmentRequired: !!user.totpEnrolmentRequired, recoveryCodesLeft: left?.n ?? 0 },
      200,
    );
  },
);

accountRoutes.openapi(
  createRoute({
    method: "post",
    path: "/account/totp/setup",
    tags: ["account"],
    summary: "Start enrolment: a new secret, its otpauth:// URI and QR code (confirm with a code to enable)",
    middleware: [requireUser] as const,
    responses: { 200: ok(z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() })), ...errors },
  }),
  async (c) => {
    const user = c.get("user")!;
    const db = controlDb(c);
    if ((await totpState(db, user.id))?.secret) throw new AppError("conflict", "Verifikasi dua langkah sudah aktif. Matikan dulu untuk mendaftarkan perangkat baru.");
    const secret = newTotpSecret();
    const sealed = await sealSecret(c.env, secret, user.id);
    await db
      .insert(userTotp)
      .values({ userId: user.id, pendingSecret: sealed, lastStep: 0 })
      .onConflictDoUpdate({ target: userTotp.userId, set: { pendingSecret: sealed } });
    const uri = otpauthUri(secret, user.email);
    return c.json({ secret, uri, qrSvg: renderSVG(uri, { border: 2 }) }, 200);
  },
);

accountRoutes.openapi(
  createRoute({
    method: "post",
    path: "/account/totp/confirm",
    tags: ["account"],
    summary: "Finish enrolment with a code from the app; returns recovery codes, shown only this once",
    middleware: [requireUser] as const,
    request: jsonBody(confirmTotpSchema),
    responses: { 200: ok(recoveryOut), ...errors },
  }),
  async (c) => {
    const user = c.get("user")!;
    const db = controlDb(c);
    const state = await totpState(db, user.id);
    if (!state?.pendingSecret) throw new AppError("conflict", "Mulai pendaftaran dulu: pindai kode QR yang baru");
    const step = await verifyTotp(await openSecret(c.env, state.pendingSecret, user.id), c.req.valid("json").code, 0);
    if (step === null) throw new AppError("validation_failed", "Kode tidak cocok", [{ path: "code", message: "Kode tidak cocok. Periksa jam ponsel Anda, lalu coba kode terbaru." }]);
    const { codes, statements } = await newRecoveryCodes(db, user.id);
    await db.batch([
      db.update(userTotp).set({ secret: await sealed(c.env, state.pendingSecret, user.id), pendingSecret: null, enabledAt: Date.now(), lastStep: step }).where(eq(userTotp.userId, user.id)),
      ...statements,
      liftEnrolmentRestriction(db, user.id),
      audit(c, db, { action: "update", entity: "user_totp", entityId: user.id, tenantId: null, after: { enabled: true } }),
    ]);
    return c.json({ recoveryCodes: codes }, 200);
  },
);

accountRoutes.openapi(
  createRoute({
    method: "post",
    path: "/account/totp/recovery-codes",
    tags: ["account"],
    summary: "Replace the recovery codes (needs the password); the old ones stop working",
    middleware: [requireUser] as const,
    request: jsonBody(disableTotpSchema),
    responses: { 200: ok(recoveryOut), ...errors },
  }),
  async (c) => {
    const user = c.get("user")!;
    const db = controlDb(c);
    await checkPassword(db, user.id, c.req.valid("json").password);
    if (!(await totpState(db, user.id))?.secret) throw new AppError("conflict", "Verifikasi dua langkah belum aktif");
    const { codes, statements } = await newRecoveryCodes(db, user.id);
    await db.batch([...statements, audit(c, db, { action: "update", entity: "recovery_codes", entityId: user.id, tenantId: null })]);
    return c.json({ recoveryCodes: codes }, 200);
  },
);

accountRoutes.openapi(
  createRoute({
    method: "post",
    path: "/account/totp/disable",
    tags: ["account"],
    summary: "Turn two-step sign-in off (needs the password; refused where it is required)",
    middleware: [requireUser] as const,
    request: jsonBody(disableTotpSchema),
    responses: { 200: ok(okSchema), ...errors },
  }),
  async (c) => {
    const user = c.get("user")!;
    const db = controlDb(c);
    await checkPassword(db, user.id, c.req.valid("json").password);
    if (await totpRequired(db, user)) throw new AppError("conflict", "Verifikasi dua langkah wajib untuk peran Anda dan tidak dapat dimatikan");
    await db.batch([
      db.delete(userTotp).where(eq(userTotp.userId, user.id)),
      db.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id)),
      audit(c, db, { action: "update", entity: "user_totp", entityId: user.id, tenantId: null, after: { enabled: false } }),
    ]);
    return c.json({ ok: true as const }, 200);
  },
);

/** "Chrome di Windows" from a User-Agent, enough to recognise one's own devices. */
function deviceLabel(ua: string | null): string {
  if (!ua) return "Perangkat tidak dikenal";
  const browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrom(e|ium)\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : null;
  const os = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Windows/.test(ua) ? "Windows" : /Mac OS X/.test(ua) ? "macOS" : /Linux/.test(ua) ? "Linux" : null;
  return browser && os ? `${browser} di ${os}` : (browser ?? os ?? ua.slice(0, 60));
}

/** A new password makes every reset link still out there useless. */
const endResetLinks = (db: ReturnType<typeof controlDb>, userId: string) =>
  db.update(passwordResets).set({ usedAt: Date.now() }).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));

const sessionParams = z.object({ id: z.string().regex(/^[0-9a-f]{64}$/) });

accountRoutes.openapi(
  createRoute({
    method: "get",
    path: "/account/sessions",
    tags: ["account"],
    summary: "The signed-in user's active sessions (device, last seen)",
    middleware: [requireUser] as const,
    responses: {
      200: ok(z.object({ items: z.array(accountSessionOut) })),
      ...errors,
    },
  }),
  async (c) => {
    const user = c.get("user")!;
    const rows = await controlDb(c)
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, user.id), gt(sessions.expiresAt, Date.now())))
      .orderBy(desc(sessions.lastSeenAt))
      .all();
    const items = rows.map((s) => ({
      id: s.id,
      device: deviceLabel(s.userAgent),
      userAgent: s.userAgent,
      createdAt: new Date(s.createdAt).toISOString(),
      lastSeenAt: new Date(s.lastSeenAt).toISOString(),
      current: s.id === user.sessionId,
    }));
    return c.json({ items }, 200);
  },
);

accountRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/account/sessions/{id}",
    tags: ["account"],
    summary: "Sign out one of the user's own sessions",
    middleware: [requireUser] as const,
    request: { params: sessionParams },
    responses: { 200: ok(okSchema), ...errors },
  }),
  async (c) => {
    const user = c.get("user")!;
    const db = controlDb(c);
    const { id } = c.req.valid("param");
    if (id === user.sessionId) {
      await endSession(c, db, id);
      return c.json({ ok: true as const }, 200);
    }
    const gone = await db.delete(sessions).where(and(eq(sessions.id, id), eq(sessions.userId, user.id))).returning({ id: sessions.id });
    if (!gone.length) throw notFound("Sesi");
    return c.json({ ok: true as const }, 200);
  },
);

accountRoutes.openapi(
  createRoute({
    method: "post",
    path: "/account/sessions/sign-out-others",
    tags: ["account"],
    summary: "Sign out every session of this user except the current one",
    middleware: [requireUser] as const,
    responses: { 200: ok(z.object({ ended: z.number().int() })), ...errors },
  }),
  async (c) => {
    const user = c.get("user")!;
    const gone = await controlDb(c)
      .delete(sessions)
      .where(and(eq(sessions.userId, user.id), ne(sessions.id, user.sessionId)))
      .returning({ id: sessions.id });
    return c.json({ ended: gone.length }, 200);
  },
);

accountRoutes.openapi(
  createRoute({
    method: "post",
    path: "/account/password",
    tags: ["account"],
    summary: "Change the password (needs the current one); other sessions are signed out",
    middleware: [requireUser] as const,
    request: jsonBody(changePasswordSchema),
    responses: { 200: ok(okSchema), ...errors },
  }),
  async (c) => {
    const user = c.get("user")!;
    const db = controlDb(c);
    const { currentPassword, newPassword } = c.req.valid("json");
    const row = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get();
    if (!row || !(await verifyPassword(currentPassword, row.hash))) {
      throw new AppError("validation_failed", "Kata sandi lama salah", [{ path: "currentPassword", message: "Kata sandi lama salah" }]);
    }
    await db.batch([
      db.update(users).set({ passwordHash: await hashPassword(newPassword) }).where(eq(users.id, user.id)),
      db.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, user.sessionId))),
      endResetLinks(db, user.id),
      audit(c, db, { action: "update", entity: "user_password", entityId: user.id, tenantId: null }),
    ]);
    return c.json({ ok: true as const }, 200);
  },
);

accountRoutes.openapi(
  createRoute({
    method: "post",
    path: "/auth/password-reset",
    tags: ["auth"],
    summary: "E-mail a one-time reset link (always answers the same, whether or not the account exists)",
    request: jsonBody(requestPasswordResetSchema),
    responses: { 200: ok(okSchema), ...errors, 429: errors[401] },
  }),
  async (c) => {
    const { email } = c.req.valid("json");
    const db = controlDb(c);
    const limits = [
      { key: `reset:account:${email}`, max: 3, windowMs: RESET_TTL_MS },
      { key: `reset:ip:${c.req.header("cf-connecting-ip") ?? "local"}`, max: 10, windowMs: RESET_TTL_MS },
    ];
    await enforceLimits(db, limits, "Terlalu banyak permintaan atur ulang kata sandi");
    const user = await db.select().from(users).where(and(eq(users.email, email), eq(users.status, "active"))).get();
    const counted = limits.map((l) => hit(db, l));
    if (!user) {
      await db.batch([counted[0]!, counted[1]!]);
      return c.json({ ok: true as const }, 200);
    }
    const token = randomToken();
    const now = Date.now();
    const url = `${new URL(c.req.url).origin}/reset/${token}`;
    await db.batch([
      counted[0]!,
      counted[1]!,
      db.insert(passwordResets).values({ id: await sha256Hex(token), userId: user.id, expiresAt: now + RESET_TTL_MS, createdAt: now }),
      emailSender(c.env).send(db, {
        tenantId: null,
        to: user.email,
        kind: "password_reset",
        subject: "Atur ulang kata sandi Akuntabel",
        body: `Halo ${user.name},\n\nBuka tautan berikut dalam 1 jam untuk membuat kata sandi baru:\n${url}\n\nAbaikan e-mail ini jika Anda tidak memintanya.`,
      }),
    ]);
    return c.json({ ok: true as const }, 200);
  },
);

accountRoutes.openapi(
  createRoute({
    method: "post",
    path: "/auth/password-reset/{token}",
    tags: ["auth"],
    summary: "Set a new password with a reset link (once; expires after an hour); every session is signed out",
    request: { params: z.object({ token: z.string().min(20).max(100) }), ...jsonBody(resetPasswordSchema) },
    responses: { 200: ok(okSchema), ...errors },
  }),
  async (c) => {
    const db = controlDb(c);
    const row = await db.select().from(passwordResets).where(eq(passwordResets.id, await sha256Hex(c.req.valid("param").token))).get();
    if (!row) throw notFound("Tautan atur ulang");
    if (row.usedAt) throw new AppError("gone", "Tautan ini sudah dipakai. Minta tautan baru bila perlu.");
    if (row.expiresAt <= Date.now()) throw new AppError("gone", "Tautan ini sudah kedaluwarsa. Minta tautan baru.");
    const used = await db
      .update(passwordResets)
      .set({ usedAt: Date.now() })
      .where(and(eq(passwordResets.id, row.id), isNull(passwordResets.usedAt)))
      .returning({ id: passwordResets.id });
    if (!used.length) throw new AppError("gone", "Tautan ini sudah dipakai. Minta tautan baru bila perlu.");
    await db.batch([
      db.update(users).set({ passwordHash: await hashPassword(c.req.valid("json").password) }).where(eq(users.id, row.userId)),
      db.delete(sessions).where(eq(sessions.userId, row.userId)),
      endResetLinks(db, row.userId),
      audit(c, db, { action: "update", entity: "user_password", entityId: row.userId, tenantId: null, after: { via: "reset_link" } }),
    ]);
    return c.json({ ok: true as const }, 200);
  },
);


accountRoutes.openapi(
  createRoute({
    method: "get",
    path: "/account/notifications",
    tags: ["account"],
    summary: "The user's in-app inbox, newest first, with the unread count",
    middleware: [requireUser] as const,
    request: { query: pageQuerySchema },
    responses: { 200: ok(z.object({ items: z.array(notificationOut), unread: z.number().int() })), ...errors },
  }),
  async (c) => {
    const user = c.get("user")!;
    const db = controlDb(c);
    const { limit, offset } = c.req.valid("query");
    const [rows, unread] = await Promise.all([listNotifications(db, user.id, limit, offset), unreadCount(db, user.id)]);
    const items = rows.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, read: n.readAt !== null, createdAt: new Date(n.createdAt).toISOString() }));
    return c.json({ items, unread }, 200);
  },
);

accountRoutes.openapi(
  createRoute({
    method: "post",
    path: "/account/notifications/{id}/read",
    tags: ["account"],
    summary: "Mark one notification read",
    middleware: [requireUser] as const,
    request: { params: z.object({ id: z.string().max(64) }) },
    responses: { 200: ok(okSchema), ...errors },
  }),
  async (c) => {
    const user = c.get("user")!;
    const done = await controlDb(c)
      .update(notifications)
      .set({ readAt: Date.now() })
      .where(and(eq(notifications.id, c.req.valid("param").id), eq(notifications.userId, user.id)))
      .returning({ id: notifications.id });
    if (!done.length) throw notFound("Notifikasi");
    return c.json({ ok: true as const }, 200);
  },
);

accountRoutes.openapi(
  createRoute({
    method: "post",
    path: "/account/notifications/read-all",
    tags: ["account"],
    summary: "Mark every notification read",
    middleware: [requireUser] as const,
    responses: { 200: ok(okSchema), ...errors },
  }),
  async (c) => {
    const user = c.get("user")!;
    await controlDb(c)
      .update(notifications)
      .set({ readAt: Date.now() })
      .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt)));
    return c.json({ ok: true as const }, 200);
  },
);

export const outboxOut = z.object({ items: z.array(outboxEmailOut) });
export const outboxItems = (rows: (typeof emailOutbox.$inferSelect)[]) =>
  rows.map((r) => ({
    id: r.id,
    to: r.toEmail,
    subject: r.subject,
    body: r.body,
    kind: r.kind,
    createdAt: new Date(r.createdAt).toISOString(),
    sentAt: r.sentAt === null ? null : new Date(r.sentAt).toISOString(),
    attempts: r.attempts,
    lastError: r.lastError,
  }));

accountRoutes.openapi(
  createRoute({
    method: "get",
    path: "/platform/email-outbox",
    tags: ["platform"],
    summary: "Every e-mail the platform would have sent (development outbox), newest first",
    middleware: [requirePlatformOperator] as const,
    request: { query: pageQuerySchema },
    responses: { 200: ok(outboxOut), ...errors },
  }),
  async (c) => {
    const { limit, offset } = c.req.valid("query");
    const rows = await controlDb(c).select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(limit).offset(offset).all();
    return c.json({ items: outboxItems(rows) }, 200);
  },
);
