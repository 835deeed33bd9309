// Response shapes of the API (worker/routes/*), all derived from the zod schemas the API declares
// its responses with (shared/schemas/responses.ts), so the two cannot drift apart. Request bodies use
// the zod schemas in $shared.
import type { z } from "zod";
import type * as out from "$shared/schemas/responses";

export type PerangkatDaerah = z.output<typeof out.perangkatDaerahOut>;
export type Member = z.output<typeof out.memberOut>;
export type PendingInvitation = z.output<typeof out.pendingInvitationOut>;
/** What an invitation link offers (GET /invitations/{token}). */
export type Invitation = z.output<typeof out.invitationOfferOut>;
/** The one-time link returned when an invitation is created. */
export type InvitationLink = z.output<typeof out.invitationLinkOut>;
export type AuditEntry = z.output<typeof out.auditEntryOut>;
export type PlatformTenant = z.output<typeof out.platformTenantOut>;

export type Me = z.output<typeof out.meOut>;
export type Tenant = z.output<typeof out.tenantOut>;

export type List<T> = { items: T[] };

/** POST /auth/login: a session, or a second step still to do (worker/routes/auth.ts). */
export type LoginResult = z.output<typeof out.loginResultOut>;
export type AccountSecurity = z.output<typeof out.accountSecurityOut>;
export type AccountSession = z.output<typeof out.accountSessionOut>;
export type AppNotification = z.output<typeof out.notificationOut>;
export type ApiToken = z.output<typeof out.apiTokenOut>;
export type OutboxEmail = z.output<typeof out.outboxEmailOut>;
export type Deadline = z.output<typeof out.deadlineOut>;
export type DeadlineCalendar = z.output<typeof out.deadlineCalendarOut>;
export type Monitoring = z.output<typeof out.monitoringOut>;
