// Response shapes of the API (worker/routes/*). Request bodies use the zod schemas in $shared.
import type { Role } from "$shared/roles";
import type { TenantKind, TenantSettings } from "$shared/schemas/tenant";
import type { z } from "zod";
import type * as out from "$shared/schemas/responses";

// Derived from the zod schemas the API declares its responses with (shared/schemas/responses.ts).
export type PerangkatDaerah = z.output<typeof out.perangkatDaerahOut>;
export type Member = z.output<typeof out.memberOut>;
export type PendingInvitation = z.output<typeof out.pendingInvitationOut>;
/** What an invitation link offers (GET /invitations/{token}). */
export type Invitation = z.output<typeof out.invitationOfferOut>;
/** The one-time link returned when an invitation is created. */
export type InvitationLink = z.output<typeof out.invitationLinkOut>;
export type AuditEntry = z.output<typeof out.auditEntryOut>;
export type PlatformTenant = z.output<typeof out.platformTenantOut>;

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

export type OutboxEmail = { id: string; to: string; subject: string; body: string; kind: string; createdAt: string; sentAt: string | null; attempts: number; lastError: string | null };

export type Deadline = { id: string; year: number; key: string; label: string; dueDate: string; remindDaysBefore: number; custom: boolean };

export type Monitoring = {
  year: number;
  today: string;
  tracked: { deadlineId: string; key: string; label: string; dueDate: string; submitted: number; total: number }[];
  untracked: { label: string; dueDate: string }[];
  rows: { pdId: string; pdCode: string; pdName: string; deadlineId: string; label: string; dueDate: string; status: "missing" | "late"; daysLate: number; submittedAt: string | null }[];
};
