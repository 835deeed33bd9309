-- Production e-mail (issue 12): the outbox stays the place every message is written, in the same batch as the
-- change that caused it; when an HTTP e-mail API is configured (EMAIL_API_URL + EMAIL_API_KEY) a dispatcher
-- delivers pending rows and records the outcome (worker/notify/email.ts).
ALTER TABLE email_outbox ADD COLUMN sent_at INTEGER;
ALTER TABLE email_outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE email_outbox ADD COLUMN last_error TEXT;
CREATE INDEX email_outbox_pending ON email_outbox (sent_at, attempts, created_at);
