-- Organisation: active years of a perangkat daerah, the unit tree inside each PD,
-- jabatan (positions) and who held them when (history is never overwritten).

ALTER TABLE perangkat_daerah ADD COLUMN year_from INTEGER;
ALTER TABLE perangkat_daerah ADD COLUMN year_to INTEGER;

CREATE TABLE org_units (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  pd_id TEXT NOT NULL REFERENCES perangkat_daerah(id),
  -- Checked in code (no FK) so a batch may insert children of units created in the same import.
  parent_id TEXT,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  eselon TEXT NOT NULL CHECK (eselon IN ('II','III','IV','pelaksana','fungsional')),
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX org_units_code ON org_units(tenant_id, pd_id, code);
CREATE INDEX org_units_parent ON org_units(tenant_id, parent_id);

CREATE TABLE jabatan (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  pd_id TEXT NOT NULL,
  unit_id TEXT,
  name TEXT NOT NULL,
  eselon TEXT NOT NULL CHECK (eselon IN ('II','III','IV','pelaksana','fungsional')),
  -- The unit's head (Kepala ...): one per unit, upserted by unit in imports.
  is_head INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX jabatan_pd ON jabatan(tenant_id, pd_id);
CREATE INDEX jabatan_unit ON jabatan(tenant_id, unit_id);
CREATE UNIQUE INDEX jabatan_unit_head ON jabatan(unit_id) WHERE is_head = 1;

CREATE TABLE jabatan_holders (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  jabatan_id TEXT NOT NULL REFERENCES jabatan(id),
  name TEXT NOT NULL,
  nip TEXT NOT NULL CHECK (length(nip) = 18),
  -- Calendar dates YYYY-MM-DD; valid_to NULL = still in office.
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX jabatan_holders_jabatan ON jabatan_holders(tenant_id, jabatan_id, valid_from);
