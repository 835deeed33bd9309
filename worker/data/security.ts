import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { loginChallenges, memberships, recoveryCodes, sessions, tenants, userTotp } from "../db/schema";
import { base32Encode } from "../auth/totp";
import { randomToken, sha256Hex } from "../auth/crypto";
import { DEFAULT_TENANT_SETTINGS } from "../../shared/schemas/tenant";

export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
const RECOVERY_CODE_COUNT = 10;

/** Roles a tenant's `requireTwoFactor` setting applies to. */
export const TWO_FACTOR_ROLES = ["tenant_admin", "evaluator"] as const;

/** A user's two-step sign-in row as a statement for a `db.batch`. */
export const totpStateQuery = (db: Db, userId: string) => db.select().from(userTotp).where(eq(userTotp.userId, userId)).limit(1);

export async function totpState(db: Db, userId: string) {
  return totpStateQuery(db, userId).get();
}

/** Platform operators always; tenant_admin and evaluator where their tenant requires it. */
export async function totpRequired(db: Db, user: { id: string; isPlatformOperator: boolean }): Promise<boolean> {
  if (user.isPlatformOperator) return true;
  const rows = await db
    .select({ role: memberships.role, settings: tenants.settings })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(eq(memberships.userId, user.id), isNull(memberships.disabledAt), eq(tenants.status, "active")))
    .all();
  return rows.some((r) => (TWO_FACTOR_ROLES as readonly string[]).includes(r.role) && requiresTwoFactor(r.settings));
}

function requiresTwoFactor(settingsJson: string): boolean {
  try {
    return (JSON.parse(settingsJson) as { requireTwoFactor?: unknown }).requireTwoFactor === true;
  } catch {
    return DEFAULT_TENANT_SETTINGS.requireTwoFactor;
  }
}

/** Ten fresh recovery codes (`abcde-fghij`, 50 random bits each): the plain codes, and statements replacing the stored hashes. */
export async function newRecoveryCodes(db: Db, userId: string) {
  const now = Date.now();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const s = base32Encode(crypto.getRandomValues(new Uint8Array(7))).slice(0, 10).toLowerCase();
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
  const rows = await Promise.all(codes.map(async (code) => ({ id: crypto.randomUUID(), userId, codeHash: await sha256Hex(code), createdAt: now })));
  return { codes, statements: [db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)), db.insert(recoveryCodes).values(rows)] as const };
}

/** Marks a matching unused recovery code used; true when one was. */
export async function useRecoveryCode(db: Db, userId: string, code: string): Promise<boolean> {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: Date.now() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, await sha256Hex(code)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

export async function createChallenge(db: Db, userId: string): Promise<string> {
  const token = randomToken();
  const now = Date.now();
  await db.batch([
    db.delete(loginChallenges).where(eq(loginChallenges.userId, userId)),
    db.insert(loginChallenges).values({ id: await sha256Hex(token), userId, expiresAt: now + CHALLENGE_TTL_MS, createdAt: now }),
  ]);
  return token;
}

export async function readChallenge(db: Db, token: string) {
  return db
    .select()
    .from(loginChallenges)
    .where(and(eq(loginChallenges.id, await sha256Hex(token)), gt(loginChallenges.expiresAt, Date.now())))
    .get();
}

/** Enrolment done: the user's sessions waiting for it become full sessions. */
export function liftEnrolmentRestriction(db: Db, userId: string) {
  return db.update(sessions).set({ totpEnrolmentRequired: false }).where(eq(sessions.userId, userId));
}
