import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, twoTenants, type World } from "./helpers";
import { runReminders } from "../worker/reminders";

// IKM survey periods in the deadline calendar and the reminders. Tenant A surveys IKM per triwulan in 2030
// (its own periods); tenant B has no survey periods, so the calendar semesters apply to it. The two share a
// database, so only the tenant id keeps A's periods from reminding B.
let t: World;
const periodIds: string[] = [];
/** 08:00 WIB on `day`, when the cron runs; the second daily run is 12 hours later. */
const morning = (day: string) => Date.parse(`${day}T01:00:00Z`);
const HALF_DAY = 12 * 3_600_000;

type Mail = { tenant_id: string; to_email: string; subject: string; body: string };
const lastMail = async () => (await env.DB.prepare("SELECT coalesce(max(rowid), 0) AS n FROM email_outbox").first<{ n: number }>())!.n;
/** Reminder e-mails queued after outbox row `since`. */
const mails = async (since: number) =>
  (await env.DB.prepare("SELECT tenant_id, to_email, subject, body FROM email_outbox WHERE kind = 'deadline_reminder' AND rowid > ? ORDER BY to_email").bind(since).all<Mail>()).results;

beforeAll(async () => {
  t = await twoTenants();
  for (const number of [1, 2, 3, 4]) {
    const r = await api(`/tenants/${t.codeA}/ikm/periods`, { cookie: t.a.tenant_admin, body: { kind: "triwulan", year: 2030, number } });
    expect(r.status).toBe(201);
    periodIds.push(r.json.id);
  }
});

describe("reminders for IKM survey periods", () => {
  it("a tenant with survey periods is reminded of a period's end 7 days ahead; tenant B, without periods, is not", async () => {
    const before = await lastMail();
    // 2030-03-28: Triwulan I ends on 31 March, 3 days away. Nothing of B's calendar is due within 7 days.
    const first = await runReminders(env, morning("2030-03-28"));
    expect(first.sent).toBe(2);
    const sent = await mails(before);
    expect(sent.map((m) => [m.tenant_id, m.to_email])).toEqual([
      [t.tA, "agency_admin@a.test"],
      [t.tA, "tenant_admin@a.test"],
    ]);
    expect(sent[0]!.subject).toBe("[Akuntabel] Tenggat Survei IKM Triwulan I 2030 dalam 3 hari (31 Maret 2030)");
    expect(sent[0]!.body).toContain(`/t/${t.codeA}/tenggat`);
    const log = await env.DB.prepare("SELECT DISTINCT deadline_id AS id, due_date AS dueDate FROM reminder_log WHERE deadline_id = ?").bind(periodIds[0]).all();
    expect(log.results).toEqual([{ id: periodIds[0], dueDate: "2030-03-31" }]);
    const inbox = await api("/account/notifications", { cookie: t.a.agency_admin });
    expect(inbox.json.items[0]).toMatchObject({ kind: "deadline", title: "Tenggat Survei IKM Triwulan I 2030 dalam 3 hari (31 Maret 2030)", link: `/t/${t.codeA}/tenggat` });
    expect((await api("/account/notifications", { cookie: t.b.tenant_admin })).json.items.filter((n: any) => n.kind === "deadline")).toEqual([]);
  });

  it("the cron run twice a day, or again the next day, does not remind twice", async () => {
    const before = await lastMail();
    expect((await runReminders(env, morning("2030-03-28"))).sent).toBe(0);
    expect((await runReminders(env, morning("2030-03-28") + HALF_DAY)).sent).toBe(0);
    expect((await runReminders(env, morning("2030-03-29"))).sent).toBe(0);
    expect((await runReminders(env, morning("2030-03-31"))).sent).toBe(0);
    expect(await mails(before)).toEqual([]);
  });

  it("the periods replace the calendar semesters: A is reminded of Triwulan II, B of Semester I, on the same day", async () => {
    const before = await lastMail();
    // 2030-06-25: Triwulan II and Semester I both end on 30 June, 5 days away.
    expect((await runReminders(env, morning("2030-06-25"))).sent).toBe(4);
    expect((await runReminders(env, morning("2030-06-25") + HALF_DAY)).sent).toBe(0);
    const sent = await mails(before);
    const subjects = (tenantId: string) => [...new Set(sent.filter((m) => m.tenant_id === tenantId).map((m) => m.subject))];
    expect(subjects(t.tA)).toEqual(["[Akuntabel] Tenggat Survei IKM Triwulan II 2030 dalam 5 hari (30 Juni 2030)"]);
    expect(subjects(t.tB)).toEqual(["[Akuntabel] Tenggat Survei IKM Semester I 2030 dalam 5 hari (30 Juni 2030)"]);
    expect(sent.filter((m) => m.tenant_id === t.tB).map((m) => m.to_email)).toEqual(["agency_admin@b.test", "tenant_admin@b.test"]);
  });

  it("a period closed before its end is not reminded, and the semesters do not come back for it", async () => {
    const closed = await api(`/tenants/${t.codeA}/ikm/periods/${periodIds[2]}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { status: "closed" } });
    expect(closed.status).toBe(200);
    const before = await lastMail();
    // 2030-09-25: Triwulan III (closed) ends on 30 September; B has nothing due within 7 days.
    expect((await runReminders(env, morning("2030-09-25"))).sent).toBe(0);
    expect(await mails(before)).toEqual([]);
    expect((await api(`/tenants/${t.codeA}/deadlines?year=2030`, { cookie: t.a.viewer })).json.ikmBasis).toBe("periods");
  });

  it("a year in which the tenant has no survey periods falls back to the calendar semesters", async () => {
    const before = await lastMail();
    expect((await runReminders(env, morning("2031-06-25"))).sent).toBe(4);
    const sent = await mails(before);
    expect([...new Set(sent.map((m) => `${m.tenant_id === t.tA ? "A" : "B"} ${m.subject}`))].sort()).toEqual([
      "A [Akuntabel] Tenggat Survei IKM Semester I 2031 dalam 5 hari (30 Juni 2031)",
      "B [Akuntabel] Tenggat Survei IKM Semester I 2031 dalam 5 hari (30 Juni 2031)",
    ]);
  });
});

describe("the deadline calendar with IKM survey periods", () => {
  it("lists the periods' ends as read-only rows and leaves the semesters out", async () => {
    const r = await api(`/tenants/${t.codeA}/deadlines?year=2030`, { cookie: t.a.viewer });
    expect(r.status).toBe(200);
    expect(r.json.ikmBasis).toBe("periods");
    expect(r.json.ikmPeriods).toEqual([
      { periodId: periodIds[0], label: "Survei IKM Triwulan I 2030", dueDate: "2030-03-31", remindDaysBefore: 7, open: true },
      { periodId: periodIds[1], label: "Survei IKM Triwulan II 2030", dueDate: "2030-06-30", remindDaysBefore: 7, open: true },
      { periodId: periodIds[2], label: "Survei IKM Triwulan III 2030", dueDate: "2030-09-30", remindDaysBefore: 7, open: false },
      { periodId: periodIds[3], label: "Survei IKM Triwulan IV 2030", dueDate: "2030-12-31", remindDaysBefore: 7, open: true },
    ]);
    expect(r.json.items.map((d: any) => d.key)).toEqual(["realisasi-tw4", "pk", "lkjip", "realisasi-tw1", "realisasi-tw2", "realisasi-tw3"]);
    // A period's end is not a deadline: it cannot be changed through the calendar.
    expect((await api(`/tenants/${t.codeA}/deadlines/${periodIds[0]}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { dueDate: "2030-04-15" } })).status).toBe(404);
  });

  it("a tenant, or a year, without periods keeps the semesters and lists no period rows", async () => {
    for (const [code, cookie, year] of [[t.codeB, t.b.viewer, 2030], [t.codeA, t.a.viewer, 2031]] as const) {
      const r = await api(`/tenants/${code}/deadlines?year=${year}`, { cookie });
      expect(r.json).toMatchObject({ year, ikmBasis: "semesters", ikmPeriods: [] });
      expect(r.json.items.map((d: any) => d.key)).toEqual(expect.arrayContaining(["ikm-s1", "ikm-s2"]));
    }
  });

  it("another tenant's calendar is 404, and B never sees A's periods", async () => {
    const cross = await api(`/tenants/${t.codeA}/deadlines?year=2030`, { cookie: t.b.tenant_admin });
    expect(cross.status).toBe(404);
    expect(cross.json.error.code).toBe("not_found");
    const b = (await api(`/tenants/${t.codeB}/deadlines?year=2030`, { cookie: t.b.viewer })).json;
    const bSemester = b.items.find((d: any) => d.key === "ikm-s1");
    expect((await api(`/tenants/${t.codeA}/deadlines/${bSemester.id}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { label: "Diambil Alih" } })).status).toBe(404);
    expect(JSON.stringify(b)).not.toContain(periodIds[0]);
  });
});
