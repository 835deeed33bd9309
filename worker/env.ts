import type { Role } from "../shared/roles";
import type { TenantGrantRow } from "./data/memberships";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  isPlatformOperator: boolean;
  sessionId: string;
  /** Signed in with a password only, by someone who must first enrol in two-step sign-in. */
  totpEnrolmentRequired?: boolean;
};

/** The API token a request authenticated with (`Authorization: Bearer`), instead of a session. */
export type ApiTokenContext = { id: string; tenantId: string; name: string; role: Role; pdId: string | null; scopes: string[] };

export type TenantContext = {
  id: string;
  code: string;
  name: string;
  kind: "provinsi" | "kabupaten" | "kota";
  dbBinding: string;
};

/** The caller's active roles in the current tenant, each optionally scoped to one perangkat daerah. */
export type Grant = { role: Role; pdId: string | null };

export type AppEnv = {
  Bindings: Env;
  Variables: {
    user: SessionUser | null;
    tenant: TenantContext;
    grants: Grant[];
    apiToken: ApiTokenContext | null;
    /** The caller's grants in the requested tenant, read by `readSession` together with the session (perf). */
    prefetchedGrants?: { code: string; rows: TenantGrantRow[] };
    /** The current tenant's stored settings, read by `tenantAccess` with the tenant (`requestTenantSettings` parses them). */
    tenantSettingsRow?: { settings: string };
    /** The caller's last D1 bookmark for the tenant's database, from the request (worker/db/bookmark.ts). */
    tenantBookmark?: string;
    /** This request's D1 session on the tenant's database, opened by tenantDb(c). */
    tenantSession?: D1DatabaseSession;
  };
};
