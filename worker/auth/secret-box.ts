import { and, eq, isNull, like, notLike, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { userTotp } from "../db/schema";
import { base64url, fromBase64url, sha256Hex } from "./crypto";
import { AppError } from "../errors";

/**
 * TOTP secrets at rest: AES-256-GCM with the user id as additional data, so a sealed value copied to another
 * user's row does not open. Stored as "aesgcm1:<key id>:<base64url(iv ‖ ciphertext)>", the key id being the first
 * 8 hex digits of the key's SHA-256. New values are sealed under TOTP_ENCRYPTION_KEY; the keys listed in
 * TOTP_ENCRYPTION_KEY_PREVIOUS (comma-separated) only open older values until they are re-sealed (rotation:
 * docs/secrets.md). Two older forms still read: "aesgcm1:<base64url>" from before key ids (under whichever
 * configured key opens it) and the base32 secret itself from before encryption (`isSealed` false).
 */
const PREFIX = "aesgcm1:";
const encoder = new TextEncoder();

type Key = { id: string; key: CryptoKey };
type Keyring = { current: Key; previous: Key[] };
const keyrings = new Map<string, Promise<Keyring>>();

export const isSealed = (stored: string) => stored.startsWith(PREFIX);
const prefixOf = (key: Key) => `${PREFIX}${key.id}:`;

/** A deployment without a usable key: the operator reads why in the log, the user gets a 503, not a 500. */
function misconfigured(why: string): AppError {
  console.error(why);
  return new AppError("service_unavailable", "Verifikasi dua langkah sedang tidak tersedia. Hubungi pengelola platform.");
}

function keyBytes(name: string, raw: string): Uint8Array {
  let bytes: Uint8Array | undefined;
  try {
    bytes = Uint8Array.from(atob(raw.trim()), (ch) => ch.charCodeAt(0));
  } catch {
    // Not base64: reported below like a key of the wrong size.
  }
  if (bytes?.byteLength !== 32) throw misconfigured(`${name} must be base64 of 32 bytes`);
  return bytes;
}

async function importKey(bytes: Uint8Array): Promise<Key> {
  const [digest, key] = await Promise.all([sha256Hex(bytes), crypto.subtle.importKey("raw", bytes, "AES-GCM", false, ["encrypt", "decrypt"])]);
  return { id: digest.slice(0, 8), key };
}

function keyring(env: Env): Promise<Keyring> {
  const raw = env.TOTP_ENCRYPTION_KEY;
  if (!raw) throw misconfigured("TOTP_ENCRYPTION_KEY is not configured (wrangler secret put TOTP_ENCRYPTION_KEY; locally .dev.vars)");
  const previous = (env.TOTP_ENCRYPTION_KEY_PREVIOUS ?? "").split(/[\s,]+/).filter(Boolean);
  const cacheKey = [raw, ...previous].join(",");
  let ring = keyrings.get(cacheKey);
  if (!ring) {
    const bytes = [keyBytes("TOTP_ENCRYPTION_KEY", raw), ...previous.map((p) => keyBytes("TOTP_ENCRYPTION_KEY_PREVIOUS", p))];
    ring = Promise.all(bytes.map(importKey)).then(([current, ...older]) => ({ current: current!, previous: older }));
    keyrings.set(cacheKey, ring);
  }
  return ring;
}

export async function sealSecret(env: Env, secret: string, userId: string): Promise<string> {
  const { current } = await keyring(env);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: encoder.encode(userId) }, current.key, encoder.encode(secret)));
  const out = new Uint8Array(iv.byteLength + sealed.byteLength);
  out.set(iv);
  out.set(sealed, iv.byteLength);
  return prefixOf(current) + base64url(out);
}

/**
 * The base32 secret of a stored value: sealed ones are decrypted, legacy plaintext ones returned as they are.
 * A value sealed under a key that is no longer configured answers the same 503 as a missing key.
 */
export async function openSecret(env: Env, stored: string, userId: string): Promise<string> {
  if (!isSealed(stored)) return stored;
  const { current, previous } = await keyring(env);
  const body = stored.slice(PREFIX.length);
  const colon = body.indexOf(":");
  const keyId = colon < 0 ? null : body.slice(0, colon);
  const bytes = fromBase64url(body.slice(colon + 1));
  const open = async (k: Key) =>
    new TextDecoder().decode(await crypto.subtle.decrypt({ name: "AES-GCM", iv: bytes.slice(0, 12), additionalData: encoder.encode(userId) }, k.key, bytes.slice(12)));
  const keys = [current, ...previous];
  if (keyId !== null) {
    const key = keys.find((k) => k.id === keyId);
    if (!key) throw misconfigured(`A TOTP secret is sealed under key ${keyId}, which is neither TOTP_ENCRYPTION_KEY nor in TOTP_ENCRYPTION_KEY_PREVIOUS`);
    return open(key);
  }
  // Sealed before key ids: AES-GCM refuses a wrong key, so the one that opens it is the one it was sealed with.
  for (const key of keys) {
    const plain = await open(key).catch(() => null);
    if (plain !== null) return plain;
  }
  throw misconfigured("A TOTP secret sealed before key ids opens under no configured key: add the key it was sealed with to TOTP_ENCRYPTION_KEY_PREVIOUS");
}

/** A stored value as it should be at rest: sealed under the current key as it is, otherwise (plaintext, an older key) sealed under it now. */
export async function sealed(env: Env, stored: string, userId: string): Promise<string> {
  const { current } = await keyring(env);
  return stored.startsWith(prefixOf(current)) ? stored : sealSecret(env, await openSecret(env, stored, userId), userId);
}

/** Rows the cron re-seals per run: each is one statement of a batch, well inside D1's per-invocation limits. */
export const RESEAL_PER_RUN = 200;

/**
 * Re-seals under the current key, at most `limit` rows per run, the TOTP secrets (enabled or pending) stored any
 * other way: in plaintext from before encryption at rest, sealed before key ids, or under a previous key. Values
 * under a key no longer configured are not selected (they cannot be opened). Run by the daily cron; each update
 * is guarded on the values read, so a concurrent enrolment or sign-in wins. Returns the rows re-sealed.
 */
export async function resealTotpSecrets(env: Env, db: Db, limit = RESEAL_PER_RUN): Promise<number> {
  const { current, previous } = await keyring(env);
  // Plaintext (base32 has no colon) and sealed-before-key-ids values carry no key id; the others name their key.
  const stale = (col: typeof userTotp.secret | typeof userTotp.pendingSecret) => or(notLike(col, `${PREFIX}%:%`), ...previous.map((k) => like(col, `${prefixOf(k)}%`)));
  const rows = await db.select().from(userTotp).where(or(stale(userTotp.secret), stale(userTotp.pendingSecret))).limit(limit).all();
  const reseal = (v: string | null, userId: string) => (v === null || v.startsWith(prefixOf(current)) ? v : sealed(env, v, userId));
  const same = (col: typeof userTotp.secret | typeof userTotp.pendingSecret, v: string | null) => (v === null ? isNull(col) : eq(col, v));
  const updates = [];
  for (const r of rows) {
    const set = await Promise.all([reseal(r.secret, r.userId), reseal(r.pendingSecret, r.userId)]).catch((e) => {
      console.error(`resealTotpSecrets: user ${r.userId} left as it is`, e);
      return null;
    });
    if (!set) continue;
    updates.push(
      db
        .update(userTotp)
        .set({ secret: set[0], pendingSecret: set[1] })
        .where(and(eq(userTotp.userId, r.userId), same(userTotp.secret, r.secret), same(userTotp.pendingSecret, r.pendingSecret))),
    );
  }
  const [first, ...rest] = updates;
  if (first) await db.batch([first, ...rest]);
  return updates.length;
}
