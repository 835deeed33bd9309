import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { chunkedInserts } from "../db/chunked-insert";
import { ikmPeriods, ikmRespondentTallies, ikmResponses, ikmSurveyVersions, ikmTallies, perangkatDaerah, unitLayanan } from "../db/schema";
import type { FigureProvider } from "./figures";
import { readTenantSettings } from "./tenant-settings";
import { IKM_UNSUR, ikm, mutuIkm, nrr, tallyAnswers, type IkmTally, type IkmWeightMode, type MutuIkm } from "../../shared/formulas/ikm";
import { ageBand, DEFAULT_IKM_SURVEY, ikmPeriodLabel, ikmSurveyDefinitionSchema, type IkmRespondentField, type IkmSurveyDefinition } from "../../shared/schemas/ikm";

// IKM results are read from tallies only (ikm_tallies, ikm_respondent_tallies): the cost of a
// results query grows with units × periods, never with the number of responses.

export type UnitRow = typeof unitLayanan.$inferSelect;
export type PeriodRow = typeof ikmPeriods.$inferSelect;
type Counts = [number, number, number, number];

export const emptyTallies = (): Counts[] => IKM_UNSUR.map((): Counts => [0, 0, 0, 0]);

export function addInto(target: Counts[], source: readonly IkmTally[]): Counts[] {
  source.forEach((t, i) => t.forEach((n, a) => (target[i]![a]! += n)));
  return target;
}

export type IkmSummary = {
  responses: number;
  nrr: (number | null)[];
  ikm: number | null;
  mutu: MutuIkm | null;
  /** Code of the unsur with the lowest NRR (the one to improve first). */
  weakest: string | null;
};

/** NRR, IKM, mutu and weakest unsur of summed tallies (respondent-weighted). */
export function summarize(tallies: readonly IkmTally[], mode: IkmWeightMode): IkmSummary {
  const values = nrr(tallies);
  const value = ikm(tallies, mode);
  const responses = tallies[0]!.reduce((a, b) => a + b, 0);
  const low = values.reduce<number>((best, v, i) => (v !== null && (best < 0 || v < values[best]!) ? i : best), -1);
  const weakest = low < 0 ? null : IKM_UNSUR[low]!.code;
  return { responses, nrr: values, ikm: value, mutu: value === null ? null : mutuIkm(value), weakest };
}

/** Tally sums per unit or per period (`by`) and unsur, over the tally rows that match `where`. */
async function tallySums(db: Db, by: typeof ikmTallies.unitId | typeof ikmTallies.periodId, where: SQL | undefined): Promise<Map<string, Counts[]>> {
  const out = new Map<string, Counts[]>();
  const rows = await db
    .select({
      key: by,
      unsur: ikmTallies.unsur,
      n1: sql<number>`sum(${ikmTallies.n1})`,
      n2: sql<number>`sum(${ikmTallies.n2})`,
      n3: sql<number>`sum(${ikmTallies.n3})`,
      n4: sql<number>`sum(${ikmTallies.n4})`,
    })
    .from(ikmTallies)
    .where(where)
    .groupBy(by, ikmTallies.unsur)
    .all();
  for (const r of rows) {
    const t = out.get(r.key) ?? emptyTallies();
    t[r.unsur - 1] = [r.n1, r.n2, r.n3, r.n4];
    out.set(r.key, t);
  }
  return out;
}

/** Tallies per unit (summed over `periodIds`), for the units of one tenant. */
export async function unitTallies(db: Db, tenantId: string, periodIds: string[]): Promise<Map<string, Counts[]>> {
  if (!periodIds.length) return new Map();
  return tallySums(db, ikmTallies.unitId, and(eq(ikmTallies.tenantId, tenantId), inArray(ikmTallies.periodId, periodIds)));
}

/** Tallies per period (the trend), for some units or, without `unitId`, the whole tenant. */
export function periodTallies(db: Db, tenantId: string, unitId?: string): Promise<Map<string, Counts[]>> {
  return tallySums(db, ikmTallies.periodId, and(eq(ikmTallies.tenantId, tenantId), unitId ? eq(ikmTallies.unitId, unitId) : undefined));
}

/** Respondent counts by field and value over some periods, for one unit or (without `unitId`) the tenant. */
export async function respondentBreakdown(db: Db, tenantId: string, periodIds: string[], unitId?: string) {
  const out: Record<IkmRespondentField, { value: string; n: number }[]> = { gender: [], ageBand: [], education: [], occupation: [], service: [] };
  if (!periodIds.length) return out;
  const rows = await db
    .select({ field: ikmRespondentTallies.field, value: ikmRespondentTallies.value, n: sql<number>`sum(${ikmRespondentTallies.n})` })
    .from(ikmRespondentTallies)
    .where(and(eq(ikmRespondentTallies.tenantId, tenantId), unitId ? eq(ikmRespondentTallies.unitId, unitId) : undefined, inArray(ikmRespondentTallies.periodId, periodIds)))
    .groupBy(ikmRespondentTallies.field, ikmRespondentTallies.value)
    .all();
  for (const r of rows) out[r.field as IkmRespondentField]?.push({ value: r.value, n: r.n });
  for (const list of Object.values(out)) list.sort((a, b) => b.n - a.n || a.value.localeCompare(b.value));
  return out;
}

export async function tenantPeriods(db: Db, tenantId: string): Promise<PeriodRow[]> {
  return db.select().from(ikmPeriods).where(eq(ikmPeriods.tenantId, tenantId)).orderBy(ikmPeriods.startsOn).all();
}

export const periodOut = (p: PeriodRow) => ({ ...p, label: ikmPeriodLabel(p) });

/** IKM per perangkat daerah for a year: the PD's units' tallies of that year's periods, summed. */
export const ikmFigure: FigureProvider = async (db, tenantId, year) => {
  const periods = await db.select({ id: ikmPeriods.id }).from(ikmPeriods).where(and(eq(ikmPeriods.tenantId, tenantId), eq(ikmPeriods.year, year))).all();
  const [byUnit, units, settings] = await Promise.all([
    unitTallies(db, tenantId, periods.map((p) => p.id)),
    db.select({ id: unitLayanan.id, pdId: unitLayanan.pdId }).from(unitLayanan).where(eq(unitLayanan.tenantId, tenantId)).all(),
    readTenantSettings(db, tenantId),
  ]);
  const byPd = new Map<string, Counts[]>();
  for (const u of units) {
    const t = byUnit.get(u.id);
    if (t) byPd.set(u.pdId, addInto(byPd.get(u.pdId) ?? emptyTallies(), t));
  }
  const out = new Map<string, number>();
  for (const [pdId, t] of byPd) {
    const value = ikm(t, settings.ikmWeightMode);
    if (value !== null) out.set(pdId, value);
  }
  return out;
};

// ---- Survey definition ----

/** The form in force: the tenant's latest version, or the built-in version 0. */
export async function currentSurvey(db: Db, tenantId: string): Promise<{ version: number; definition: IkmSurveyDefinition }> {
  const row = await db.select().from(ikmSurveyVersions).where(eq(ikmSurveyVersions.tenantId, tenantId)).orderBy(desc(ikmSurveyVersions.version)).limit(1).get();
  return row ? { version: row.version, definition: ikmSurveyDefinitionSchema.parse(JSON.parse(row.definition)) } : { version: 0, definition: DEFAULT_IKM_SURVEY };
}

export async function surveyVersion(db: Db, tenantId: string, version: number): Promise<IkmSurveyDefinition | null> {
  if (version === 0) return DEFAULT_IKM_SURVEY;
  const row = await db
    .select()
    .from(ikmSurveyVersions)
    .where(and(eq(ikmSurveyVersions.tenantId, tenantId), eq(ikmSurveyVersions.version, version)))
    .get();
  return row ? ikmSurveyDefinitionSchema.parse(JSON.parse(row.definition)) : null;
}

// ---- Intake ----

export type NewResponse = Omit<typeof ikmResponses.$inferInsert, "extraAnswers"> & { extraAnswers: string };

/**
 * The statements that store one response: the raw row and its tallies. Run them in one batch so
 * the tallies always equal the raw rows (a duplicate idempotency key fails the whole batch).
 */
export function responseStatements(db: Db, r: NewResponse) {
  const answers = [...r.answers].map(Number);
  const counts = tallyAnswers([answers]);
  const respondent: [IkmRespondentField, string][] = [
    ["gender", r.gender],
    ["ageBand", ageBand(r.age)],
    ["education", r.education],
    ["occupation", r.occupation],
    ["service", r.service],
  ];
  return [
    db.insert(ikmResponses).values(r),
    db
      .insert(ikmTallies)
      .values(counts.map((t, i) => ({ tenantId: r.tenantId, unitId: r.unitId, periodId: r.periodId, unsur: i + 1, n1: t[0], n2: t[1], n3: t[2], n4: t[3] })))
      .onConflictDoUpdate({
        target: [ikmTallies.unitId, ikmTallies.periodId, ikmTallies.unsur],
        set: {
          n1: sql`${ikmTallies.n1} + excluded.n1`,
          n2: sql`${ikmTallies.n2} + excluded.n2`,
          n3: sql`${ikmTallies.n3} + excluded.n3`,
          n4: sql`${ikmTallies.n4} + excluded.n4`,
        },
      }),
    db
      .insert(ikmRespondentTallies)
      .values(respondent.map(([field, value]) => ({ tenantId: r.tenantId, unitId: r.unitId, periodId: r.periodId, field, value, n: 1 })))
      .onConflictDoUpdate({
        target: [ikmRespondentTallies.unitId, ikmRespondentTallies.periodId, ikmRespondentTallies.field, ikmRespondentTallies.value],
        set: { n: sql`${ikmRespondentTallies.n} + 1` },
      }),
  ] as const;
}

/** The open period of a tenant that contains `date` (YYYY-MM-DD), if any, and whether one exists but is closed. */
export async function periodForDate(db: Db, tenantId: string, date: string) {
  const rows = await db
    .select()
    .from(ikmPeriods)
    .where(and(eq(ikmPeriods.tenantId, tenantId), sql`${ikmPeriods.startsOn} <= ${date}`, sql`${ikmPeriods.endsOn} >= ${date}`))
    .all();
  return { open: rows.find((p) => p.status === "open") ?? null, closed: rows.some((p) => p.status === "closed") };
}

/** Today's date in WIB (the survey calendar of Indonesian pemda). */
export const todayWib = (now = Date.now()) => new Date(now + 7 * 3600_000).toISOString().slice(0, 10);

// ---- Recount ----

export type RecountDiff = { unitId: string; periodId: string; unsur: number; stored: Counts; counted: Counts };

const ANSWER_COLUMNS = IKM_UNSUR.flatMap((_, i) => [1, 2, 3, 4].map((a) => `sum(substr(answers, ${i + 1}, 1) = '${a}') AS c${i * 4 + a - 1}`)).join(", ");
const AGE_BAND_SQL = "CASE WHEN age < 20 THEN '<20' WHEN age >= 60 THEN '60+' ELSE (age / 10 * 10) || '-' || (age / 10 * 10 + 9) END";

/**
 * Recounts a period's tallies from the raw responses (aggregated in SQL), returns where the
 * stored tallies differed, and the statements that replace them.
 */
export async function recount(db: Db, tenantId: string, periodId: string) {
  const scope = sql`tenant_id = ${tenantId} AND period_id = ${periodId}`;
  const [raw, people, stored, respondents] = await Promise.all([
    db.all<Record<string, number | string>>(sql`SELECT unit_id AS unitId, ${sql.raw(ANSWER_COLUMNS)} FROM ikm_responses WHERE ${scope} GROUP BY unit_id`),
    db.all<{ unitId: string; gender: string; ageBand: string; education: string; occupation: string; service: string; n: number }>(
      sql`SELECT unit_id AS unitId, gender, ${sql.raw(AGE_BAND_SQL)} AS ageBand, education, occupation, service, count(*) AS n
          FROM ikm_responses WHERE ${scope} GROUP BY 1, 2, 3, 4, 5, 6`,
    ),
    db.select().from(ikmTallies).where(and(eq(ikmTallies.tenantId, tenantId), eq(ikmTallies.periodId, periodId))).all(),
    db.select().from(ikmRespondentTallies).where(and(eq(ikmRespondentTallies.tenantId, tenantId), eq(ikmRespondentTallies.periodId, periodId))).all(),
  ]);
  const counted = new Map<string, Counts[]>(
    raw.map((r) => [String(r.unitId), IKM_UNSUR.map((_, i): Counts => [0, 1, 2, 3].map((a) => Number(r[`c${i * 4 + a}`])) as Counts)]),
  );
  const countedRespondents = new Map<string, number>();
  for (const p of people) {
    for (const field of ["gender", "ageBand", "education", "occupation", "service"] as const) {
      const key = JSON.stringify([p.unitId, field, p[field]]);
      countedRespondents.set(key, (countedRespondents.get(key) ?? 0) + p.n);
    }
  }
  const storedMap = new Map<string, Counts[]>();
  for (const s of stored) (storedMap.get(s.unitId) ?? storedMap.set(s.unitId, emptyTallies()).get(s.unitId)!)[s.unsur - 1] = [s.n1, s.n2, s.n3, s.n4];
  const diffs: RecountDiff[] = [];
  for (const unitId of new Set([...counted.keys(), ...storedMap.keys()])) {
    const c = counted.get(unitId) ?? emptyTallies();
    const s = storedMap.get(unitId) ?? emptyTallies();
    c.forEach((t, i) => {
      if (t.some((n, a) => n !== s[i]![a])) diffs.push({ unitId, periodId, unsur: i + 1, stored: s[i]!, counted: t });
    });
  }
  const respondentsDiffer =
    respondents.length !== countedRespondents.size ||
    respondents.some((r) => countedRespondents.get(JSON.stringify([r.unitId, r.field, r.value])) !== r.n);
  const rewrite = [
    db.delete(ikmTallies).where(and(eq(ikmTallies.tenantId, tenantId), eq(ikmTallies.periodId, periodId))),
    db.delete(ikmRespondentTallies).where(and(eq(ikmRespondentTallies.tenantId, tenantId), eq(ikmRespondentTallies.periodId, periodId))),
    ...chunkedInserts(
      db,
      ikmTallies,
      [...counted].flatMap(([unitId, t]) => t.map((n, i) => ({ tenantId, unitId, periodId, unsur: i + 1, n1: n[0], n2: n[1], n3: n[2], n4: n[3] }))),
    ),
    ...chunkedInserts(
      db,
      ikmRespondentTallies,
      [...countedRespondents].map(([key, n]) => {
        const [unitId, field, value] = JSON.parse(key) as [string, string, string];
        return { tenantId, unitId, periodId, field, value, n };
      }),
    ),
  ];
  return { responses: raw.length ? [...counted.values()].reduce((a, t) => a + t[0]!.reduce((x, y) => x + y, 0), 0) : 0, diffs, respondentsDiffer, rewrite };
}

/** Units of a tenant with their PD name, for results and lists. */
export async function unitsWithPd(db: Db, tenantId: string) {
  return db
    .select({ unit: unitLayanan, pdName: perangkatDaerah.name, pdCode: perangkatDaerah.code })
    .from(unitLayanan)
    .innerJoin(perangkatDaerah, eq(perangkatDaerah.id, unitLayanan.pdId))
    .where(eq(unitLayanan.tenantId, tenantId))
    .orderBy(perangkatDaerah.code, unitLayanan.name)
    .all();
}
