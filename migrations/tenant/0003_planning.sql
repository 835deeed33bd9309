-- Planning and cascading (DOMAIN.md §2): RPJMD and Renstra plans, their tree of nodes
-- (visi → misi → tujuan → sasaran → program → kegiatan → sub kegiatan → rencana aksi),
-- indicators and targets.
--
-- Revisions: nodes, indicators and targets keep every version. Identity rows (plan_nodes,
-- indicators) never change; content lives in *_versions / indicator_targets rows numbered
-- by `version`. While a plan is a draft its first version is edited in place; once the plan
-- is approved every change (including removal, `removed = 1`) is a new row with
-- `effective_date` (YYYY-MM-DD) and `reason`. The row in force on a date is the highest
-- version whose effective_date is on or before it.
--
-- For Perjanjian Kinerja / realisasi: refer to plan_nodes.id (sasaran), indicators.id and
-- targets by (indicator_id, year, period); period 0 = the year, 1–4 = triwulan.

CREATE TABLE plans (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('rpjmd','renstra')),
  -- NULL for the RPJMD (the whole pemda), the PD for a Renstra.
  pd_id TEXT REFERENCES perangkat_daerah(id),
  -- The RPJMD a Renstra follows (its tujuan/sasaran support that RPJMD's nodes).
  rpjmd_plan_id TEXT REFERENCES plans(id),
  name TEXT NOT NULL,
  year_from INTEGER NOT NULL,
  year_to INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','approved')),
  approved_at INTEGER,
  approved_by TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK ((kind = 'rpjmd') = (pd_id IS NULL)),
  CHECK (year_to >= year_from AND year_to - year_from <= 5)
);
CREATE UNIQUE INDEX plans_period ON plans(tenant_id, kind, coalesce(pd_id, ''), year_from);

CREATE TABLE plan_nodes (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  plan_id TEXT NOT NULL REFERENCES plans(id),
  pd_id TEXT,
  level TEXT NOT NULL CHECK (level IN ('visi','misi','tujuan','sasaran','program','kegiatan','sub_kegiatan','rencana_aksi')),
  created_at INTEGER NOT NULL
);
CREATE INDEX plan_nodes_plan ON plan_nodes(tenant_id, plan_id);

CREATE TABLE plan_node_versions (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  plan_id TEXT NOT NULL,
  node_id TEXT NOT NULL REFERENCES plan_nodes(id),
  version INTEGER NOT NULL,
  effective_date TEXT NOT NULL,
  reason TEXT,
  removed INTEGER NOT NULL DEFAULT 0,
  -- Checked in code: same plan, the level above (which also rules out cycles).
  parent_id TEXT,
  -- JSON array of RPJMD node ids a Renstra tujuan/sasaran supports.
  supports TEXT NOT NULL DEFAULT '[]',
  code TEXT,
  name TEXT NOT NULL,
  -- jabatan.id (migration 0002); no FK so plans survive a restructured org tree.
  owner_jabatan_id TEXT,
  -- Rencana aksi: triwulan schedule as bits, TW I = 1, II = 2, III = 4, IV = 8.
  schedule INTEGER NOT NULL DEFAULT 0,
  -- Anggaran of a program/kegiatan/sub kegiatan/rencana aksi in integer rupiah.
  budget INTEGER,
  position INTEGER NOT NULL DEFAULT 0,
  created_by TEXT,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX plan_node_versions_version ON plan_node_versions(node_id, version);
CREATE INDEX plan_node_versions_plan ON plan_node_versions(tenant_id, plan_id, effective_date);

CREATE TABLE indicators (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  plan_id TEXT NOT NULL REFERENCES plans(id),
  node_id TEXT NOT NULL REFERENCES plan_nodes(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX indicators_node ON indicators(tenant_id, node_id);

CREATE TABLE indicator_versions (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  plan_id TEXT NOT NULL,
  indicator_id TEXT NOT NULL REFERENCES indicators(id),
  version INTEGER NOT NULL,
  effective_date TEXT NOT NULL,
  reason TEXT,
  removed INTEGER NOT NULL DEFAULT 0,
  name TEXT NOT NULL,
  satuan TEXT NOT NULL,
  polarity TEXT NOT NULL CHECK (polarity IN ('positive','negative')),
  negative_method TEXT NOT NULL DEFAULT '2T-R' CHECK (negative_method IN ('2T-R','T/R')),
  kind TEXT NOT NULL CHECK (kind IN ('numeric','categorical','text')),
  -- JSON array, best first: ["AA","A","BB","B","CC","C","D"] (categorical only).
  scale TEXT,
  formula_numerator TEXT,
  formula_denominator TEXT,
  formula_note TEXT,
  sumber_data TEXT,
  penanggung_jawab TEXT,
  aggregation TEXT NOT NULL DEFAULT 'cumulative' CHECK (aggregation IN ('cumulative','sum','average','last')),
  is_iku INTEGER NOT NULL DEFAULT 0,
  position INTEGER NOT NULL DEFAULT 0,
  created_by TEXT,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX indicator_versions_version ON indicator_versions(indicator_id, version);
CREATE INDEX indicator_versions_plan ON indicator_versions(tenant_id, plan_id, effective_date);

CREATE TABLE indicator_targets (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  plan_id TEXT NOT NULL,
  indicator_id TEXT NOT NULL REFERENCES indicators(id),
  year INTEGER NOT NULL,
  period INTEGER NOT NULL CHECK (period BETWEEN 0 AND 4),
  version INTEGER NOT NULL,
  effective_date TEXT NOT NULL,
  reason TEXT,
  removed INTEGER NOT NULL DEFAULT 0,
  -- As entered ("70 (cukup)", "BB", "5-10"), and what parseIdNumber read from it.
  value_text TEXT NOT NULL,
  value_num REAL,
  value_max REAL,
  category TEXT,
  label TEXT,
  -- A triwulan target counts from TW I (seed 004: 20 / 50 / 70 / 95 %).
  cumulative INTEGER NOT NULL DEFAULT 0,
  created_by TEXT,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX indicator_targets_version ON indicator_targets(indicator_id, year, period, version);
CREATE INDEX indicator_targets_plan ON indicator_targets(tenant_id, plan_id, effective_date);
