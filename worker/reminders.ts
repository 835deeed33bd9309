import { and, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import * as schema from "./db/schema";
import { deadlines, memberships, reminderLog, tenants, users } from "./db/schema";
import { ensureDefaultStatements } from "./data/deadlines";
import { notify } from "./data/notifications";
import { emailSender } from "./notify/email";
import { formatDate } from "../shared/format/number";

/** Who is reminded of a tenant's due dates: its admins and the perangkat daerah operators. */
const RECIPIENT_ROLES = ["tenant_admin", "agency_admin"] as const;
const LOOKAHEAD_DAYS = 60;
/** Indonesia's western time zone (UTC+7): a due date is a local calendar day. */
const WIB_MS = 7 * 3600 * 1000;

const isoDay = (ms: number) => new Date(ms + WIB_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The cron job: every due date whose reminder window has opened (remind_days_before days ahead,
 * up to the day itself) reaches each recipient once — an in-app notification and an e-mail.
 * reminder_log's primary key (deadline, due date, user) makes a second run, or a concurrent one,
 * send nothing again; a moved due date is a new due date and is reminded again.
 */
export async function runReminders(env: Env, now = Date.now()): Promise<{ sent: number }> {
  const db = drizzle(env.DB, { schema });
  const today = isoDay(now);
  const year = Number(today.slice(0, 4));
  const active = await db.select({ id: tenants.id, code: tenants.code }).from(tenants).where(eq(tenants.status, "active")).all();
  for (const t of active) {
    const [first, ...rest] = ensureDefaultStatements(db, t.id, year);
    await db.batch([first!, ...rest]);
  }
  const horizon = isoDay(now + LOOKAHEAD_DAYS * 86_400_000);
  const due = (await db.select().from(deadlines).where(and(gte(deadlines.dueDate, today), lte(deadlines.dueDate, horizon))).all()).filter(
    (d) => daysBetween(today, d.dueDate) <= d.remindDaysBefore,
  );
  if (!due.length) return { sent: 0 };

  const tenantIds = [...new Set(due.map((d) => d.tenantId))];
  const people = await db
    .selectDistinct({ tenantId: memberships.tenantId, userId: users.id, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.tenantId, tenantIds), inArray(memberships.role, [...RECIPIENT_ROLES]), isNull(memberships.disabledAt), eq(users.status, "active")))
    .all();
  const sentBefore = await db.select().from(reminderLog).where(inArray(reminderLog.deadlineId, due.map((d) => d.id))).all();
  const done = new Set(sentBefore.map((r) => `${r.deadlineId}|${r.dueDate}|${r.userId}`));
  const codeOf = new Map(active.map((t) => [t.id, t.code]));
  const sender = emailSender(env);

  let sent = 0;
  for (const d of due) {
    const days = daysBetween(today, d.dueDate);
    const when = days === 0 ? "hari ini" : `dalam ${days} hari (${formatDate(d.dueDate)})`;
    for (const p of people.filter((x) => x.tenantId === d.tenantId && !done.has(`${d.id}|${d.dueDate}|${x.userId}`))) {
      const title = `Tenggat ${d.label} ${when}`;
      const link = `/t/${codeOf.get(d.tenantId)}/tenggat`;
      try {
        await db.batch([
          db.insert(reminderLog).values({ deadlineId: d.id, dueDate: d.dueDate, userId: p.userId, sentAt: now }),
          notify(db, { userId: p.userId, tenantId: d.tenantId, kind: "deadline", title, body: `Batas waktu ${d.label}: ${formatDate(d.dueDate)}.`, link }),
          sender.send(db, {
            tenantId: d.tenantId,
            to: p.email,
            kind: "deadline_reminder",
            subject: `[Akuntabel] ${title}`,
            body: `Halo ${p.name},\n\nBatas waktu ${d.label} jatuh pada ${formatDate(d.dueDate)}. Mohon lengkapi data sebelum tanggal tersebut.\n\nKalender tenggat: ${link}`,
          }),
        ]);
        sent++;
      } catch (e) {
        // Another run sent this one first (primary key conflict): the batch rolled back whole.
        if (!String(e).includes("UNIQUE") && !String(e).includes("PRIMARY")) throw e;
      }
    }
  }
  return { sent };
}
