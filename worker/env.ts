import type { Role } from "../shared/roles";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  isPlatformOperator: boolean;
  sessionId: string;
};

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
  };
};
