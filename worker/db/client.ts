import { drizzle } from "drizzle-orm/d1";
import type { Context } from "hono";
import type { AppEnv } from "../env";
import * as schema from "./schema";

export type Db = ReturnType<typeof drizzle<typeof schema>>;

/** The control-plane database: tenants, users, memberships, sessions, audit. */
export function controlDb(c: Context<AppEnv>): Db {
  return drizzle(c.env.DB, { schema });
}

/**
 * The database that holds the current tenant's data. Each tenant records its binding
 * (tenants.db_binding), so tenants can move to other databases without touching routes.
 */
export function tenantDb(c: Context<AppEnv>): Db {
  const binding = c.get("tenant").dbBinding as keyof Env;
  const d1 = c.env[binding];
  if (!d1 || typeof (d1 as D1Database).prepare !== "function") {
    throw new Error(`Tenant database binding ${String(binding)} is not configured`);
  }
  return drizzle(d1 as D1Database, { schema });
}
