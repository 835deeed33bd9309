import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { emailOutbox } from "../db/schema";

export type EmailMessage = { tenantId: string | null; to: string; subject: string; body: string; kind: string };

/**
 * Where e-mail goes. Production would plug in an HTTP e-mail API here; development and tests
 * use the outbox table, since nothing may reach the internet. Senders return a statement so the
 * message lands in the same `db.batch()` as the change that caused it.
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

/** The sender for this deployment (only the outbox exists so far). */
export function emailSender(_env: Env): EmailSender {
  return outboxSender;
}
