import { env, exports } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/d1";
import { hashPassword } from "../worker/auth/password";
import { tenantDbOf } from "../worker/db/client";
import { emptiestBinding } from "../worker/data/shards";
import type { Role } from "../shared/roles";

export const ORIGIN = "http://localhost";

export type Call = { method?: string; body?: unknown; rawBody?: string; cookie?: string; headers?: Record<string, string> };

/** Calls the Worker the way a browser on our own origin would. */
export async function api(path: string, call: Call = {}) {
  const method = call.method ?? (call.body !== undefined || call.rawBody !== undefined ? "POST" : "GET");
  const headers: Record<string, string> = { ...call.headers };
  if (call.cookie) headers.cookie = call.cookie;
  if (method !== "GET") headers.origin ??= ORIGIN;
  if (call.body !== undefined || call.rawBody !== undefined) headers["content-type"] ??= "application/json";
  const res = await exports.default.fetch(
    new Request(`${ORIGIN}/api/v1${path}`, {
      method,
      headers,
      body: call.rawBody ?? (call.body !== undefined ? JSON.stringify(call.body) : undefined),
    }),
  );
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, json, headers: res.headers };
}

// Hashing costs ~100k PBKDF2 rounds; one hash serves every seeded user of a test file.
let sharedHash: Promise<string> | undefined;
export const PASSWORD = "rahasia-demo-123";

export async function seedUser(email: string, opts: { platform?: boolean; name?: string } = {}) {
  sharedHash ??= hashPassword(PASSWORD);
  const id = crypto.randomUUID();
  await env.DB.prepare(
    "INSERT INTO users (id, email, name, password_hash, is_platform_operator, status, created_at) VALUES (?, ?, ?, ?, ?, 'active', ?)",
  )
    .bind(id, email, opts.name ?? email.split("@")[0], await sharedHash, opts.platform ? 1 : 0, Date.now())
    .run();
  return id;
}

/** Which tenant database each seeded tenant is in (tenants.db_binding), for direct reads in tests. */
const bindingOf = new Map<string, string>();

/** A tenant, placed like onboarding places it (the emptiest tenant database) unless `binding` is given. */
export async function seedTenant(code: string, kind: "provinsi" | "kabupaten" | "kota" = code.includes(".") ? "kabupaten" : "provinsi", binding?: string) {
  const id = crypto.randomUUID();
  const dbBinding = binding ?? (await emptiestBinding(env, drizzle(env.DB)));
  await env.DB.prepare("INSERT INTO tenants (id, code, name, kind, status, settings, db_binding, created_at) VALUES (?, ?, ?, ?, 'active', '{}', ?, ?)")
    .bind(id, code, `Pemda ${code}`, kind, dbBinding, Date.now())
    .run();
  bindingOf.set(id, dbBinding);
  return id;
}

/** The D1 database that holds a seeded tenant's data. */
export function dbOf(tenantId: string): D1Database {
  const binding = bindingOf.get(tenantId);
  if (!binding) throw new Error(`dbOf: tenant ${tenantId} was not seeded by seedTenant`);
  return env[binding as "TENANT_DB_0"];
}

/** Drizzle over a seeded tenant's database, paired with the control plane like tenantDb(c). */
export const drizzleOf = (tenantId: string) => tenantDbOf(env, bindingOf.get(tenantId) ?? "");

export async function seedPd(tenantId: string, code: string, name = `PD ${code}`) {
  const id = crypto.randomUUID();
  await dbOf(tenantId).prepare(
    "INSERT INTO perangkat_daerah (id, tenant_id, code, name, kind, active, created_at, updated_at) VALUES (?, ?, ?, ?, 'dinas', 1, ?, ?)",
  )
    .bind(id, tenantId, code, name, Date.now(), Date.now())
    .run();
  return id;
}

export async function grant(userId: string, tenantId: string, role: Role, pdId: string | null = null) {
  const id = crypto.randomUUID();
  await env.DB.prepare("INSERT INTO memberships (id, user_id, tenant_id, role, pd_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")
    .bind(id, userId, tenantId, role, pdId, Date.now())
    .run();
  return id;
}

export async function login(email: string, password = PASSWORD, ip?: string): Promise<string> {
  const res = await api("/auth/login", { body: { email, password }, headers: ip ? { "cf-connecting-ip": ip } : {} });
  if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.json)}`);
  const setCookie = res.headers.get("set-cookie") ?? "";
  return setCookie.split(";")[0]!;
}

/**
 * Two tenants, each with one user per role and a PD; `a` and `b` hold cookies by role.
 * Used by every endpoint's cross-tenant test.
 */
export type World = Awaited<ReturnType<typeof twoTenants>>;

export async function twoTenants() {
  const tA = await seedTenant("35.16");
  // B shares A's database: inside a database the tenant_id filters are what keeps tenants apart,
  // so every cross-tenant test exercises them (test/scale.test.ts covers tenants in other databases).
  const tB = await seedTenant("64", "provinsi", bindingOf.get(tA));
  const pdA = await seedPd(tA, "1.01");
  const pdB = await seedPd(tB, "1.01");
  const roles: Role[] = ["tenant_admin", "evaluator", "agency_admin", "agency_head", "viewer"];
  const a = {} as Record<Role, string>;
  const b = {} as Record<Role, string>;
  const ids = { a: {} as Record<Role, string>, b: {} as Record<Role, string> };
  for (const role of roles) {
    const scoped = role === "agency_admin" || role === "agency_head";
    ids.a[role] = await seedUser(`${role}@a.test`);
    await grant(ids.a[role], tA, role, scoped ? pdA : null);
    ids.b[role] = await seedUser(`${role}@b.test`);
    await grant(ids.b[role], tB, role, scoped ? pdB : null);
  }
  for (const role of roles) {
    a[role] = await login(`${role}@a.test`);
    b[role] = await login(`${role}@b.test`);
  }
  return { tA, tB, pdA, pdB, a, b, ids, codeA: "35.16", codeB: "64" };
}
