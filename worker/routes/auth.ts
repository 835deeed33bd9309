import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { AppEnv } from "../env";
import { controlDb } from "../db/client";
import { memberships, perangkatDaerah, tenants, users } from "../db/schema";
import { AppError } from "../errors";
import { errors, jsonBody, ok, okSchema } from "../openapi";
import { loginSchema } from "../../shared/schemas/auth";
import { ROLES } from "../../shared/roles";
import { DUMMY_HASH, verifyPassword } from "../auth/password";
import { createSession, endSession } from "../auth/session";
import { clear, hit, retryAfter, type Limit } from "../auth/rate-limit";
import { requireUser } from "../middleware/session";
import { audit } from "../audit";

export const authRoutes = new OpenAPIHono<AppEnv>();

const WINDOW_MS = 15 * 60 * 1000;
const accountLimit = (email: string): Limit => ({ key: `login:account:${email}`, max: 5, windowMs: WINDOW_MS });
const ipLimit = (ip: string): Limit => ({ key: `login:ip:${ip}`, max: 20, windowMs: WINDOW_MS });

const meSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), isPlatformOperator: z.boolean() }),
  tenants: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.string(),
      grants: z.array(z.object({ role: z.enum(ROLES), pdId: z.string().nullable(), pdName: z.string().nullable() })),
    }),
  ),
});

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/auth/login",
    tags: ["auth"],
    summary: "Sign in with email and password; sets the session cookie",
    request: jsonBody(loginSchema),
    responses: { 200: ok(okSchema), ...errors, 429: errors[401] },
  }),
  async (c) => {
    const { email, password } = c.req.valid("json");
    const db = controlDb(c);
    const limits = [accountLimit(email), ipLimit(c.req.header("cf-connecting-ip") ?? "local")];
    const wait = Math.max(...(await Promise.all(limits.map((l) => retryAfter(db, l)))));
    if (wait > 0) {
      throw new AppError(
        "rate_limited",
        `Terlalu banyak percobaan masuk. Coba lagi dalam ${Math.ceil(wait / 60)} menit.`,
        undefined,
        { "Retry-After": String(wait) },
      );
    }
    const user = await db.select().from(users).where(eq(users.email, email)).get();
    const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !valid || user.status !== "active") {
      await db.batch([hit(db, limits[0]!), hit(db, limits[1]!)]);
      throw new AppError("unauthenticated", "Email atau kata sandi salah");
    }
    await db.batch([clear(db, limits[0]!.key), audit(c, db, { action: "login", entity: "user", entityId: user.id, tenantId: null })]);
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

authRoutes.openapi(
  createRoute({
    method: "get",
    path: "/auth/me",
    tags: ["auth"],
    summary: "The signed-in user and the tenants they can switch between",
    middleware: [requireUser] as const,
    responses: { 200: ok(meSchema), ...errors },
  }),
  async (c) => {
    const user = c.get("user")!;
    const rows = await controlDb(c)
      .select({ code: tenants.code, name: tenants.name, kind: tenants.kind, role: memberships.role, pdId: memberships.pdId, pdName: perangkatDaerah.name })
      .from(memberships)
      .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
      .leftJoin(perangkatDaerah, and(eq(perangkatDaerah.id, memberships.pdId), eq(perangkatDaerah.tenantId, memberships.tenantId)))
      .where(and(eq(memberships.userId, user.id), isNull(memberships.disabledAt), eq(tenants.status, "active")))
      .orderBy(tenants.code)
      .all();
    const byCode = new Map<string, z.infer<typeof meSchema>["tenants"][number]>();
    for (const r of rows) {
      const t = byCode.get(r.code) ?? { code: r.code, name: r.name, kind: r.kind, grants: [] };
      t.grants.push({ role: r.role, pdId: r.pdId, pdName: r.pdName });
      byCode.set(r.code, t);
    }
    return c.json(
      { user: { id: user.id, email: user.email, name: user.name, isPlatformOperator: user.isPlatformOperator }, tenants: [...byCode.values()] },
      200,
    );
  },
);
