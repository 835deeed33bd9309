import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { chunkedInserts } from "../db/chunked-insert";
import { ikmPeriods, ikmRespondentTallies, ikmResponses, ikmSurveyVersions, ikmTallies, perangkatDaerah, unitLayanan } from "../db/schema";
import type { FigureProvider } from "./figures";
import { readTenantSettings } from "./tenant-settings";
import { IKM_UNSUR, ikm, mutuIkm, nrr, type IkmTally, type IkmWeightMode, type MutuIkm } from "../../shared/formulas/ikm";
import { DEFAULT_IKM_SURVEY, ikmPeriodLabel, ikmSurveyDefinitionSchema, type IkmRespondentField, type IkmSurveyDefinition } from "../../shared/schemas/ikm";

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

/** Tally sums per unit or per period (`by`) and unsur, over the tally rows that match `where` (a statement for a batch; read it with `tallyMap`). */
function tallySumsQuery(db: Db, by: typeof ikmTallies.unitId | typeof ikmTallies.periodId, where: SQL | undefined) {
  return db
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
    .groupBy(by, ikmTallies.unsur);
}

function tallyMap(rows: { key: string; unsur: number; n1: number; n2: number; n3: number; n4: number }[]): Map<string, Counts[]> {
  const out = new Map<string, Counts[]>();
  for (const r of rows) {
    const t = out.get(r.key) ?? emptyTallies();
    t[r.unsur - 1] = [r.n1, r.n2, r.n3, r.n4];
    out.set(r.key, t);
  }
  return out;
}

const unitTalliesQuery = (db: Db, tenantId: string, periodIds: string[] | ScopeIds) =>
  tallySumsQuery(db, ikmTallies.unitId, and(eq(ikmTallies.tenantId, tenantId), inArray(ikmTallies.periodId, periodIds)));

export async function unitTallies(db: Db, tenantId: string, periodIds: string[]): Promise<Map<string, Counts[]>> {
  if (!periodIds.length) return new Map();
  return tallyMap(await unitTalliesQuery(db, tenantId, periodIds).all());
}

/** Tallies per period (the trend), for one unit or, without `unitId`, the whole tenant. */
const periodTalliesQuery = (db: Db, tenantId: string, unitId?: string) =>
  tallySumsQuery(db, ikmTallies.periodId, and(eq(ikmTallies.tenantId, tenantId), unitId ? eq(ikmTallies.unitId, unitId) : undefined));

/** Respondent counts by field and value over some periods, for one unit or (without `unitId`) the tenant. */
const respondentBreakdownQuery = (db: Db, tenantId: string, periodIds: string[] | ScopeIds, unitId?: string) =>
  db
    .select({ field: ikmRespondentTallies.field, value: ikmRespondentTallies.value, n: sql<number>`sum(${ikmRespondentTallies.n})` })
    .from(ikmRespondentTallies)
    .where(and(eq(ikmRespondentTallies.tenantId, tenantId), unitId ? eq(ikmRespondentTallies.unitId, unitId) : undefined, inArray(ikmRespondentTallies.periodId, periodIds)))
    .groupBy(ikmRespondentTallies.field, ikmRespondentTallies.value);

function respondentMap(rows: { field: string; value: string; n: number }[]) {
  const out: Record<IkmRespondentField, { value: string; n: number }[]> = { gender: [], ageBand: [], education: [], occupation: [], service: [] };
  for (const r of rows) out[r.field as IkmRespondentField]?.push({ value: r.value, n: r.n });
  for (const list of Object.values(out)) list.sort((a, b) => b.n - a.n || a.value.localeCompare(b.value));
  return out;
}

/** A results page's scope: one period, or every period of a year (default: the latest year that has periods). */
export type ScopeQuery = { periodId?: string; year?: number };

/** The ids of the periods in a scope, as a subquery, so the results are read in the same batch as the periods. */
function scopePeriodIds(db: Db, tenantId: string, q: ScopeQuery) {
  const latestYear = sql`(SELECT ${ikmPeriods.year} FROM ${ikmPeriods} WHERE ${ikmPeriods.tenantId} = ${tenantId} ORDER BY ${ikmPeriods.startsOn} DESC LIMIT 1)`;
  return db
    .select({ id: ikmPeriods.id })
    .from(ikmPeriods)
    .where(and(eq(ikmPeriods.tenantId, tenantId), q.periodId ? eq(ikmPeriods.id, q.periodId) : eq(ikmPeriods.year, q.year ?? latestYear)));
}

type ScopeIds = ReturnType<typeof scopePeriodIds>;

/**
 * What a results page reads, in one D1 batch: the tenant's periods (the caller resolves the same
 * scope from them with `resolveScope`), tallies per unit over the scope, tallies per period (the
 * trend) and respondent counts — of one unit with `unitId`, whose row comes too — and the units.
 */
export async function resultsData(db: Db, tenantId: string, q: ScopeQuery, unitId?: string) {
  const inScope = scopePeriodIds(db, tenantId, q);
  const [all, byUnit, byPeriod, respondents, units, unit] = await db.batch([
    tenantPeriodsQuery(db, tenantId),
    unitTalliesQuery(db, tenantId, inScope),
    periodTalliesQuery(db, tenantId, unitId),
    respondentBreakdownQuery(db, tenantId, inScope, unitId),
    unitsWithPdQuery(db, tenantId),
    db.select().from(unitLayanan).where(and(eq(unitLayanan.tenantId, tenantId), eq(unitLayanan.id, unitId ?? ""))),
  ]);
  return { all, byUnit: tallyMap(byUnit), byPeriod: tallyMap(byPeriod), respondents: respondentMap(respondents), units, unit: unit[0] };
}

/** The periods of a scope (see `ScopeQuery`); an unknown period id is 404. */
export function resolveScope(all: PeriodRow[], q: ScopeQuery) {
  if (q.periodId) {
    const p = all.find((x) => x.id === q.periodId);
    if (!p) throw notFound("Periode survei");
    return { periods: [p], all, label: ikmPeriodLabel(p), year: p.year };
  }
  const year = q.year ?? all.at(-1)?.year ?? null;
  return { periods: all.filter((p) => p.year === year), all, label: year === null ? "Belum ada periode" : `Tahun ${year}`, year };
}

const tenantPeriodsQuery = (db: Db, tenantId: string) => db.select().from(ikmPeriods).where(eq(ikmPeriods.tenantId, tenantId)).orderBy(ikmPeriods.startsOn);

export async function tenantPeriods(db: Db, tenantId: string): Promise<PeriodRow[]> {
  return tenantPeriodsQuery(db, tenantId).all();
}

export const periodOut = (p: PeriodRow) => ({ ...p, label: ikmPeriodLabel(p) });

/** The statements (for a caller's batch) the IKM figure of a year is computed from: tallies per unit over the year's periods, and each unit's PD. */
export function ikmFigureReads(db: Db, tenantId: string, year: number) {
  const periodsOfYear = db.select({ id: ikmPeriods.id }).from(ikmPeriods).where(and(eq(ikmPeriods.tenantId, tenantId), eq(ikmPeriods.year, year)));
  return [unitTalliesQuery(db, tenantId, periodsOfYear), db.select({ id: unitLayanan.id, pdId: unitLayanan.pdId }).from(unitLayanan).where(eq(unitLayanan.tenantId, tenantId))] as const;
}

/** IKM per perangkat daerah from `ikmFigureReads`' results: the PD's units' tallies, summed. */
export function ikmFigureOf(tallyRows: Parameters<typeof tallyMap>[0], units: { id: string; pdId: string }[], mode: IkmWeightMode): Map<string, number> {
  const byUnit = tallyMap(tallyRows);
  const byPd = new Map<string, Counts[]>();
  for (const u of units) {
    const t = byUnit.get(u.id);
    if (t) byPd.set(u.pdId, addInto(byPd.get(u.pdId) ?? emptyTallies(), t));
  }
  const out = new Map<string, number>();
  for (const [pdId, t] of byPd) {
    const value = ikm(t, mode);
    if (value !== null) out.set(pdId, value);
  }
  return out;
}

/** IKM per perangkat daerah for a year (one batch in the tenant database, the settings from the control plane alongside). */
export const ikmFigure: FigureProvider = async (db, tenantId, year) => {
  const [[tallies, units], settings] = await Promise.all([db.batch(ikmFigureReads(db, tenantId, year)), readTenantSettings(db, tenantId)]);
  return ikmFigureOf(tallies, units, settings.ikmWeightMode);
};

// ---- Survey definition ----

/** The form in force: the tenant's latest version, or the built-in version 0. */
export async function currentSurvey(db: Db, tenantId: string): Promise<{ version: number; definition: IkmSurveyDefinition }> {
  const row = await db.select().from(ikmSurveyVersions).where(eq(ikmSurveyVersions.tenantId, tenantId)).orderBy(desc(ikmSurveyVersions.version)).limit(1).get();
  return row ? { version: row.version, definition: ikmSurveyDefinitionSchema.parse(JSON.parse(row.definition)) } : { version: 0, definition: DEFAULT_IKM_SURVEY };
}

/** Survey versions are never changed once written (a new wording is a new version), so each isolate may keep them. */
const surveyVersions = new Map<string, IkmSurveyDefinition>();

/** `db` is only opened when this isolate has not seen the version yet (the intake's hot path makes no D1 round trip). */
export async function surveyVersion(db: () => Db, tenantId: string, version: number): Promise<IkmSurveyDefinition | null> {
  if (version === 0) return DEFAULT_IKM_SURVEY;
  const key = `${tenantId}:${version}`;
  const known = surveyVersions.get(key);
  if (known) return known;
  const row = await db()
    .select()
    .from(ikmSurveyVersions)
    .where(and(eq(ikmSurveyVersions.tenantId, tenantId), eq(ikmSurveyVersions.version, version)))
    .get();
  if (!row) return null;
  if (surveyVersions.size >= 1000) surveyVersions.clear();
  const definition = ikmSurveyDefinitionSchema.parse(JSON.parse(row.definition));
  surveyVersions.set(key, definition);
  return definition;
}

// ---- Intake ----

export type NewResponse = Omit<typeof ikmResponses.$inferInsert, "extraAnswers" | "periodId"> & { extraAnswers: string };

export type IntakeOutcome =
  | { status: "recorded" | "duplicate"; id: string }
  | { status: "device_day_taken" }
  | { status: "no_open_period"; closed: boolean };

/** The periods of a tenant that contain `date` (YYYY-MM-DD); they never overlap, but one may be closed. */
const periodsOn = (db: Db, tenantId: string, date: string) =>
  db.select().from(ikmPeriods).where(and(eq(ikmPeriods.tenantId, tenantId), sql`${ikmPeriods.startsOn} <= ${date}`, sql`${ikmPeriods.endsOn} >= ${date}`));

export const periodState = <P extends Pick<PeriodRow, "status">>(rows: P[]) => ({ open: rows.find((p) => p.status === "open") ?? null, closed: rows.some((p) => p.status === "closed") });

/** The open period of a tenant that contains `date` (YYYY-MM-DD), if any, and whether one exists but is closed. */
export async function periodForDate(db: Db, tenantId: string, date: string) {
  return periodState(await periodsOn(db, tenantId, date).all());
}


// ---- Recount ----

export type RecountDiff = { unitId: string; periodId: string; unsur: number; stored: Counts; counted: Counts };

const ANSWER_COLUMNS = IKM_UNSUR.flatMap((_, i) => [1, 2, 3, 4].map((a) => `sum(substr(answers, ${i + 1}, 1) = '${a}') AS c${i * 4 + a - 1}`)).join(", ");
/** `ageBand` (shared/schemas/ikm.ts) in SQL, over a column named `age`. */
export const AGE_BAND_SQL = "CASE WHEN age < 20 THEN '<20' WHEN age >= 60 THEN '60+' ELSE (age / 10 * 10) || '-' || (age / 10 * 10 + 9) END";

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
const unitsWithPdQuery = (db: Db, tenantId: string) =>
  db
    // Batched, D1 keys result columns by name: the PD's `name` and `code` get aliases of their own.
    .select({ unit: unitLayanan, pdName: sql<string>`${perangkatDaerah.name}`.as("pd_name"), pdCode: sql<string>`${perangkatDaerah.code}`.as("pd_code") })
    .from(unitLayanan)
    .innerJoin(perangkatDaerah, eq(perangkatDaerah.id, unitLayanan.pdId))
    .where(eq(unitLayanan.tenantId, tenantId))
    .orderBy(perangkatDaerah.code, unitLayanan.name);

export async function unitsWithPd(db: Db, tenantId: string) {
  return unitsWithPdQuery(db, tenantId).all();
}
