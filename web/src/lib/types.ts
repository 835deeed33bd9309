// Response shapes of the API (worker/routes/*). Request bodies use the zod schemas in $shared.
import type { Role } from "$shared/roles";
import type { PdKind } from "$shared/schemas/perangkat-daerah";
import type { TenantKind, TenantSettings } from "$shared/schemas/tenant";

export type Me = {
  user: { id: string; email: string; name: string; isPlatformOperator: boolean };
  security: { totpEnabled: boolean; totpEnrolmentRequired: boolean };
  unreadNotifications: number;
  tenants: { code: string; name: string; kind: TenantKind; grants: { role: Role; pdId: string | null; pdName: string | null }[] }[];
};

export type Tenant = {
  code: string;
  name: string;
  kind: TenantKind;
  settings: TenantSettings;
  grants: { role: Role; pdId: string | null }[];
};

export type Invitation = {
  email: string;
  name: string;
  role: Role;
  pdName: string | null;
  tenant: { code: string; name: string };
  accountExists: boolean;
  expiresAt: string;
};

/** The one-time link returned when an invitation is created. */
export type InvitationLink = { id: string; url: string; expiresAt: string };

export type PerangkatDaerah = {
  id: string;
  code: string;
  name: string;
  kind: PdKind;
  headName: string | null;
  active: boolean;
  yearFrom: number | null;
  yearTo: number | null;
};

export type Member = {
  id: string;
  email: string;
  name: string;
  active: boolean;
  grants: { id: string; role: Role; pdId: string | null; pdName: string | null }[];
};

export type PendingInvitation = { id: string; email: string; name: string; role: Role; pdId: string | null; pdName: string | null; expiresAt: string };

export type AuditEntry = {
  /** "t…" = a change to the tenant's data, "c…" = memberships, settings, tokens (control plane). */
  id: string;
  action: string;
  entity: string;
  entityId: string | null;
  userName: string | null;
  before: unknown;
  after: unknown;
  at: string;
};

export type PlatformTenant = {
  code: string;
  name: string;
  kind: TenantKind;
  parentCode: string | null;
  status: "active" | "suspended";
  members: number;
  /** Null while the tenant's database is unavailable. */
  perangkatDaerah: number | null;
  /** The tenant database binding that holds the tenant (shard map). */
  database: string;
  createdAt: string;
};

export type List<T> = { items: T[] };

/** POST /auth/login: a session, or a second step still to do (worker/routes/auth.ts). */
export type LoginResult = { ok: true; totpRequired?: boolean; challenge?: string; totpEnrolmentRequired?: boolean };

export type AccountSecurity = { totpEnabled: boolean; totpRequired: boolean; totpEnrolmentRequired: boolean; recoveryCodesLeft: number };

export type AccountSession = { id: string; device: string; userAgent: string | null; createdAt: string; lastSeenAt: string; current: boolean };

export type AppNotification = { id: string; kind: string; title: string; body: string; link: string | null; read: boolean; createdAt: string };

export type ApiToken = {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  pdId: string | null;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type OutboxEmail = { id: string; to: string; subject: string; body: string; kind: string; createdAt: string };

export type Deadline = { id: string; year: number; key: string; label: string; dueDate: string; remindDaysBefore: number; custom: boolean };

export type Monitoring = {
  year: number;
  today: string;
  tracked: { deadlineId: string; key: string; label: string; dueDate: string; submitted: number; total: number }[];
  untracked: { label: string; dueDate: string }[];
  rows: { pdId: string; pdCode: string; pdName: string; deadlineId: string; label: string; dueDate: string; status: "missing" | "late"; daysLate: number; submittedAt: string | null }[];
};
