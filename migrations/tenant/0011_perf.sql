-- Precomputed ranking figures (issue 10). The ranking reads each year's per-PD SAKIP, capaian
-- and penyerapan (worker/data/figures.ts) from ranking_snapshots instead of computing them per
-- request; IKM, which every survey submission changes, is read from its tallies in the ranking's
-- own batch instead (worker/data/ranking.ts). A snapshot is fresh while its version equals the
-- tenant's figure_versions.version; the triggers below bump that version in the same transaction
-- as any write to a table those figures are computed from, so a write is never followed by a
-- stale ranking (worker/data/ranking-snapshot.ts). Both tables and the triggers belong with the
-- tenant data. The triggers avoid INSERT OR IGNORE: an outer statement's conflict clause (an
-- upsert) would override it.

CREATE TABLE figure_versions (
  tenant_id TEXT PRIMARY KEY,
  version INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE ranking_snapshots (
  tenant_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  -- figure_versions.version read before the figures were computed
  version INTEGER NOT NULL,
  -- the tenant settings the figures were computed with (capaian rules)
  settings TEXT NOT NULL,
  -- JSON { sakip: { pdId: value }, capaian: {...}, penyerapan: {...} }
  figures TEXT NOT NULL,
  computed_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, year)
);

-- plans
CREATE TRIGGER figure_version_plans_insert AFTER INSERT ON plans BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT NEW.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = NEW.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = NEW.tenant_id;
END;
CREATE TRIGGER figure_version_plans_update AFTER UPDATE ON plans BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT NEW.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = NEW.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = NEW.tenant_id;
END;
CREATE TRIGGER figure_version_plans_delete AFTER DELETE ON plans BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT OLD.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = OLD.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = OLD.tenant_id;
END;
-- indicators
CREATE TRIGGER figure_version_indicators_insert AFTER INSERT ON indicators BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT NEW.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = NEW.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = NEW.tenant_id;
END;
CREATE TRIGGER figure_version_indicators_update AFTER UPDATE ON indicators BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT NEW.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = NEW.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = NEW.tenant_id;
END;
CREATE TRIGGER figure_version_indicators_delete AFTER DELETE ON indicators BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT OLD.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = OLD.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = OLD.tenant_id;
END;
-- indicator_versions
CREATE TRIGGER figure_version_indicator_versions_insert AFTER INSERT ON indicator_versions BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT NEW.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = NEW.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = NEW.tenant_id;
END;
CREATE TRIGGER figure_version_indicator_versions_update AFTER UPDATE ON indicator_versions BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT NEW.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = NEW.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = NEW.tenant_id;
END;
CREATE TRIGGER figure_version_indicator_versions_delete AFTER DELETE ON indicator_versions BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT OLD.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = OLD.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = OLD.tenant_id;
END;
-- lke_evaluations
CREATE TRIGGER figure_version_lke_evaluations_insert AFTER INSERT ON lke_evaluations BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT NEW.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = NEW.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = NEW.tenant_id;
END;
CREATE TRIGGER figure_version_lke_evaluations_update AFTER UPDATE ON lke_evaluations BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT NEW.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = NEW.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = NEW.tenant_id;
END;
CREATE TRIGGER figure_version_lke_evaluations_delete AFTER DELETE ON lke_evaluations BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT OLD.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = OLD.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = OLD.tenant_id;
END;
-- pk_documents
CREATE TRIGGER figure_version_pk_documents_insert AFTER INSERT ON pk_documents BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT NEW.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = NEW.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = NEW.tenant_id;
END;
CREATE TRIGGER figure_version_pk_documents_update AFTER UPDATE ON pk_documents BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT NEW.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = NEW.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = NEW.tenant_id;
END;
CREATE TRIGGER figure_version_pk_documents_delete AFTER DELETE ON pk_documents BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT OLD.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = OLD.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = OLD.tenant_id;
END;
-- pk_items
CREATE TRIGGER figure_version_pk_items_insert AFTER INSERT ON pk_items BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT NEW.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = NEW.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = NEW.tenant_id;
END;
CREATE TRIGGER figure_version_pk_items_update AFTER UPDATE ON pk_items BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT NEW.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = NEW.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = NEW.tenant_id;
END;
CREATE TRIGGER figure_version_pk_items_delete AFTER DELETE ON pk_items BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT OLD.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = OLD.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = OLD.tenant_id;
END;
-- realisasi
CREATE TRIGGER figure_version_realisasi_insert AFTER INSERT ON realisasi BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT NEW.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = NEW.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = NEW.tenant_id;
END;
CREATE TRIGGER figure_version_realisasi_update AFTER UPDATE ON realisasi BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT NEW.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = NEW.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = NEW.tenant_id;
END;
CREATE TRIGGER figure_version_realisasi_delete AFTER DELETE ON realisasi BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT OLD.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = OLD.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = OLD.tenant_id;
END;
-- budget_lines
CREATE TRIGGER figure_version_budget_lines_insert AFTER INSERT ON budget_lines BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT NEW.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = NEW.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = NEW.tenant_id;
END;
CREATE TRIGGER figure_version_budget_lines_update AFTER UPDATE ON budget_lines BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT NEW.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = NEW.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = NEW.tenant_id;
END;
CREATE TRIGGER figure_version_budget_lines_delete AFTER DELETE ON budget_lines BEGIN
  INSERT INTO figure_versions (tenant_id, version) SELECT OLD.tenant_id, 0 WHERE NOT EXISTS (SELECT 1 FROM figure_versions WHERE tenant_id = OLD.tenant_id);
  UPDATE figure_versions SET version = version + 1 WHERE tenant_id = OLD.tenant_id;
END;
