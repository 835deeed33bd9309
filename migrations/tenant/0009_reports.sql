-- Reports (issue 9, generated documents): the texts a PD writes for its reports, and the
-- step-by-step generation jobs of large reports. The generated files themselves are rows of
-- `documents` (migration 0008).

-- One text section of a report (e.g. LKjIP Bab I "Tugas dan Fungsi") per PD and year;
-- pd_id '' = the pemda-wide report. `version` counts saves: a save names the version it
-- started from, a stale one gets 409 (autosave from two tabs must not overwrite silently).
CREATE TABLE report_sections (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('lkjip','triwulan','pk','iku')),
  pd_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  section TEXT NOT NULL,
  body TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_by TEXT,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX report_sections_key ON report_sections(tenant_id, kind, pd_id, year, section);

-- A generation in steps: each step gathers one PD's part (stored as JSON in the DOCUMENTS
-- bucket under <tenant_id>/jobs/<id>/<step>.json), the last step renders and stores the files.
-- Client-driven, so each step stays within one invocation's query budget; the client shows step/total.
-- purpose 'check' gathers the same parts only to compute the current data version (how a pemda-wide
-- LKjIP, too large to gather in one request, is found stale).
CREATE TABLE report_jobs (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  purpose TEXT NOT NULL CHECK (purpose IN ('generate','check')),
  kind TEXT NOT NULL CHECK (kind IN ('lkjip','triwulan','pk','iku')),
  pd_id TEXT,
  year INTEGER NOT NULL,
  period INTEGER,
  -- JSON array of the PD ids to gather, in order.
  pd_ids TEXT NOT NULL,
  step INTEGER NOT NULL DEFAULT 0,
  total INTEGER NOT NULL,
  -- A step that fails leaves the job where it was: calling /step again retries it.
  status TEXT NOT NULL CHECK (status IN ('running','done')),
  -- JSON array of the document ids produced (when done).
  document_ids TEXT,
  -- The data version the last step computed (of the files generated, or the current one for a check).
  data_version TEXT,
  created_by TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX report_jobs_tenant ON report_jobs(tenant_id, created_at);
