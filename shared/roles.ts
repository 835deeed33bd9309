/** Tenant roles from DOMAIN.md §1. Platform operators are a flag on the user, not a tenant role. */
export const ROLES = ["tenant_admin", "evaluator", "agency_admin", "agency_head", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** Roles that act for one perangkat daerah and therefore carry a PD scope. */
export const PD_SCOPED_ROLES: readonly Role[] = ["agency_admin", "agency_head"];

export const ROLE_LABELS: Record<Role, string> = {
  tenant_admin: "Admin Pemda",
  evaluator: "Evaluator",
  agency_admin: "Operator Perangkat Daerah",
  agency_head: "Kepala Perangkat Daerah",
  viewer: "Pemantau",
};
