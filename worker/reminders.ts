import { and, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import { drizzle } from "drizzle-orm/d1";
import { tenantDbOf, type Db } from "./db/client";
import { tenantsByBinding } from "./data/shards";
import { chunk } from "./db/chunked-insert";
import { deadlines, ikmPeriods, memberships, reminderLog, users } from "./db/schema";
import { ensureDefaultStatements, ikmDue } from "./data/deadlines";
import { notify } from "./data/notifications";
import { emailSender } from "./notify/email";
import { formatDate } from "../shared/format/number";
import { daysBetween, wibDay } from "../shared/format/wib";

/** Who is reminded of a tenant's due dates: its admins and the perangkat daerah operators. */
const RECIPIENT_ROLES = ["tenant_admin", "agency_admin"] as const;
const LOOKAHEAD_DAYS = 60;


/** A due date to remind of: a calendar deadline, or the end of an IKM survey period (its id as `id`). */
type Due = { id: string; tenantId: string; label: string; dueDate: string; remindDaysBefore: number };

/**
 * The due dates of these tenants (one database) whose reminder window has opened, after adding the year's defaults.
 * IKM follows `ikmDue` per tenant and year: the survey periods' ends, or the calendar semesters when it has none
 * in the year. Past the defaults, two queries for the whole database however many tenants it holds.
 */
async function dueIn(db: Db, tenantIds: string[], year: number, today: string, horizon: string): Promise<Due[]> {
  for (const id of tenantIds) {
    const [first, ...rest] = ensureDefaultStatements(db, id, year);
    await db.batch([first!, ...rest]);
  }
  const calendar = (await db.select().from(deadlines).where(and(gte(deadlines.dueDate, today), lte(deadlines.dueDate, horizon))).all()).filter((d) => tenantIds.includes(d.tenantId));
  // A deadline's own year decides whether its semester gives way (an admin may move a date into the next year).
  const years = [...new Set([year, Number(horizon.slice(0, 4)), ...calendar.map((d) => d.year)])];
  const periods = await db.select().from(ikmPeriods).where(inArray(ikmPeriods.year, years)).all();
  const ikmOf = (tenantId: string, y: number) => ikmDue(periods.filter((p) => p.tenantId === tenantId && p.year === y));
  const rows: Due[] = [
    ...calendar.filter((d) => ikmOf(d.tenantId, d.year).applies(d)),
    ...tenantIds.flatMap((tenantId) =>
      // A period closed early takes no more responses: nothing left to remind of (the board still checks it).
      years.flatMap((y) => ikmOf(tenantId, y).periodEnds.filter((p) => p.open).map((p) => ({ id: p.periodId, tenantId, label: p.label, dueDate: p.dueDate, remindDaysBefore: p.remindDaysBefore }))),
    ),
  ];
  return rows.filter((d) => d.dueDate >= today && daysBetween(today, d.dueDate) <= d.remindDaysBefore);
}

/**
 * The cron job: every due date whose reminder window has opened (remind_days_before days ahead,
 * up to the day itself) reaches each recipient once — an in-app notification and an e-mail.
 * reminder_log's primary key (deadline or survey period, due date, user) makes a second run, or a
 * concurrent one, send nothing again; a moved due date is a new due date and is reminded again. Deadlines are read
 * from every tenant database; the log, inbox and outbox rows are control-plane rows, one batch each.
 */
export async function runReminders(env: Env, now = Date.now()): Promise<{ sent: number }> {
  const db = drizzle(env.DB);
  const today = wibDay(now);
  const year = Number(today.slice(0, 4));
  const horizon = wibDay(now + LOOKAHEAD_DAYS * 86_400_000);
  const groups = await tenantsByBinding(db);
  const active = [...groups.values()].flat();
  // Each tenant database is read on its own: one that is down skips its tenants until the next run.
  const due = (
    await Promise.all(
      [...groups].map(async ([binding, list]) => {
        try {
          return await dueIn(tenantDbOf(env, binding), list.map((t) => t.id), year, today, horizon);
        } catch (e) {
          console.error(`runReminders: ${binding} unavailable`, e);
          return [];
        }
      }),
    )
  ).flat();
  if (!due.length) return { sent: 0 };

  const tenantIds = [...new Set(due.map((d) => d.tenantId))];
  // With hundreds of tenants the id lists pass D1's 100-parameter limit: look them up in chunks.
  const people = (
    await Promise.all(
      chunk(tenantIds, 90).map((part) =>
        db
          .selectDistinct({ tenantId: memberships.tenantId, userId: users.id, email: users.email, name: users.name })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(inArray(memberships.tenantId, part), inArray(memberships.role, [...RECIPIENT_ROLES]), isNull(memberships.disabledAt), eq(users.status, "active")))
          .all(),
      ),
    )
  ).flat();
  const sentBefore = (await Promise.all(chunk(due.map((d) => d.id), 90).map((part) => db.select().from(reminderLog).where(inArray(reminderLog.deadlineId, part)).all()))).flat();
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
