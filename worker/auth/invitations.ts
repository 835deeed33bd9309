import type { Context } from "hono";
import type { AppEnv } from "../env";
import type { Db } from "../db/client";
import { invitations } from "../db/schema";
import type { Role } from "../../shared/roles";
import { randomToken, sha256Hex } from "./crypto";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type NewInvitation = { tenantId: string; email: string; name: string; role: Role; pdId?: string | null };

/** Prepares an invitation: the link carries the token, the database keeps only its hash. */
export async function prepareInvitation(c: Context<AppEnv>, db: Db, inv: NewInvitation) {
  const token = randomToken();
  const now = Date.now();
  const id = crypto.randomUUID();
  const expiresAt = now + INVITATION_TTL_MS;
  const insert = db.insert(invitations).values({
    id,
    tokenHash: await sha256Hex(token),
    tenantId: inv.tenantId,
    email: inv.email,
    name: inv.name,
    role: inv.role,
    pdId: inv.pdId ?? null,
    invitedBy: c.get("user")?.id ?? null,
    expiresAt,
    createdAt: now,
  });
  const url = `${new URL(c.req.url).origin}/invite/${token}`;
  return { id, insert, link: { id, url, expiresAt: new Date(expiresAt).toISOString() } };
}
