import { env } from "cloudflare:workers";
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { drizzle } from "drizzle-orm/d1";
import { beforeAll, describe, expect, it } from "vitest";
import { api, login, PASSWORD, seedUser } from "./helpers";
import { codeFor, enrolTotp } from "./security-helpers";
import { isSealed, openSecret, resealTotpSecrets, sealSecret } from "../worker/auth/secret-box";
import { base64url } from "../worker/auth/crypto";
import worker from "../worker/index";
import { newTotpSecret } from "../worker/auth/totp";

// TOTP secrets encrypted at rest (issue 12): AES-GCM under TOTP_ENCRYPTION_KEY (a test binding in vitest.config.ts).
const STEP = 30_000;
const row = (userId: string) => env.DB.prepare("SELECT secret, pending_secret FROM user_totp WHERE user_id = ?").bind(userId).first<{ secret: string | null; pending_secret: string | null }>();
async function signIn(email: string, code: string, ip: string) {
  const pw = await api("/auth/login", { body: { email, password: PASSWORD }, headers: { "cf-connecting-ip": ip } });
  return api("/auth/login/totp", { body: { challenge: pw.json.challenge, code }, headers: { "cf-connecting-ip": ip } });
}

let userId: string;
let secret: string;
beforeAll(async () => {
  userId = await seedUser("rest@a.test");
  secret = (await enrolTotp(await login("rest@a.test"))).secret;
});

describe("sealing", () => {
  it("round-trips, uses a fresh IV each time, and is bound to the user", async () => {
    const s = newTotpSecret();
    const a = await sealSecret(env, s, "u1");
    const b = await sealSecret(env, s, "u1");
    expect(isSealed(a)).toBe(true);
    expect(a).toMatch(/^aesgcm1:[0-9a-f]{8}:[\w-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(s);
    expect(await openSecret(env, a, "u1")).toBe(s);
    await expect(openSecret(env, a, "u2")).rejects.toThrow();
    // Legacy plaintext reads as it is.
    expect(await openSecret(env, s, "u1")).toBe(s);
  });

  it("refuses to work without a key or with one of the wrong size: 503 for the user, the reason in the log", async () => {
    const unavailable = { code: "service_unavailable", message: expect.stringMatching(/tidak tersedia/) };
    await expect(sealSecret({ ...env, TOTP_ENCRYPTION_KEY: undefined } as Env, "ABC", "u")).rejects.toMatchObject(unavailable);
    await expect(sealSecret({ ...env, TOTP_ENCRYPTION_KEY: btoa("pendek") } as Env, "ABC", "u")).rejects.toMatchObject(unavailable);
  });
});

describe("stored secrets", () => {
  it("enrolment stores the secret sealed, never the base32 text, and sign-in opens it", async () => {
    const stored = await row(userId);
    expect(stored!.pending_secret).toBeNull();
    expect(isSealed(stored!.secret!)).toBe(true);
    expect(stored!.secret).not.toContain(secret);
    const r = await signIn("rest@a.test", await codeFor(secret, Date.now() + STEP), "10.9.0.1");
    expect(r.status).toBe(200);
    expect((await row(userId))!.secret).toBe(stored!.secret);
  });

  it("a pending enrolment secret is sealed too", async () => {
    const other = await seedUser("pending@a.test");
    const setup = await api("/account/totp/setup", { method: "POST", cookie: await login("pending@a.test") });
    const pending = (await row(other))!.pending_secret!;
    expect(isSealed(pending)).toBe(true);
    expect(await openSecret(env, pending, other)).toBe(setup.json.secret);
  });

  it("a plaintext secret from before encryption still signs in, and is sealed on that first use", async () => {
    const legacy = await seedUser("legacy@a.test");
    const plain = newTotpSecret();
    await env.DB.prepare("INSERT INTO user_totp (user_id, secret, pending_secret, enabled_at, last_step) VALUES (?, ?, NULL, ?, 0)").bind(legacy, plain, Date.now()).run();
    const wrong = await signIn("legacy@a.test", "000000", "10.9.0.2");
    expect(wrong.status).toBe(401);
    expect((await row(legacy))!.secret).toBe(plain);
    const first = await signIn("legacy@a.test", await codeFor(plain), "10.9.0.2");
    expect(first.status).toBe(200);
    const now = (await row(legacy))!.secret!;
    expect(isSealed(now)).toBe(true);
    expect(await openSecret(env, now, legacy)).toBe(plain);
    const again = await signIn("legacy@a.test", await codeFor(plain, Date.now() + STEP), "10.9.0.3");
    expect(again.status).toBe(200);
  });
});

describe("the cron job", () => {
  it("seals plaintext secrets of users who have not signed in since, and leaves sealed ones alone", async () => {
    const idle = await seedUser("idle@a.test");
    const plain = newTotpSecret();
    const pending = newTotpSecret();
    await env.DB.prepare("INSERT INTO user_totp (user_id, secret, pending_secret, enabled_at, last_step) VALUES (?, ?, ?, ?, 0)").bind(idle, plain, pending, Date.now()).run();
    const sealedBefore = (await row(userId))!.secret;
    const ctx = createExecutionContext();
    await worker.scheduled!(createScheduledController({ scheduledTime: new Date(), cron: "0 1 * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const after = (await row(idle))!;
    expect(isSealed(after.secret!) && isSealed(after.pending_secret!)).toBe(true);
    expect(await openSecret(env, after.secret!, idle)).toBe(plain);
    expect(await openSecret(env, after.pending_secret!, idle)).toBe(pending);
    expect((await row(userId))!.secret).toBe(sealedBefore);
    expect(await resealTotpSecrets(env, drizzle(env.DB))).toBe(0);
  });
});

// Key rotation: the vitest bindings hold a current key and, in TOTP_ENCRYPTION_KEY_PREVIOUS, the one before it.
describe("key rotation", () => {
  const OLD = env.TOTP_ENCRYPTION_KEY_PREVIOUS!;
  const OTHER = btoa("a-key-this-deployment-never-had!");
  const beforeRotation = { ...env, TOTP_ENCRYPTION_KEY: OLD, TOTP_ENCRYPTION_KEY_PREVIOUS: undefined } as Env;
  const withoutOld = { ...env, TOTP_ENCRYPTION_KEY_PREVIOUS: undefined } as Env;
  const unavailable = { code: "service_unavailable", message: expect.stringMatching(/tidak tersedia/) };
  const db = () => drizzle(env.DB);

  /** The format before key ids: "aesgcm1:<base64url(iv ‖ ciphertext)>". */
  async function sealWithoutKeyId(keyB64: string, secret: string, userId: string) {
    const key = await crypto.subtle.importKey("raw", Uint8Array.from(atob(keyB64), (ch) => ch.charCodeAt(0)), "AES-GCM", false, ["encrypt"]);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const ct = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: new TextEncoder().encode(userId) }, key, new TextEncoder().encode(secret)));
    return `aesgcm1:${base64url(new Uint8Array([...iv, ...ct]))}`;
  }
  /** A user enrolled with `seal(secret)` as the stored secret (and `pending`, when given, as a pending one). */
  async function enrolled(email: string, seal: (plain: string, userId: string) => Promise<string>, pending?: string) {
    const id = await seedUser(email);
    const plain = newTotpSecret();
    await env.DB.prepare("INSERT INTO user_totp (user_id, secret, pending_secret, enabled_at, last_step) VALUES (?, ?, ?, ?, 0)")
      .bind(id, await seal(plain, id), pending ? await seal(pending, id) : null, Date.now())
      .run();
    return { id, plain };
  }
  const underOld = (plain: string, id: string) => sealSecret(beforeRotation, plain, id);

  it("values without a key id still open: under the current key, and after a rotation under the previous one", async () => {
    const s = newTotpSecret();
    expect(await openSecret(withoutOld, await sealWithoutKeyId(env.TOTP_ENCRYPTION_KEY!, s, "u1"), "u1")).toBe(s);
    expect(await openSecret(env, await sealWithoutKeyId(OLD, s, "u1"), "u1")).toBe(s);
    const oldSealed = await underOld(s, "u1");
    expect(oldSealed.split(":")[1]).not.toBe((await sealSecret(env, s, "u1")).split(":")[1]);
    expect(await openSecret(env, oldSealed, "u1")).toBe(s);
  });

  it("sealed under the old key → rotate → still signs in (re-sealed on use) → the cron re-seals the rest → works without the old key", async () => {
    const signer = await enrolled("rot-signer@a.test", underOld);
    const pending = newTotpSecret();
    const idle = await enrolled("rot-idle@a.test", underOld, pending);
    const legacy = await enrolled("rot-legacy@a.test", (plain, id) => sealWithoutKeyId(OLD, plain, id));
    await expect(openSecret(withoutOld, (await row(signer.id))!.secret!, signer.id)).rejects.toMatchObject(unavailable);

    expect((await signIn("rot-signer@a.test", await codeFor(signer.plain), "10.9.1.1")).status).toBe(200);
    expect(await openSecret(withoutOld, (await row(signer.id))!.secret!, signer.id)).toBe(signer.plain);

    const ctx = createExecutionContext();
    await worker.scheduled!(createScheduledController({ scheduledTime: new Date(), cron: "0 1 * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const idleRow = (await row(idle.id))!;
    expect(await openSecret(withoutOld, idleRow.secret!, idle.id)).toBe(idle.plain);
    expect(await openSecret(withoutOld, idleRow.pending_secret!, idle.id)).toBe(pending);
    expect(await openSecret(withoutOld, (await row(legacy.id))!.secret!, legacy.id)).toBe(legacy.plain);
    expect(await resealTotpSecrets(withoutOld, db())).toBe(0);
    expect((await signIn("rot-idle@a.test", await codeFor(idle.plain), "10.9.1.2")).status).toBe(200);
    expect((await signIn("rot-legacy@a.test", await codeFor(legacy.plain), "10.9.1.3")).status).toBe(200);
  });

  it("the cron re-seals a bounded number of rows per run", async () => {
    const users = await Promise.all(["rot-b1@a.test", "rot-b2@a.test", "rot-b3@a.test"].map((e) => enrolled(e, underOld)));
    expect(await resealTotpSecrets(env, db(), 2)).toBe(2);
    expect(await resealTotpSecrets(env, db(), 2)).toBe(1);
    expect(await resealTotpSecrets(env, db(), 2)).toBe(0);
    for (const u of users) expect(await openSecret(withoutOld, (await row(u.id))!.secret!, u.id)).toBe(u.plain);
  });

  it("a value under a key that is not configured answers the same 503 as a missing key, and the cron leaves it alone", async () => {
    const lost = await enrolled("rot-lost@a.test", (plain, id) => sealSecret({ ...env, TOTP_ENCRYPTION_KEY: OTHER } as Env, plain, id));
    const lostOld = await enrolled("rot-lost-old@a.test", (plain, id) => sealWithoutKeyId(OTHER, plain, id));
    for (const u of [lost, lostOld]) await expect(openSecret(env, (await row(u.id))!.secret!, u.id)).rejects.toMatchObject(unavailable);
    const r = await signIn("rot-lost@a.test", await codeFor(lost.plain), "10.9.1.4");
    expect(r.status).toBe(503);
    expect(r.json.error).toMatchObject(unavailable);
    const stored = (await row(lost.id))!.secret;
    expect(await resealTotpSecrets(env, db())).toBe(0);
    expect((await row(lost.id))!.secret).toBe(stored);
    // A previous key that is not a key at all is a configuration error too, not a 500.
    await expect(openSecret({ ...env, TOTP_ENCRYPTION_KEY_PREVIOUS: "kunci-lama" } as Env, stored!, lost.id)).rejects.toMatchObject(unavailable);
  });
});
