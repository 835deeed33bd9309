-- Control plane (binding DB): tenants and the shard map, people, access, platform audit.
-- Tenant data lives in the tenant databases (migrations/tenant/); see docs/scaling.md.
CREATE TABLE tenants (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('provinsi', 'kabupaten', 'kota')),
  parent_id TEXT REFERENCES tenants(id),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
  settings TEXT NOT NULL DEFAULT '{}',
  -- The shard map: which tenant database binding (TENANT_DB_n) holds this tenant's data.
  db_binding TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX tenants_parent ON tenants(parent_id);
CREATE INDEX tenants_db_binding ON tenants(db_binding);

-- A tenant being moved between databases (scripts/move-tenant.mjs): each finished step is recorded,
-- so a move interrupted part-way resumes where it stopped.
CREATE TABLE tenant_moves (
  tenant_id TEXT PRIMARY KEY REFERENCES tenants(id),
  from_binding TEXT NOT NULL,
  to_binding TEXT NOT NULL,
  step TEXT NOT NULL CHECK (step IN ('copying', 'verified', 'switched', 'done')),
  checksums TEXT,
  updated_at INTEGER NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  is_platform_operator INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  created_at INTEGER NOT NULL
);

CREATE TABLE memberships (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  tenant_id TEXT NOT NULL REFERENCES tenants(id),
  role TEXT NOT NULL CHECK (role IN ('tenant_admin', 'evaluator', 'agency_admin', 'agency_head', 'viewer')),
  pd_id TEXT,
  disabled_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX memberships_unique ON memberships(user_id, tenant_id, role, coalesce(pd_id, ''));
CREATE INDEX memberships_tenant ON memberships(tenant_id, user_id);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY, -- SHA-256 of the cookie token; the token itself is never stored
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  user_agent TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE invitations (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  tenant_id TEXT NOT NULL REFERENCES tenants(id),
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  pd_id TEXT,
  invited_by TEXT REFERENCES users(id),
  expires_at INTEGER NOT NULL,
  accepted_at INTEGER,
  revoked_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX invitations_tenant ON invitations(tenant_id, created_at);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- Control-plane changes (memberships, invitations, settings, tokens); a tenant's own data is
  -- audited in its tenant database, in the same batch as the change. Null = platform-level action.
  tenant_id TEXT,
  user_id TEXT,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT,
  before TEXT,
  after TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX audit_log_tenant ON audit_log(tenant_id, id);

-- Fixed-window counters for login throttling (works the same in wrangler dev, tests and production).
CREATE TABLE rate_limits (
  key TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL,
  count INTEGER NOT NULL
);
