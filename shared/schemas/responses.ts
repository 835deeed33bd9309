// Response shapes of the foundation routes: the API declares them in OpenAPI, the web app takes
// its types from them (web/src/lib/types.ts), so the two cannot drift apart.
import { z } from "./zod-locale";
import { PD_KINDS, TENANT_KINDS } from "../kinds";
import { ROLES } from "../roles";

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
