import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

// Mirrors migrations/tenant/0002_organisation.sql.

export const orgUnits = sqliteTable("org_units", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  pdId: text("pd_id").notNull(),
  parentId: text("parent_id"),
  code: text("code").notNull(),
  name: text("name").notNull(),
  kind: text("kind").notNull(),
  eselon: text("eselon").notNull(),
  active: integer("active", { mode: "boolean" }).notNull(),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const jabatan = sqliteTable("jabatan", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  pdId: text("pd_id").notNull(),
  unitId: text("unit_id"),
  name: text("name").notNull(),
  eselon: text("eselon").notNull(),
  isHead: integer("is_head", { mode: "boolean" }).notNull(),
  active: integer("active", { mode: "boolean" }).notNull(),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const jabatanHolders = sqliteTable("jabatan_holders", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  jabatanId: text("jabatan_id").notNull(),
  name: text("name").notNull(),
  nip: text("nip").notNull(),
  validFrom: text("valid_from").notNull(),
  validTo: text("valid_to"),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});
