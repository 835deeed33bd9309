-- IKM (Indeks Kepuasan Masyarakat, PermenPANRB 14/2017): service points, the survey form and
-- its versions, survey periods, raw responses and the tallies results are read from.

-- A service point citizens rate. The slug is global (the public link /s/<slug>): the control
-- plane's ikm_slugs maps it to the tenant, this index keeps it unique inside the database.
CREATE TABLE unit_layanan (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  pd_id TEXT NOT NULL REFERENCES perangkat_daerah(id),
  name TEXT NOT NULL,
  slug TEXT NOT NULL UNIQUE,
  -- JSON array of the jenis layanan a respondent picks from (empty: free text).
  services TEXT NOT NULL DEFAULT '[]',
  -- JSON object year → population (people served), for sample adequacy.
  populations TEXT NOT NULL DEFAULT '{}',
  -- Shown on the public IKM board.
  published INTEGER NOT NULL DEFAULT 1,
  -- Accept at most one response per device per day.
  one_per_device INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX unit_layanan_tenant ON unit_layanan(tenant_id, pd_id);

-- A tenant's own wording of the form; version 0 (no row) is the built-in PermenPANRB text.
CREATE TABLE ikm_survey_versions (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  definition TEXT NOT NULL,
  created_by TEXT,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ikm_survey_versions_version ON ikm_survey_versions(tenant_id, version);

-- Survey periods of a tenant never overlap (checked in code), so each response belongs to one.
CREATE TABLE ikm_periods (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('triwulan', 'semester', 'tahun')),
  year INTEGER NOT NULL,
  number INTEGER NOT NULL, -- 1..4 triwulan, 1..2 semester, 1 tahun
  starts_on TEXT NOT NULL, -- YYYY-MM-DD
  ends_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ikm_periods_unique ON ikm_periods(tenant_id, kind, year, number);
CREATE INDEX ikm_periods_dates ON ikm_periods(tenant_id, starts_on);

CREATE TABLE ikm_responses (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  unit_id TEXT NOT NULL REFERENCES unit_layanan(id),
  period_id TEXT NOT NULL REFERENCES ikm_periods(id),
  survey_version INTEGER NOT NULL,
  -- Chosen by the citizen's device, so a retried submission is stored once.
  idempotency_key TEXT NOT NULL,
  answers TEXT NOT NULL, -- nine digits 1..4, U1..U9
  extra_answers TEXT NOT NULL DEFAULT '{}',
  gender TEXT NOT NULL,
  age INTEGER NOT NULL,
  education TEXT NOT NULL,
  occupation TEXT NOT NULL,
  service TEXT NOT NULL,
  saran TEXT,
  saran_hidden INTEGER NOT NULL DEFAULT 0,
  -- "<device hash>:<date>" when the unit accepts one response per device per day.
  device_day TEXT,
  submitted_on TEXT NOT NULL, -- YYYY-MM-DD, WIB
  submitted_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ikm_responses_idempotency ON ikm_responses(unit_id, idempotency_key);
CREATE UNIQUE INDEX ikm_responses_device_day ON ikm_responses(unit_id, device_day) WHERE device_day IS NOT NULL;
CREATE INDEX ikm_responses_unit_period ON ikm_responses(tenant_id, unit_id, period_id, submitted_at);

-- Answer counts per unit × period × unsur, updated in the same batch as each response.
CREATE TABLE ikm_tallies (
  tenant_id TEXT NOT NULL,
  unit_id TEXT NOT NULL,
  period_id TEXT NOT NULL,
  unsur INTEGER NOT NULL CHECK (unsur BETWEEN 1 AND 9),
  n1 INTEGER NOT NULL DEFAULT 0,
  n2 INTEGER NOT NULL DEFAULT 0,
  n3 INTEGER NOT NULL DEFAULT 0,
  n4 INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, period_id, unsur)
);
CREATE INDEX ikm_tallies_tenant ON ikm_tallies(tenant_id, period_id);

-- Respondent counts per unit × period × field (gender, age band, ...) × value.
CREATE TABLE ikm_respondent_tallies (
  tenant_id TEXT NOT NULL,
  unit_id TEXT NOT NULL,
  period_id TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  n INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, period_id, field, value)
);
