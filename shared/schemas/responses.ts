// Response shapes of the foundation routes: the API declares them in OpenAPI, the web app takes
// its types from them (web/src/lib/types.ts), so the two cannot drift apart.
import { z } from "./zod-locale";
import { PD_KINDS, TENANT_KINDS } from "../kinds";
import { ROLES } from "../roles";
import { tenantSettingsSchema } from "./tenant";

export const perangkatDaerahOut = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(PD_KINDS),
  headName: z.string().nullable(),
  active: z.boolean(),
  yearFrom: z.number().nullable(),
  yearTo: z.number().nullable(),
});

export const grantOut = z.object({ id: z.string(), role: z.enum(ROLES), pdId: z.string().nullable(), pdName: z.string().nullable() });

export const memberOut = z.object({ id: z.string(), email: z.string(), name: z.string(), active: z.boolean(), grants: z.array(grantOut) });

export const pendingInvitationOut = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  pdId: z.string().nullable(),
  pdName: z.string().nullable(),
  expiresAt: z.string(),
});

/** What a public invitation link offers before it is accepted. */
export const invitationOfferOut = z.object({
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  pdName: z.string().nullable(),
  tenant: z.object({ code: z.string(), name: z.string() }),
  accountExists: z.boolean(),
  expiresAt: z.string(),
});

/** The one-time link returned when an invitation is created. */
export const invitationLinkOut = z.object({ id: z.string(), url: z.string(), expiresAt: z.string() });

export const auditEntryOut = z.object({
  /** Prefixed with its database: "t…" a change to the tenant's data, "c…" the control plane (memberships, settings, tokens). */
  id: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  userName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  at: z.string(),
});

export const platformTenantOut = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(TENANT_KINDS),
  parentCode: z.string().nullable(),
  status: z.enum(["active", "suspended"]),
  members: z.number(),
  /** Null while the tenant's database is unavailable. */
  perangkatDaerah: z.number().nullable(),
  /** The tenant database binding that holds the tenant (the shard map, tenants.db_binding). */
  database: z.string(),
  createdAt: z.string(),
});

// ---- signed-in user and account (worker/routes/auth.ts, account.ts, tenant.ts) ----

/** POST /auth/login: a session, or a second step still to do. */
export const loginResultOut = z.object({
  ok: z.literal(true),
  totpRequired: z.boolean().optional(),
  challenge: z.string().optional(),
  totpEnrolmentRequired: z.boolean().optional(),
});

export const meOut = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), isPlatformOperator: z.boolean() }),
  security: z.object({ totpEnabled: z.boolean(), totpEnrolmentRequired: z.boolean() }),
  unreadNotifications: z.number().int(),
  tenants: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.enum(TENANT_KINDS),
      grants: z.array(z.object({ role: z.enum(ROLES), pdId: z.string().nullable(), pdName: z.string().nullable() })),
    }),
  ),
});

/** GET /tenants/{code}: the tenant, its settings and the caller's roles in it. */
export const tenantOut = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(TENANT_KINDS),
  settings: tenantSettingsSchema,
  grants: z.array(z.object({ role: z.enum(ROLES), pdId: z.string().nullable() })),
});

export const accountSecurityOut = z.object({ totpEnabled: z.boolean(), totpRequired: z.boolean(), totpEnrolmentRequired: z.boolean(), recoveryCodesLeft: z.number().int() });

export const accountSessionOut = z.object({ id: z.string(), device: z.string(), userAgent: z.string().nullable(), createdAt: z.string(), lastSeenAt: z.string(), current: z.boolean() });

export const notificationOut = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});

export const outboxEmailOut = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  kind: z.string(),
  createdAt: z.string(),
  /** Delivery through the HTTP e-mail API (null while pending, or when none is configured). */
  sentAt: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
});

export const apiTokenOut = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: z.enum(ROLES),
  pdId: z.string().nullable(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

// ---- deadlines and the late-updaters board (worker/routes/deadlines.ts) ----

export const deadlineOut = z.object({ id: z.string(), year: z.number().int(), key: z.string(), label: z.string(), dueDate: z.string(), remindDaysBefore: z.number().int(), custom: z.boolean() });

/** IKM surveys are due per the tenant's survey periods of the year, or per calendar semester when it has none. */
const ikmBasisOut = z.enum(["periods", "semesters"]);

export const deadlineCalendarOut = z.object({
  year: z.number().int(),
  ikmBasis: ikmBasisOut,
  /** The calendar's due dates that apply: without the IKM semesters when the survey periods replace them. */
  items: z.array(deadlineOut),
  /** The survey periods' last days, read-only here (set in the IKM period settings); empty on the semesters basis. */
  ikmPeriods: z.array(z.object({ periodId: z.string(), label: z.string(), dueDate: z.string(), remindDaysBefore: z.number().int(), open: z.boolean().describe("false once the period is closed: it takes no responses and is not reminded") })),
});

export const monitoringOut = z.object({
  year: z.number().int(),
  today: z.string(),
  ikmBasis: ikmBasisOut,
  tracked: z.array(z.object({ deadlineId: z.string(), key: z.string(), label: z.string(), dueDate: z.string(), submitted: z.number().int(), total: z.number().int() })),
  untracked: z.array(z.object({ label: z.string(), dueDate: z.string() })),
  rows: z.array(
    z.object({
      pdId: z.string(),
      pdCode: z.string(),
      pdName: z.string(),
      deadlineId: z.string(),
      label: z.string(),
      dueDate: z.string(),
      status: z.enum(["missing", "late"]),
      daysLate: z.number().int(),
      submittedAt: z.string().nullable(),
    }),
  ),
});
