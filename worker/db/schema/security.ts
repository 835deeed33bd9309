import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ROLES } from "../../../shared/roles";

export const userTotp = sqliteTable("user_totp", {
  userId: text("user_id").primaryKey(),
  secret: text("secret"),
  pendingSecret: text("pending_secret"),
  enabledAt: integer("enabled_at"),
  lastStep: integer("last_step").notNull(),
});

export const recoveryCodes = sqliteTable("recovery_codes", {
  id: text("id").primaryKey(),
  userId: text("user_id").notNull(),
  codeHash: text("code_hash").notNull(),
  usedAt: integer("used_at"),
  createdAt: integer("created_at").notNull(),
});

export const loginChallenges = sqliteTable("login_challenges", {
  id: text("id").primaryKey(),
  userId: text("user_id").notNull(),
  expiresAt: integer("expires_at").notNull(),
  createdAt: integer("created_at").notNull(),
});

export const passwordResets = sqliteTable("password_resets", {
  id: text("id").primaryKey(),
  userId: text("user_id").notNull(),
  expiresAt: integer("expires_at").notNull(),
  usedAt: integer("used_at"),
  createdAt: integer("created_at").notNull(),
});

export const apiTokens = sqliteTable("api_tokens", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull(),
  prefix: text("prefix").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  pdId: text("pd_id"),
  scopes: text("scopes").notNull(),
  createdBy: text("created_by"),
  createdAt: integer("created_at").notNull(),
  expiresAt: integer("expires_at"),
  lastUsedAt: integer("last_used_at"),
  revokedAt: integer("revoked_at"),
});

export const notifications = sqliteTable("notifications", {
  id: text("id").primaryKey(),
  userId: text("user_id").notNull(),
  tenantId: text("tenant_id"),
  kind: text("kind").notNull(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  link: text("link"),
  readAt: integer("read_at"),
  createdAt: integer("created_at").notNull(),
});

export const emailOutbox = sqliteTable("email_outbox", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id"),
  toEmail: text("to_email").notNull(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  kind: text("kind").notNull(),
  createdAt: integer("created_at").notNull(),
  // Delivery through the HTTP e-mail API, when configured (migration 0012).
  sentAt: integer("sent_at"),
  attempts: integer("attempts").notNull().default(0),
  lastError: text("last_error"),
});

export const deadlines = sqliteTable("deadlines", {
  id: text("id").primaryKey(),
  tenantId: text("tenant_id").notNull(),
  year: integer("year").notNull(),
  key: text("key").notNull(),
  label: text("label").notNull(),
  dueDate: text("due_date").notNull(),
  remindDaysBefore: integer("remind_days_before").notNull(),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const reminderLog = sqliteTable(
  "reminder_log",
  {
    deadlineId: text("deadline_id").notNull(),
    dueDate: text("due_date").notNull(),
    userId: text("user_id").notNull(),
    sentAt: integer("sent_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.deadlineId, t.dueDate, t.userId] })],
);
