import { beforeAll, describe, expect, it } from "vitest";
import { drizzle } from "drizzle-orm/d1";
import { api, dbOf, seedPd, twoTenants, type World } from "./helpers";
import { activePds, lateness } from "../worker/data/monitoring";
import { ikmPeriodDates } from "../shared/schemas/ikm";

// The late-updaters board's LKjIP and IKM checks (issue 12), on 2025: every due date has passed.
// Tenant A surveys IKM per triwulan (its own periods); tenant B has no survey periods (calendar semesters).
let t: World;
let pdC: string;
const ins = (sql: string, ...v: unknown[]) => dbOf(t.tA).prepare(sql).bind(...v).run();
const at = (iso: string) => Date.parse(`${iso}T03:00:00Z`);

function lkjip(tenantId: string, pdId: string, year: number, publishedOn: string | null) {
  const id = crypto.randomUUID();
  return ins(
    `INSERT INTO documents (id, tenant_id, pd_id, year, kind, title, source, format, content_type, filename, r2_key, size_bytes, sha256, created_at, published_at)
     VALUES (?, ?, ?, ?, 'lkjip', 'LKjIP', 'uploaded', 'pdf', 'application/pdf', 'lkjip.pdf', ?, 1, 'x', ?, ?)`,
    id, tenantId, pdId, year, `${tenantId}/${id}/lkjip.pdf`, Date.now(), publishedOn ? at(publishedOn) : null,
  );
}
async function unit(pdId: string, tenantId = t.tA) {
  const id = crypto.randomUUID();
  await ins("INSERT INTO unit_layanan (id, tenant_id, pd_id, name, slug, created_at, updated_at) VALUES (?, ?, ?, 'Loket', ?, 0, 0)", id, tenantId, pdId, id, );
  return id;
}
/** Tenant A's triwulan periods of 2025, I..IV. */
const periodIds: string[] = [];
const respond = (unitId: string, on: string) =>
  ins(
    `INSERT INTO ikm_responses (id, tenant_id, unit_id, period_id, survey_version, idempotency_key, answers, gender, age, education, occupation, service, submitted_on, submitted_at)
     VALUES (?, ?, ?, ?, 1, ?, '333333333', 'L', 30, 'S1', 'PNS', 'Layanan', ?, ?)`,
    crypto.randomUUID(), t.tA, unitId, periodIds[Math.ceil(Number(on.slice(5, 7)) / 3) - 1], crypto.randomUUID(), on, at(on),
  );
const board = async (cookie = t.a.tenant_admin) => (await api(`/tenants/${t.codeA}/monitoring?year=2025`, { cookie })).json;
const rowsFor = (b: any, label: string) => b.rows.filter((r: any) => r.label === label).map((r: any) => [r.pdCode, r.status, r.daysLate]);

beforeAll(async () => {
  t = await twoTenants();
  pdC = await seedPd(t.tA, "1.03", "Dinas C");
  for (const n of [1, 2, 3, 4]) {
    const { startsOn, endsOn } = ikmPeriodDates("triwulan", 2025, n);
    periodIds.push(crypto.randomUUID());
    await ins("INSERT INTO ikm_periods (id, tenant_id, kind, year, number, starts_on, ends_on, status, created_at, updated_at) VALUES (?, ?, 'triwulan', 2025, ?, ?, ?, 'closed', 0, 0)", periodIds.at(-1), t.tA, n, startsOn, endsOn);
  }
});

describe("LKjIP on the late-updaters board", () => {
  it("is done when the PD's LKjIP of the year before is published; unpublished is missing, published after February is late", async () => {
    await lkjip(t.tA, t.pdA, 2024, "2025-02-20");
    await lkjip(t.tA, pdC, 2024, "2025-03-05");
    await lkjip(t.tA, pdC, 2023, "2024-02-01"); // another year does not count
    const b = await board();
    expect(b.tracked.find((x: any) => x.key === "lkjip")).toMatchObject({ label: "LKjIP 2024", dueDate: "2025-02-28", submitted: 2, total: 2 });
    expect(b.untracked.map((x: any) => x.label)).not.toContain("LKjIP 2024");
    expect(rowsFor(b, "LKjIP 2024")).toEqual(expect.arrayContaining([["1.03", "late", 5]]));
    expect(rowsFor(b, "LKjIP 2024").map((r: any) => r[0])).not.toContain("1.01");
  });

  it("an unpublished LKjIP, or tenant B's, does not count", async () => {
    const pdD = await seedPd(t.tA, "1.04", "Dinas D");
    await lkjip(t.tA, pdD, 2024, null);
    await lkjip(t.tB, t.pdB, 2024, "2025-01-15");
    const b = await board();
    expect(rowsFor(b, "LKjIP 2024").find((r: any) => r[0] === "1.04")).toEqual(["1.04", "missing", expect.any(Number)]);
    const bBoard = (await api(`/tenants/${t.codeB}/monitoring?year=2025`, { cookie: t.b.tenant_admin })).json;
    expect(bBoard.tracked.find((x: any) => x.key === "lkjip").submitted).toBe(1);
    expect(bBoard.rows.every((r: any) => r.pdId === t.pdB)).toBe(true);
  });
});

describe("IKM on the late-updaters board", () => {
  const TW = (n: "I" | "II" | "III" | "IV") => `Survei IKM Triwulan ${n} 2025`;
  const ikmTracked = (b: any) => b.tracked.filter((x: any) => x.label.startsWith("Survei IKM"));

  it("follows the tenant's own survey periods: each triwulan is due on its last day; PD with unit layanan are done when every active unit has responses in it", async () => {
    const a1 = await unit(t.pdA);
    const a2 = await unit(t.pdA);
    const c1 = await unit(pdC);
    await respond(a1, "2025-03-01");
    await respond(c1, "2025-07-02"); // triwulan III: does not fill triwulan I
    let b = await board();
    expect(b.ikmBasis).toBe("periods");
    // The periods replace the calendar's semesters, which are neither checked nor listed as unchecked.
    expect(ikmTracked(b).map((x: any) => [x.key, x.label, x.dueDate])).toEqual([
      ["ikm-triwulan-1", TW("I"), "2025-03-31"],
      ["ikm-triwulan-2", TW("II"), "2025-06-30"],
      ["ikm-triwulan-3", TW("III"), "2025-09-30"],
      ["ikm-triwulan-4", TW("IV"), "2025-12-31"],
    ]);
    expect(b.tracked.map((x: any) => x.key)).not.toContain("ikm-s1");
    expect(b.untracked.map((x: any) => x.label).join()).not.toMatch(/IKM/);
    expect(ikmTracked(b)[0]).toMatchObject({ deadlineId: periodIds[0], submitted: 0, total: 2 });
    expect(rowsFor(b, TW("I")).map((r: any) => r.slice(0, 2))).toEqual([["1.01", "missing"], ["1.03", "missing"]]);
    expect(ikmTracked(b)[2]).toMatchObject({ submitted: 1, total: 2 });
    expect(rowsFor(b, TW("III")).map((r: any) => r[0])).toEqual(["1.01"]);

    await respond(a2, "2025-03-31");
    b = await board();
    expect(ikmTracked(b)[0]).toMatchObject({ submitted: 1, total: 2 });
    expect(rowsFor(b, TW("I")).map((r: any) => r[0])).toEqual(["1.03"]);
    // An inactive unit is not waited for.
    await ins("UPDATE unit_layanan SET active = 0 WHERE id = ?", a2);
    await ins("DELETE FROM ikm_responses WHERE unit_id = ?", a2);
    expect(ikmTracked(await board())[0]).toMatchObject({ submitted: 1, total: 2 });
  });

  it("a period is due from its last day on; later ones are not on the board yet", async () => {
    const db = drizzle(dbOf(t.tA));
    const pds = await activePds(db, t.tA);
    const midYear = await lateness(db, t.tA, 2025, "2025-06-30", pds);
    expect(midYear.tracked.filter((x) => x.label.startsWith("Survei IKM")).map((x) => x.label)).toEqual([TW("I"), TW("II")]);
    const row = midYear.rows.find((r) => r.label === TW("II") && r.pdCode === "1.03");
    expect(row).toMatchObject({ status: "missing", daysLate: 0, dueDate: "2025-06-30" });
    expect(midYear.rows.find((r) => r.label === TW("I") && r.pdCode === "1.03")).toMatchObject({ daysLate: 91 });
  });

  it("a tenant without survey periods is checked per calendar semester, and never sees tenant A's periods", async () => {
    await unit(t.pdB, t.tB);
    const b = (await api(`/tenants/${t.codeB}/monitoring?year=2025`, { cookie: t.b.tenant_admin })).json;
    expect(b.ikmBasis).toBe("semesters");
    expect(b.tracked.filter((x: any) => x.label.startsWith("Survei IKM")).map((x: any) => [x.key, x.label, x.dueDate, x.submitted, x.total])).toEqual([
      ["ikm-s1", "Survei IKM Semester I 2025", "2025-06-30", 0, 1],
      ["ikm-s2", "Survei IKM Semester II 2025", "2025-12-31", 0, 1],
    ]);
    expect(rowsFor(b, "Survei IKM Semester I 2025")).toEqual([["1.01", "missing", expect.any(Number)]]);
    // Tenant A on a year without periods falls back too.
    expect((await api(`/tenants/${t.codeA}/monitoring?year=2024`, { cookie: t.a.tenant_admin })).json.ikmBasis).toBe("semesters");
  });

  it("an agency operator sees only their own PD's rows", async () => {
    const own = await board(t.a.agency_admin);
    expect(new Set(own.rows.map((r: any) => r.pdId))).toEqual(new Set([t.pdA]));
  });
});

describe("ranking: only late PD", () => {
  it("?late=true keeps the PD on the board with their worst lateness; a PD that did everything on time drops out", async () => {
    const punctual = await seedPd(t.tA, "1.09", "Dinas Tepat Waktu");
    const now = Date.now();
    await ins(
      "INSERT INTO pk_documents (id, tenant_id, pd_id, year, version, effective_date, status, submitted_at, created_at, updated_at) VALUES (?, ?, ?, 2025, 1, '2025-01-20', 'submitted', ?, ?, ?)",
      crypto.randomUUID(), t.tA, punctual, at("2025-01-20"), now, now,
    );
    const tw = (year: number, period: number, on: string) =>
      ins("INSERT INTO tw_reports (id, tenant_id, pd_id, year, period, status, round, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'accepted', 1, ?, ?)", crypto.randomUUID(), t.tA, punctual, year, period, at(on), now);
    await tw(2024, 4, "2025-01-08");
    await tw(2025, 1, "2025-04-08");
    await tw(2025, 2, "2025-07-08");
    await tw(2025, 3, "2025-10-08");
    await lkjip(t.tA, punctual, 2024, "2025-02-10");

    const all = await api(`/tenants/${t.codeA}/ranking?year=2025`, { cookie: t.a.viewer });
    expect(all.status).toBe(200);
    expect(all.json.lateOnly).toBe(false);
    expect(all.json.rows.map((r: any) => r.pd.code)).toContain("1.09");
    expect(all.json.rows.every((r: any) => r.daysLate === undefined)).toBe(true);

    const late = await api(`/tenants/${t.codeA}/ranking?year=2025&late=true`, { cookie: t.a.viewer });
    expect(late.json.lateOnly).toBe(true);
    const codes = late.json.rows.map((r: any) => r.pd.code);
    expect(codes).not.toContain("1.09");
    expect(codes).toEqual(expect.arrayContaining(["1.01", "1.03"]));
    const board = (await api(`/tenants/${t.codeA}/monitoring?year=2025`, { cookie: t.a.tenant_admin })).json;
    const worst = Math.max(...board.rows.filter((r: any) => r.pdCode === "1.03").map((r: any) => r.daysLate));
    expect(late.json.rows.find((r: any) => r.pd.code === "1.03").daysLate).toBe(worst);
    // Ranks stay those among all PD.
    const rankOf = (rows: any[], code: string) => rows.find((r) => r.pd.code === code).ranks;
    expect(rankOf(late.json.rows, "1.03")).toEqual(rankOf(all.json.rows, "1.03"));

    expect((await api(`/tenants/${t.codeA}/ranking?late=ya`, { cookie: t.a.viewer })).json.error.issues[0].path).toBe("late");
    expect((await api(`/tenants/${t.codeB}/ranking?year=2025&late=true`, { cookie: t.a.viewer })).status).toBe(404);
    const b = await api(`/tenants/${t.codeB}/ranking?year=2025&late=true`, { cookie: t.b.viewer });
    expect(b.json.rows.map((r: any) => r.pd.id)).toEqual([t.pdB]);
  });
});
