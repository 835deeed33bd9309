import { and, eq, isNull } from "drizzle-orm";
import type { Context } from "hono";
import type { ApiTokenContext, AppEnv } from "../env";
import type { Db } from "../db/client";
import { apiTokens } from "../db/schema";
import { AppError } from "../errors";
import { randomToken, sha256Hex } from "./crypto";
import { readThrough, sessionMemo } from "../cache/session-cache";

export const TOKEN_PREFIX = "akt_";
/** Refresh last_used_at at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export function newApiToken(): string {
  return TOKEN_PREFIX + randomToken();
}

type TokenEntry = { token: ApiTokenContext; expiresAt: number | null };
/** Tokens by hash, for GET/HEAD (worker/cache/session-cache.ts): a revocation in this isolate clears it. */
const cachedTokens = sessionMemo<TokenEntry>();

/** The token named by `Authorization: Bearer ...`: active, not revoked, not expired; else 401. */
export async function readApiToken(c: Context<AppEnv>, db: Db, token: string): Promise<ApiTokenContext> {
  const invalid = new AppError("unauthenticated", "Token API tidak valid, sudah dicabut atau kedaluwarsa");
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) throw invalid;
  const hash = await sha256Hex(token);
  const found = await readThrough(c, cachedTokens, hash, () => queryApiToken(c, db, hash));
  if (!found || (found.expiresAt !== null && found.expiresAt <= Date.now())) throw invalid;
  return found.token;
}

async function queryApiToken(c: Context<AppEnv>, db: Db, hash: string): Promise<TokenEntry | null> {
  const row = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt)))
    .get();
  if (!row) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt > TOUCH_INTERVAL_MS) {
    c.executionCtx.waitUntil(db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id)).run());
  }
  return {
    token: { id: row.id, tenantId: row.tenantId, name: row.name, role: row.role, pdId: row.pdId, scopes: JSON.parse(row.scopes) as string[] },
    expiresAt: row.expiresAt,
  };
}

/**
 * Whether the token's scopes allow `method` on the tenant resource (the path segment after
 * `/tenants/{code}/`; "" is the tenant itself, readable by every token). Write includes read.
 */
export function scopeAllows(scopes: string[], resource: string, method: string): boolean {
  const write = !["GET", "HEAD", "OPTIONS"].includes(method);
  if (resource === "" && !write) return true;
  return scopes.includes(`${resource}:write`) || (!write && scopes.includes(`${resource}:read`));
}
