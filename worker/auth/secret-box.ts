import { and, eq, isNotNull, isNull, notLike, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { userTotp } from "../db/schema";
import { base64url, fromBase64url } from "./crypto";
import { AppError } from "../errors";

/**
 * TOTP secrets at rest: AES-256-GCM under the TOTP_ENCRYPTION_KEY secret (base64 of 32 bytes), with the
 * user id as additional data so a sealed value copied to another user's row does not open. Stored as
 * "aesgcm1:<base64url(iv ‖ ciphertext)>". Rows written before encryption hold the base32 secret itself;
 * `openSecret` still reads them and sign-in re-seals them (`isSealed`).
 */
const PREFIX = "aesgcm1:";
const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

export const isSealed = (stored: string) => stored.startsWith(PREFIX);

/** A deployment without a usable key: the operator reads why in the log, the user gets a 503, not a 500. */
function misconfigured(why: string): AppError {
  console.error(why);
  return new AppError("service_unavailable", "Verifikasi dua langkah sedang tidak tersedia. Hubungi pengelola platform.");
}

function keyOf(env: Env): Promise<CryptoKey> {
  const raw = env.TOTP_ENCRYPTION_KEY;
  if (!raw) throw misconfigured("TOTP_ENCRYPTION_KEY is not configured (wrangler secret put TOTP_ENCRYPTION_KEY; locally .dev.vars)");
  let key = keys.get(raw);
  if (!key) {
    const bytes = Uint8Array.from(atob(raw.trim()), (ch) => ch.charCodeAt(0));
    if (bytes.byteLength !== 32) throw misconfigured("TOTP_ENCRYPTION_KEY must be base64 of 32 bytes");
    key = crypto.subtle.importKey("raw", bytes, "AES-GCM", false, ["encrypt", "decrypt"]);
    keys.set(raw, key);
  }
  return key;
}

export async function sealSecret(env: Env, secret: string, userId: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: encoder.encode(userId) }, await keyOf(env), encoder.encode(secret)));
  const out = new Uint8Array(iv.byteLength + sealed.byteLength);
  out.set(iv);
  out.set(sealed, iv.byteLength);
  return PREFIX + base64url(out);
}

/** The base32 secret of a stored value: sealed ones are decrypted, legacy plaintext ones returned as they are. */
export async function openSecret(env: Env, stored: string, userId: string): Promise<string> {
  if (!isSealed(stored)) return stored;
  const bytes = fromBase64url(stored.slice(PREFIX.length));
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: bytes.slice(0, 12), additionalData: encoder.encode(userId) }, await keyOf(env), bytes.slice(12));
  return new TextDecoder().decode(plain);
}

/** A stored value as it should be at rest: sealed values as they are, legacy plaintext sealed now. */
export const sealed = async (env: Env, stored: string, userId: string) => (isSealed(stored) ? stored : sealSecret(env, stored, userId));

/**
 * Seals every TOTP secret still stored in plaintext (rows from before encryption at rest whose owners have not
 * signed in since). Run by the cron job; each update is guarded on the value read, so a concurrent enrolment wins.
 */
export async function sealLegacyTotpSecrets(env: Env, db: Db): Promise<number> {
  const rows = await db.select().from(userTotp).where(or(and(isNotNull(userTotp.secret), notLike(userTotp.secret, `${PREFIX}%`)), and(isNotNull(userTotp.pendingSecret), notLike(userTotp.pendingSecret, `${PREFIX}%`)))).all();
  for (const r of rows) {
    const set = {
      ...(r.secret && !isSealed(r.secret) ? { secret: await sealSecret(env, r.secret, r.userId) } : {}),
      ...(r.pendingSecret && !isSealed(r.pendingSecret) ? { pendingSecret: await sealSecret(env, r.pendingSecret, r.userId) } : {}),
    };
    const same = (col: typeof userTotp.secret | typeof userTotp.pendingSecret, v: string | null) => (v === null ? isNull(col) : eq(col, v));
    await db.update(userTotp).set(set).where(and(eq(userTotp.userId, r.userId), same(userTotp.secret, r.secret), same(userTotp.pendingSecret, r.pendingSecret)));
  }
  return rows.length;
}
