import { env } from "cloudflare:workers";
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { drizzle } from "drizzle-orm/d1";
import { beforeAll, describe, expect, it } from "vitest";
import { api, login, PASSWORD, seedUser } from "./helpers";
import { codeFor, enrolTotp } from "./security-helpers";
import { isSealed, openSecret, sealLegacyTotpSecrets, sealSecret } from "../worker/auth/secret-box";
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
    expect(await sealLegacyTotpSecrets(env, drizzle(env.DB))).toBe(0);
  });
});
