import { PD_SCOPED_ROLES, type Role } from "$shared/roles";

/** The role part of an invitation or grant: a PD only for PD-scoped roles, as the API requires. */
export function roleBody(role: string, pdId: string): { role: string; pdId?: string } {
  return PD_SCOPED_ROLES.includes(role as Role) && pdId ? { role, pdId } : { role };
}
