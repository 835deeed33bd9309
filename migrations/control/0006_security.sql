-- Account security, API tokens, notifications, e-mail outbox and the reminder log (issue 12);
-- deadlines are tenant data (migrations/tenant/0006_security.sql).

-- A session opened by someone who must use two-step sign-in but has not enrolled yet:
-- it may only reach the sign-in and account-security endpoints until enrolment completes.
ALTER TABLE sessions ADD COLUMN totp_enrolment_required INTEGER NOT NULL DEFAULT 0;

-- TOTP (RFC 6238). `pending_secret` is a secret offered during enrolment, not yet confirmed;
-- `last_step` is the last accepted 30-second step, so a code is accepted once.
CREATE TABLE user_totp (
  user_id TEXT PRIMARY KEY REFERENCES users(id),
  secret TEXT,
  pending_secret TEXT,
  enabled_at INTEGER,
  last_step INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE recovery_codes (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  code_hash TEXT NOT NULL,
  used_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX recovery_codes_user ON recovery_codes(user_id);

-- The state between a correct password and a correct second-step code (no session yet).
CREATE TABLE login_challenges (
  id TEXT PRIMARY KEY, -- SHA-256 of the challenge token
  user_id TEXT NOT NULL REFERENCES users(id),
  expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX login_challenges_user ON login_challenges(user_id);

CREATE TABLE password_resets (
  id TEXT PRIMARY KEY, -- SHA-256 of the link token
  user_id TEXT NOT NULL REFERENCES users(id),
  expires_at INTEGER NOT NULL,
  used_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX password_resets_user ON password_resets(user_id);

CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL, -- first characters of the token, to recognise it in lists
  role TEXT NOT NULL CHECK (role IN ('tenant_admin', 'evaluator', 'agency_admin', 'agency_head', 'viewer')),
  pd_id TEXT,
  scopes TEXT NOT NULL, -- JSON array of "resource:read" / "resource:write"
  created_by TEXT REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  last_used_at INTEGER,
  revoked_at INTEGER
);
CREATE INDEX api_tokens_tenant ON api_tokens(tenant_id, created_at);

CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  tenant_id TEXT REFERENCES tenants(id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT,
  read_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX notifications_user ON notifications(user_id, read_at, created_at);

-- Development and test e-mail: what would have been sent, readable in the admin UI.
CREATE TABLE email_outbox (
  id TEXT PRIMARY KEY,
  tenant_id TEXT REFERENCES tenants(id),
  to_email TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  kind TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX email_outbox_tenant ON email_outbox(tenant_id, created_at);

-- One row per reminder sent: the unique key makes the scheduled handler idempotent. It sits beside
-- notifications and the outbox so the three land in one batch; deadline_id names a tenant-database row.
CREATE TABLE reminder_log (
  deadline_id TEXT NOT NULL,
  due_date TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id),
  sent_at INTEGER NOT NULL,
  PRIMARY KEY (deadline_id, due_date, user_id)
);
