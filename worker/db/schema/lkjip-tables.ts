import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { LKJIP_TABLES } from "../../../shared/schemas/lkjip-tables";

// Mirrors migrations/tenant/0013_lkjip_tables.sql: LKjIP Bab I tables per PD and year.

export const lkjipTables = sqliteTable("lkjip_tables", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  pdId: text("pd_id").notNull(),
  year: integer("year").notNull(),
  tableKey: text("table_key", { enum: LKJIP_TABLES }).notNull(),
  /** JSON array of the rows (SdmRow or SaranaRow). */
  rows: text("rows").notNull(),
  sumber: text("sumber").notNull(),
  version: integer("version").notNull(),
  updatedBy: text("updated_by"),
  updatedAt: integer("updated_at").notNull(),
});
