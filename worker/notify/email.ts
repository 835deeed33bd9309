import type { BatchItem } from "drizzle-orm/batch";
import { and, asc, eq, isNull, lt } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import type { MiddlewareHandler } from "hono";
import type { Db } from "../db/client";
import type { AppEnv } from "../env";
import { emailOutbox } from "../db/schema";
import { isPublicRoute } from "../openapi";

export type EmailMessage = { tenantId: string | null; to: string; subject: string; body: string; kind: string };

/**
 * Where e-mail is written. Senders return a statement so the message lands in the same `db.batch()` as the
 * change that caused it. Every message goes to the outbox table; where an HTTP e-mail API is configured,
 * `deliverPending` then sends the outbox's pending rows (development and tests only keep the outbox, shown in
 * the admin UI, since nothing may reach the internet).
 */
export interface EmailSender {
  send(db: Db, msg: EmailMessage): BatchItem<"sqlite">;
}

function outboxInsert(db: Db, msg: EmailMessage) {
  return db.insert(emailOutbox).values({
    id: crypto.randomUUID(),
    tenantId: msg.tenantId,
    toEmail: msg.to,
    subject: msg.subject,
    body: msg.body,
    kind: msg.kind,
    createdAt: Date.now(),
  });
}

export const outboxSender: EmailSender = { send: outboxInsert };

/** The sender for this deployment: the outbox, which the transport (if any) drains. */
export function emailSender(_env: Env): EmailSender {
  return outboxSender;
}

/** Hands one message to an e-mail service; throws when the service refuses it. */
export type EmailTransport = { name: string; deliver(msg: { to: string; subject: string; body: string; kind: string }): Promise<void> };

/**
 * An HTTP e-mail API: `POST {url}` with `Authorization: Bearer {key}` and a JSON body
 * `{ from, to, subject, text, tags }`, the shape most transactional e-mail APIs take (or a small relay maps).
 */
export function httpTransport(url: string, key: string, from: string, fetcher: typeof fetch = fetch): EmailTransport {
  return {
    name: "http",
    async deliver(msg) {
      const res = await fetcher(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({ from, to: msg.to, subject: msg.subject, text: msg.body, tags: [msg.kind] }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}: ${(await res.text().catch(() => "")).slice(0, 200)}`);
    },
  };
}

/** The configured transport, or null when e-mail stays in the outbox (no EMAIL_API_URL / EMAIL_API_KEY). */
export function emailTransport(env: Env, fetcher: typeof fetch = fetch): EmailTransport | null {
  if (!env.EMAIL_API_URL || !env.EMAIL_API_KEY) return null;
  return httpTransport(env.EMAIL_API_URL, env.EMAIL_API_KEY, env.EMAIL_FROM ?? "Akuntabel <no-reply@akuntabel.id>", fetcher);
}

/** A message is retried on later runs until it has failed this often. */
export const MAX_ATTEMPTS = 5;

/**
 * Sends pending outbox rows, oldest first, and records each outcome. A row is claimed (attempts + 1, guarded
 * on the attempts read) before it is sent, so two concurrent runs never send the same message twice.
 */
export async function deliverPending(db: Db, transport: EmailTransport, limit = 50): Promise<{ sent: number; failed: number }> {
  const pending = await db
    .select()
    .from(emailOutbox)
    .where(and(isNull(emailOutbox.sentAt), lt(emailOutbox.attempts, MAX_ATTEMPTS)))
    .orderBy(asc(emailOutbox.createdAt))
    .limit(limit)
    .all();
  let sent = 0;
  let failed = 0;
  for (const m of pending) {
    const claimed = await db
      .update(emailOutbox)
      .set({ attempts: m.attempts + 1 })
      .where(and(eq(emailOutbox.id, m.id), eq(emailOutbox.attempts, m.attempts), isNull(emailOutbox.sentAt)))
      .returning({ id: emailOutbox.id });
    if (!claimed.length) continue;
    try {
      await transport.deliver({ to: m.toEmail, subject: m.subject, body: m.body, kind: m.kind });
      await db.update(emailOutbox).set({ sentAt: Date.now(), lastError: null }).where(eq(emailOutbox.id, m.id));
      sent++;
    } catch (e) {
      await db.update(emailOutbox).set({ lastError: String(e instanceof Error ? e.message : e).slice(0, 500) }).where(eq(emailOutbox.id, m.id));
      failed++;
    }
  }
  return { sent, failed };
}

/** Control-plane handle for the dispatcher (the outbox is a control table). */
const outboxDb = (env: Env) => drizzle(env.DB);

/** Sends pending e-mail when a transport is configured; for the cron run and after write requests. */
export async function deliverOutbox(env: Env, fetcher: typeof fetch = fetch) {
  const transport = emailTransport(env, fetcher);
  return transport ? deliverPending(outboxDb(env), transport) : { sent: 0, failed: 0 };
}

/**
 * After a write (which may have queued e-mail, e.g. a password-reset link), deliver in the background
 * so it does not wait for cron. Citizens' survey responses queue none: they must not cost an outbox
 * query each.
 */
export const deliverAfterWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (c.req.method !== "GET" && !isPublicRoute(c.req.path) && emailTransport(c.env)) c.executionCtx.waitUntil(deliverOutbox(c.env).catch(() => undefined));
};
