-- SAKIP evaluation (LKE) and published ranking snapshots (DOMAIN.md §7).
-- Tenant tables carry tenant_id without a foreign key to tenants, so they can move to another database.

-- A tenant's LKE for one year: a clone of a built-in sheet (definition JSON), locked once evaluation opens.
CREATE TABLE lke_templates (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('lke2021', 'legacy')),
  name TEXT NOT NULL,
  definition TEXT NOT NULL,
  locked_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX lke_templates_year ON lke_templates(tenant_id, year);

-- One evaluation per PD per year, either worked through the LKE or imported from a historic sheet.
CREATE TABLE lke_evaluations (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  pd_id TEXT NOT NULL REFERENCES perangkat_daerah(id),
  year INTEGER NOT NULL,
  template_id TEXT NOT NULL REFERENCES lke_templates(id),
  source TEXT NOT NULL CHECK (source IN ('lke', 'import')),
  status TEXT NOT NULL CHECK (status IN ('self_assessment', 'evaluator_review', 'final')),
  -- Final results: [{ code, score }] per component, total and predikat as published.
  component_scores TEXT,
  total REAL,
  predikat TEXT,
  -- Import disagreements kept with the row (e.g. a label that does not match the boundaries).
  flags TEXT NOT NULL DEFAULT '[]',
  finalised_at INTEGER,
  finalised_by TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX lke_evaluations_pd_year ON lke_evaluations(tenant_id, pd_id, year);
CREATE INDEX lke_evaluations_year ON lke_evaluations(tenant_id, year, status);

-- Both sides of each criterion: the PD's self-assessment with evidence and the evaluator's score with a note.
CREATE TABLE lke_answers (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  evaluation_id TEXT NOT NULL REFERENCES lke_evaluations(id),
  criterion_id TEXT NOT NULL,
  self_answer TEXT,
  self_note TEXT,
  evidence_url TEXT,
  evaluator_answer TEXT,
  evaluator_note TEXT,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX lke_answers_criterion ON lke_answers(tenant_id, evaluation_id, criterion_id);

CREATE TABLE lke_recommendations (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  evaluation_id TEXT NOT NULL REFERENCES lke_evaluations(id),
  component_code TEXT NOT NULL,
  text TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done')),
  follow_up TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX lke_recommendations_evaluation ON lke_recommendations(tenant_id, evaluation_id);
