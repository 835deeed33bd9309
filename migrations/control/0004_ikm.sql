-- Public IKM links: a unit's slug is global, so the citizen-facing survey resolves slug → tenant
-- here and then reads the unit from that tenant's database.
CREATE TABLE ikm_slugs (
  slug TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenants(id),
  unit_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ikm_slugs_unit ON ikm_slugs(tenant_id, unit_id);
