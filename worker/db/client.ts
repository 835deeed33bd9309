import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
/**
 * Drizzle without the schema object: the relational query API (`db.query.*`) is not used, and
 * building its config from the schema costs ~0.2 ms of CPU per `drizzle()` — several per request.
 */
export type Db = DrizzleD1Database;

/**
 * Settings are a column of the control plane's tenants row, while the data functions that apply them
 * (capaian, efisiensi, IKM weights) are handed the tenant database. A tenant Db made by tenantDb(c)
 * or tenantDbOf(env, ...) therefore remembers its control plane, and settings are read there.
 */
const pairedControl = new WeakMap<Db, Db>();
function pairWithControl(tenantDb: Db, control: Db): Db {
  pairedControl.set(tenantDb, control);
  return tenantDb;
}

/** The control plane that goes with `db` (itself when it is the control plane or unpaired). */
export const controlOf = (db: Db): Db => pairedControl.get(db) ?? db;

/** Tenant databases are the bindings named TENANT_DB_0, TENANT_DB_1, ... (docs/scaling.md). */
const TENANT_BINDING = /^TENANT_DB_(\d+)$/;

const isD1 = (v: unknown): v is D1Database => typeof (v as D1Database | undefined)?.prepare === "function";

/** The control-plane database: tenants and the shard map, users, memberships, sessions, published aggregates. */
export function controlDb(c: Context<AppEnv>): Db {
  return drizzle(c.env.DB);
}

/** The tenant database bindings this Worker has, in number order. */
export function tenantBindings(env: Env): string[] {
  return Object.keys(env)
    .filter((k) => TENANT_BINDING.test(k) && isD1((env as unknown as Record<string, unknown>)[k]))
    .sort((a, b) => Number(a.match(TENANT_BINDING)![1]) - Number(b.match(TENANT_BINDING)![1]));
}

/**
 * The D1 binding that holds a tenant (tenants.db_binding). A binding that is not configured or not a
 * tenant database answers 503 for that tenant only; every other tenant keeps working.
 */
export function tenantD1(env: Env, binding: string): D1Database {
  const d1 = (env as unknown as Record<string, unknown>)[binding];
  if (!TENANT_BINDING.test(binding) || !isD1(d1)) {
    throw new AppError("service_unavailable", "Basis data pemda ini sedang tidak tersedia. Silakan coba lagi nanti.");
  }
  return d1;
}

/** Drizzle over a tenant database, outside a request (cron, scripts' tests). */
export function tenantDbOf(env: Env, binding: string): Db {
  return pairWithControl(drizzle(tenantD1(env, binding)), drizzle(env.DB));
}

/**
 * The database that holds the current tenant's data. Reads go through a D1 session that starts
 * from the caller's bookmark (worker/db/bookmark.ts), so with read replication on a user still
 * reads their own writes; routes never see the difference.
 */
export function tenantDb(c: Context<AppEnv>): Db {
  let session = c.get("tenantSession");
  if (!session) {
    const d1 = tenantD1(c.env, c.get("tenant").dbBinding);
    if (typeof d1.withSession !== "function") return pairWithControl(drizzle(d1), controlDb(c));
    session = d1.withSession(c.get("tenantBookmark") ?? "first-unconstrained");
    c.set("tenantSession", session);
  }
  // A D1DatabaseSession answers prepare() and batch() like the database itself.
  return pairWithControl(drizzle(session as unknown as D1Database), controlDb(c));
}
