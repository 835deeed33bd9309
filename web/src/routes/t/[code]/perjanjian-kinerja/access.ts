import type { Role } from "$shared/roles";

/** Mirrors worker/middleware/tenant.ts canActForPd, to show only the actions the server will allow. */
export function canActForPd(grants: { role: Role; pdId: string | null }[], roles: Role[], pdId: string): boolean {
  return grants.some((g) => roles.includes(g.role) && (g.pdId === null || g.pdId === pdId));
}
