-- Control plane: aggregate figures a tenant published (per year, per figure). Cross-pemda tables read only
-- these rows — never another tenant's records — and only of tenants whose opt-in setting is on.
CREATE TABLE published_figures (
  tenant_id TEXT NOT NULL REFERENCES tenants(id),
  year INTEGER NOT NULL,
  figure TEXT NOT NULL,
  value REAL NOT NULL,
  -- How many perangkat daerah the aggregate covers.
  pd_count INTEGER NOT NULL,
  published_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, year, figure)
);
CREATE INDEX published_figures_year ON published_figures(year, figure);
