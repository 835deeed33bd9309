import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ROLES } from "../../../shared/roles";
import { PD_KINDS, TENANT_KINDS } from "../../../shared/kinds";


export const tenants = sqliteTable("tenants", {
  id: text("id").primaryKey(),
  code: text("code").notNull(),
  name: text("name").notNull(),
  kind: text("kind", { enum: TENANT_KINDS }).notNull(),
  parentId: text("parent_id"),
  status: text("status", { enum: ["active", "suspended"] }).notNull(),
  settings: text("settings").notNull(),
  /** The shard map: the tenant database binding (TENANT_DB_n) that holds this tenant's data. */
  dbBinding: text("db_binding").notNull(),
  createdAt: integer("created_at").notNull(),
});

/** A tenant move in progress or done (scripts/move-tenant.mjs records each finished step). */
export const tenantMoves = sqliteTable("tenant_moves", {
  tenantId: text("tenant_id").primaryKey(),
  fromBinding: text("from_binding").notNull(),
  toBinding: text("to_binding").notNull(),
  step: text("step", { enum: ["copying", "verified", "switched", "done"] }).notNull(),
  checksums: text("checksums"),
  updatedAt: integer("updated_at").notNull(),
});

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  isPlatformOperator: integer("is_platform_operator", { mode: "boolean" }).notNull(),
  status: text("status", { enum: ["active", "inactive"] }).notNull(),
  createdAt: integer("created_at").notNull(),
});

export const memberships = sqliteTable("memberships", {
  id: text("id").primaryKey(),
  userId: text("user_id").notNull(),
  tenantId: text("tenant_id").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  pdId: text("pd_id"),
  disabledAt: integer("disabled_at"),
  createdAt: integer("created_at").notNull(),
});

export const sessions = sqliteTable("sessions", {
  id: text("id").primaryKey(),
  userId: text("user_id").notNull(),
  createdAt: integer("created_at").notNull(),
  expiresAt: integer("expires_at").notNull(),
  lastSeenAt: integer("last_seen_at").notNull(),
  userAgent: text("user_agent"),
  totpEnrolmentRequired: integer("totp_enrolment_required", { mode: "boolean" }).notNull().default(false),
});

export const invitations = sqliteTable("invitations", {
  id: text("id").primaryKey(),
  tokenHash: text("token_hash").notNull(),
  tenantId: text("tenant_id").notNull(),
  email: text("email").notNull(),
  name: text("name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  pdId: text("pd_id"),
  invitedBy: text("invited_by"),
  expiresAt: integer("expires_at").notNull(),
  acceptedAt: integer("accepted_at"),
  revokedAt: integer("revoked_at"),
  createdAt: integer("created_at").notNull(),
});

export const auditLog = sqliteTable("audit_log", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  tenantId: text("tenant_id"),
  userId: text("user_id"),
  action: text("action").notNull(),
  entity: text("entity").notNull(),
  entityId: text("entity_id"),
  before: text("before"),
  after: text("after"),
  createdAt: integer("created_at").notNull(),
});

export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});

export const perangkatDaerah = sqliteTable("perangkat_daerah", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  code: text("code").notNull(),
  name: text("name").notNull(),
  kind: text("kind", { enum: PD_KINDS }).notNull(),
  headName: text("head_name"),
  active: integer("active", { mode: "boolean" }).notNull(),
  // Added by 0002_organisation: the years the PD exists (null = open).
  yearFrom: integer("year_from"),
  yearTo: integer("year_to"),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});
