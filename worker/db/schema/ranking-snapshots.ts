import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

// Mirrors migrations/tenant/0011_perf.sql (tenant data; the triggers that bump figure_versions live there).

/** Bumped by triggers on every write to a table the ranking figures are computed from. */
export const figureVersions = sqliteTable("figure_versions", {
  tenantId: text("tenant_id").primaryKey(),
  version: integer("version").notNull(),
});

/** One tenant-year's per-PD figures, valid while `version` equals the tenant's figure version. */
export const rankingSnapshots = sqliteTable(
  "ranking_snapshots",
  {
    tenantId: text("tenant_id").notNull(),
    year: integer("year").notNull(),
    version: integer("version").notNull(),
    settings: text("settings").notNull(),
    figures: text("figures").notNull(),
    computedAt: integer("computed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.year] })],
);
