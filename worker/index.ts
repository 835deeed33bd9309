import { drizzle } from "drizzle-orm/d1";
import { createApp } from "./app";
import * as schema from "./db/schema";
import { runReminders } from "./reminders";
import { deliverOutbox } from "./notify/email";
import { sealLegacyTotpSecrets } from "./auth/secret-box";

export { IntakeBatcher } from "./intake/batcher";

const app = createApp();

/** The daily cron run: deadline reminders (idempotent per due date and recipient), pending e-mail, TOTP secrets still in plaintext. */
async function daily(env: Env) {
  await runReminders(env);
  await deliverOutbox(env);
  if (env.TOTP_ENCRYPTION_KEY) await sealLegacyTotpSecrets(env, drizzle(env.DB, { schema }));
}

export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
  // Cron Triggers (wrangler.toml).
  scheduled: (_controller, env, ctx) => ctx.waitUntil(daily(env)),
} satisfies ExportedHandler<Env>;
