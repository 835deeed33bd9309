import { drizzle } from "drizzle-orm/d1";
import { createApp } from "./app";
import { runReminders } from "./reminders";
import { deliverOutbox } from "./notify/email";
import { resealTotpSecrets } from "./auth/secret-box";
import { tenantBindings, tenantDbOf } from "./db/client";
import { sweepAbandonedJobs } from "./reports/jobs";

export { IntakeBatcher } from "./intake/batcher";

const app = createApp();

/**
 * The daily cron run: deadline reminders (idempotent per due date and recipient), pending e-mail,
 * TOTP secrets in plaintext or under a previous key, report jobs left half-way.
 */
async function daily(env: Env) {
  await runReminders(env);
  await deliverOutbox(env);
  // A misconfigured key (logged) must not stop the rest of the run.
  if (env.TOTP_ENCRYPTION_KEY) await resealTotpSecrets(env, drizzle(env.DB)).catch((e) => console.error("resealTotpSecrets", e));
  for (const binding of tenantBindings(env)) {
    // A database that is down keeps its jobs until the next run.
    await sweepAbandonedJobs(tenantDbOf(env, binding), env.DOCUMENTS).catch((e) => console.error(`sweepAbandonedJobs: ${binding} unavailable`, e));
  }
}

export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
  // Cron Triggers (wrangler.toml).
  scheduled: (_controller, env, ctx) => ctx.waitUntil(daily(env)),
} satisfies ExportedHandler<Env>;
