import type { Role } from "$shared/roles";

/** Same rule as the server: tenant admins manage every unit, a PD operator the units of their PD. */
export function canActForPdRoles(grants: { role: Role; pdId: string | null }[], pdId: string | null): boolean {
  return grants.some((g) => g.role === "tenant_admin" || (g.role === "agency_admin" && (g.pdId === null || g.pdId === pdId)));
}
