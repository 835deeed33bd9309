import type { Role } from "../shared/roles";

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
    /** The caller's last D1 bookmark for the tenant's database, from the request (worker/db/bookmark.ts). */
    tenantBookmark?: string;
    /** This request's D1 session on the tenant's database, opened by tenantDb(c). */
    tenantSession?: D1DatabaseSession;
  };
};
