import type { Context } from "hono";
import type { AppEnv } from "../env";
import type { Db } from "../db/client";
import { eq } from "drizzle-orm";
import { invitations, users } from "../db/schema";
import { ROLE_LABELS, type Role } from "../../shared/roles";
import { randomToken, sha256Hex } from "./crypto";
import { emailSender } from "../notify/email";
import { notify } from "../data/notifications";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type NewInvitation = { tenantId: string; email: string; name: string; role: Role; pdId?: string | null };

/** Prepares an invitation: the link carries the token, the database keeps only its hash. `statements` also send it. */
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
  // The link is also shown to the admin; the e-mail (outbox in development) and, for someone who
  // already has an account, an inbox entry are the other ways it reaches the invitee.
  const text = `Anda diundang bergabung di Akuntabel sebagai ${ROLE_LABELS[inv.role]}.`;
  const mail = emailSender(c.env).send(db, {
    tenantId: inv.tenantId,
    to: inv.email,
    kind: "invitation",
    subject: "Undangan bergabung di Akuntabel",
    body: `Halo ${inv.name},\n\n${text}\nBuka tautan ini untuk menerima undangan (berlaku 7 hari):\n${url}`,
  });
  const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, inv.email)).get();
  const notice = existing ? [notify(db, { userId: existing.id, tenantId: inv.tenantId, kind: "invitation", title: "Undangan baru", body: text, link: `/invite/${token}` })] : [];
  return { id, statements: [insert, mail, ...notice] as const, link: { id, url, expiresAt: new Date(expiresAt).toISOString() } };
}
