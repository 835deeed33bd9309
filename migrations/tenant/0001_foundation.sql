-- Tenant database (bindings TENANT_DB_n): every table carries tenant_id; no foreign keys to the
-- control plane (tenants, users), which lives in another database.

-- Changes to this tenant's data, written in the same batch as the change.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id TEXT, -- null for platform-level actions
  user_id TEXT,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT,
  before TEXT,
  after TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX audit_log_tenant ON audit_log(tenant_id, id);

CREATE TABLE perangkat_daerah (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  head_name TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX perangkat_daerah_code ON perangkat_daerah(tenant_id, code);
