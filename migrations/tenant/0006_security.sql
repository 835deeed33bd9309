-- Deadlines (issue 12); who was reminded is logged in the control plane (reminder_log).
CREATE TABLE deadlines (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  key TEXT NOT NULL, -- e.g. pk, realisasi-tw1, lkjip, ikm-s1, or custom-<uuid>
  label TEXT NOT NULL,
  due_date TEXT NOT NULL, -- YYYY-MM-DD
  remind_days_before INTEGER NOT NULL DEFAULT 7,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX deadlines_key ON deadlines(tenant_id, year, key);
