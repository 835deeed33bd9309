// Response shapes of the API (worker/routes/*). Request bodies use the zod schemas in $shared.
import type { Role } from "$shared/roles";
import type { PdKind } from "$shared/schemas/perangkat-daerah";
import type { TenantKind, TenantSettings } from "$shared/schemas/tenant";

export type Me = {
  user: { id: string; email: string; name: string; isPlatformOperator: boolean };
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
  id: number;
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
  perangkatDaerah: number;
  createdAt: string;
};

export type List<T> = { items: T[] };
