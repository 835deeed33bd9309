import { createApp } from "./app";
import { runReminders } from "./reminders";

const app = createApp();

export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
  // Cron Triggers (wrangler.toml): deadline reminders, idempotent per due date and recipient.
  scheduled: (_controller, env, ctx) => ctx.waitUntil(runReminders(env)),
} satisfies ExportedHandler<Env>;
