-- The data tables of the LKjIP's Bab I (seed 002): Tabel 1.1 Sumber Daya Aparatur ('sdm') and
-- Tabel 1.2 Sarana dan Prasarana Kerja ('sarana'), one per PD and year. A table is edited and saved
-- as a whole (rows in order, validated by shared/schemas/lkjip-tables.ts) and never queried by cell,
-- so its rows are one JSON text; totals are computed when read (shared/formulas/sdm.ts).
-- `version` counts saves: a save names the version it started from, a stale one gets 409.
CREATE TABLE lkjip_tables (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  pd_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  table_key TEXT NOT NULL CHECK (table_key IN ('sdm','sarana')),
  rows TEXT NOT NULL,
  sumber TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL,
  updated_by TEXT,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX lkjip_tables_key ON lkjip_tables(tenant_id, pd_id, year, table_key);
