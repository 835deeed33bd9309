-- Performance (DOMAIN.md §3–§5): Perjanjian Kinerja, quarterly realisasi with evidence,
-- budget lines with realisasi keuangan, and the triwulan report review exchange.
--
-- Ids of planning rows (plan_nodes.id, indicators.id, migration 0003) and jabatan.id
-- (migration 0002) are referenced without FKs, like plan_node_versions.owner_jabatan_id:
-- a PK must survive a restructured org tree or a removed Renstra node.

-- One PK version per PD, year and official (jabatan_id NULL = the PD head's PK).
-- draft → submitted → approved (locked). A PK perubahan is a new row with version + 1,
-- effective_date and reason; the previous version stays as it was.
CREATE TABLE pk_documents (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  pd_id TEXT NOT NULL REFERENCES perangkat_daerah(id),
  year INTEGER NOT NULL,
  jabatan_id TEXT,
  plan_id TEXT,
  version INTEGER NOT NULL,
  effective_date TEXT NOT NULL,
  reason TEXT,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','approved')),
  submitted_at INTEGER,
  submitted_by TEXT,
  approved_at INTEGER,
  approved_by TEXT,
  created_by TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX pk_documents_version ON pk_documents(tenant_id, pd_id, year, coalesce(jabatan_id, ''), version);
CREATE INDEX pk_documents_year ON pk_documents(tenant_id, year, status);

-- The PK's rows, copied from the Renstra when the PK is drafted (names and targets as agreed):
-- kind 'indicator' = sasaran + indicator + target, kind 'program' = program/kegiatan + anggaran.
CREATE TABLE pk_items (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  pk_id TEXT NOT NULL REFERENCES pk_documents(id),
  kind TEXT NOT NULL CHECK (kind IN ('indicator','program')),
  node_id TEXT NOT NULL,
  node_name TEXT NOT NULL,
  indicator_id TEXT,
  indicator_name TEXT,
  satuan TEXT,
  target_text TEXT,
  target_num REAL,
  anggaran INTEGER,
  position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX pk_items_pk ON pk_items(tenant_id, pk_id);

-- Realisasi of an indicator for one triwulan (cumulative value where the indicator is).
-- `version` counts saves: a save names the version it started from, a stale one gets 409.
CREATE TABLE realisasi (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  pd_id TEXT NOT NULL,
  indicator_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  period INTEGER NOT NULL CHECK (period BETWEEN 1 AND 4),
  status TEXT NOT NULL CHECK (status IN ('provisional','final','pending')),
  value_text TEXT,
  value_num REAL,
  category TEXT,
  -- Text indicators: capaian typed in by hand (flagged "manual").
  capaian_manual REAL,
  explanation TEXT,
  evidence_url TEXT,
  version INTEGER NOT NULL,
  updated_by TEXT,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX realisasi_cell ON realisasi(tenant_id, indicator_id, year, period);
CREATE INDEX realisasi_pd ON realisasi(tenant_id, pd_id, year);

-- Uploaded evidence files, stored in the EVIDENCE R2 bucket under r2_key.
CREATE TABLE realisasi_evidence (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  realisasi_id TEXT NOT NULL REFERENCES realisasi(id),
  r2_key TEXT NOT NULL,
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  created_by TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX realisasi_evidence_cell ON realisasi_evidence(tenant_id, realisasi_id);

-- Pagu and realisasi keuangan of a program/kegiatan/sub kegiatan, integer rupiah.
-- realisasi_twN is what was spent in that triwulan (not cumulative); fisik_twN is the
-- cumulative physical progress in percent.
CREATE TABLE budget_lines (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  pd_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  node_id TEXT NOT NULL,
  level TEXT NOT NULL,
  code TEXT,
  name TEXT NOT NULL,
  -- The Renstra sasaran the line serves (walked up from node_id), for efisiensi per sasaran.
  sasaran_id TEXT,
  jenis TEXT NOT NULL CHECK (jenis IN ('operasi','modal')),
  pagu_murni INTEGER NOT NULL CHECK (pagu_murni >= 0),
  pagu_perubahan INTEGER CHECK (pagu_perubahan >= 0),
  realisasi_tw1 INTEGER NOT NULL DEFAULT 0,
  realisasi_tw2 INTEGER NOT NULL DEFAULT 0,
  realisasi_tw3 INTEGER NOT NULL DEFAULT 0,
  realisasi_tw4 INTEGER NOT NULL DEFAULT 0,
  fisik_tw1 REAL,
  fisik_tw2 REAL,
  fisik_tw3 REAL,
  fisik_tw4 REAL,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX budget_lines_node ON budget_lines(tenant_id, pd_id, year, node_id, jenis);

-- A PD's triwulan report: draft → submitted → accepted, or returned for revision and resubmitted.
CREATE TABLE tw_reports (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  pd_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  period INTEGER NOT NULL CHECK (period BETWEEN 1 AND 4),
  status TEXT NOT NULL CHECK (status IN ('submitted','returned','accepted')),
  round INTEGER NOT NULL DEFAULT 1,
  last_disposition TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX tw_reports_period ON tw_reports(tenant_id, pd_id, year, period);
CREATE INDEX tw_reports_status ON tw_reports(tenant_id, status);

-- The exchange on a report, never rewritten: submissions, dispositions and notes
-- (indicator_id set = a note on one indicator).
CREATE TABLE tw_report_events (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  report_id TEXT NOT NULL REFERENCES tw_reports(id),
  kind TEXT NOT NULL CHECK (kind IN ('submit','disposition','note')),
  disposition TEXT,
  indicator_id TEXT,
  note TEXT,
  user_id TEXT,
  user_name TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX tw_report_events_report ON tw_report_events(tenant_id, report_id, created_at);
