-- Documents (issue 9): generated reports (LKjIP, triwulan, PK, IKU) and uploaded files, one row per
-- stored file. The bytes live in the DOCUMENTS R2 bucket under r2_key = '<tenant_id>/<id>/<filename>'.
-- data_version says which data a generated file came from (so a stale file can be recognised);
-- published_at NOT NULL = visible on the tenant's public portal (unpublishing clears it, the
-- publication history is in the audit log).
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  pd_id TEXT REFERENCES perangkat_daerah(id),
  year INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('lkjip','triwulan','pk','iku','renstra','rencana_aksi','lainnya')),
  period TEXT,
  title TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('generated','uploaded')),
  format TEXT NOT NULL CHECK (format IN ('docx','html','pdf','xlsx')),
  content_type TEXT NOT NULL,
  filename TEXT NOT NULL,
  r2_key TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  data_version TEXT,
  created_by TEXT,
  created_at INTEGER NOT NULL,
  published_at INTEGER,
  published_by TEXT
);
CREATE INDEX documents_list ON documents(tenant_id, year, kind);
CREATE INDEX documents_pd ON documents(tenant_id, pd_id, year);
CREATE INDEX documents_published ON documents(tenant_id, published_at) WHERE published_at IS NOT NULL;
