import { AGE_BAND_SQL, periodState, type IntakeOutcome, type NewResponse, type PeriodRow } from "../data/ikm";
import { IKM_UNSUR } from "../../shared/formulas/ikm";
import { IKM_RESPONDENT_FIELDS } from "../../shared/schemas/ikm";
import { chunk } from "../db/chunked-insert";

/**
 * The statements that store a group of citizen submissions of one tenant in ONE D1 batch, set-based
 * so a flush of 50 costs ~14 statements rather than 5 per submission (local D1's cost is per statement):
 *
 * 1. per submission day: the tenant's periods that contain it (to explain a refusal);
 * 2. the responses, ≤ 5 per INSERT (17 parameters each), each only into the tenant's open period of
 *    its day and only if neither its idempotency key nor its device-day is taken (ON CONFLICT DO
 *    NOTHING; within the batch the first of two rows with one key wins);
 * 3. the unsur tallies and 4. the respondent tallies, summed in SQL over the rows of this group that
 *    were actually inserted (selected by their new ids, so a duplicate counts nothing);
 * 5. per unit: the rows stored under the group's keys, which tell each submission its outcome.
 *
 * `outcomes(results)` reads the batch's results back into one outcome per submission, in order.
 */
export function intakeBatch(d1: D1Database, tenantId: string, rows: NewResponse[]) {
  const statements: D1PreparedStatement[] = [];
  const days = [...new Set(rows.map((r) => r.submittedOn))];
  for (const day of days) statements.push(d1.prepare(PERIODS_ON).bind(tenantId, day, day));
  for (const part of chunk(rows, ROWS_PER_INSERT)) statements.push(d1.prepare(insertResponses(part.length)).bind(...part.flatMap(responseParams)));
  const ids = rows.map((r) => r.id);
  statements.push(d1.prepare(ADD_TALLIES(ids.length)).bind(...ids));
  statements.push(d1.prepare(ADD_RESPONDENTS(ids.length)).bind(...ids));
  const keysByUnit = new Map<string, string[]>();
  for (const r of rows) keysByUnit.set(r.unitId, [...(keysByUnit.get(r.unitId) ?? []), r.idempotencyKey]);
  const lookUps = [...keysByUnit].flatMap(([unitId, keys]) => chunk([...new Set(keys)], 90).map((part) => d1.prepare(STORED(part.length)).bind(tenantId, unitId, ...part)));
  const storedFrom = statements.length;
  statements.push(...lookUps);

  function outcomes(results: D1Result[]): IntakeOutcome[] {
    const periods = new Map(days.map((day, i) => [day, results[i]!.results as Pick<PeriodRow, "status">[]]));
    const stored = new Map<string, string>();
    for (const res of results.slice(storedFrom)) for (const s of res.results as { id: string; unitId: string; key: string }[]) stored.set(`${s.unitId}|${s.key}`, s.id);
    return rows.map((r): IntakeOutcome => {
      const id = stored.get(`${r.unitId}|${r.idempotencyKey}`);
      if (id) return { status: id === r.id ? "recorded" : "duplicate", id };
      const state = periodState(periods.get(r.submittedOn)!);
      return state.open ? { status: "device_day_taken" } : { status: "no_open_period", closed: state.closed };
    });
  }
  return { statements, outcomes };
}

const ROWS_PER_INSERT = 5;
const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

const PERIODS_ON = `SELECT status FROM ikm_periods WHERE tenant_id = ? AND starts_on <= ? AND ends_on >= ?`;

const RESPONSE_VALUES = "(" + placeholders(17) + ")";
const insertResponses = (n: number) => `INSERT INTO ikm_responses (id, tenant_id, unit_id, period_id, survey_version, idempotency_key, answers, extra_answers,
    gender, age, education, occupation, service, saran, saran_hidden, device_day, submitted_on, submitted_at)
  SELECT v.column1, v.column2, v.column3, p.id, v.column4, v.column5, v.column6, v.column7,
    v.column8, v.column9, v.column10, v.column11, v.column12, v.column13, v.column14, v.column15, v.column16, v.column17
  FROM (VALUES ${Array.from({ length: n }, () => RESPONSE_VALUES).join(", ")}) v
  JOIN ikm_periods p ON p.tenant_id = v.column2 AND p.starts_on <= v.column16 AND p.ends_on >= v.column16 AND p.status = 'open'
  WHERE true
  ON CONFLICT DO NOTHING`;
const responseParams = (r: NewResponse) => [
  r.id, r.tenantId, r.unitId, r.surveyVersion, r.idempotencyKey, r.answers, r.extraAnswers,
  r.gender, r.age, r.education, r.occupation, r.service, r.saran ?? null, r.saranHidden ? 1 : 0, r.deviceDay ?? null, r.submittedOn, r.submittedAt,
];

// answers holds one digit 1..4 per unsur: unsur u's count of answer a is sum(substr(answers, u, 1) = 'a').
const UNSUR_NUMBERS = IKM_UNSUR.map((_, i) => `(${i + 1})`).join(", ");
const ADD_TALLIES = (n: number) => `INSERT INTO ikm_tallies (tenant_id, unit_id, period_id, unsur, n1, n2, n3, n4)
  SELECT r.tenant_id, r.unit_id, r.period_id, u.column1,
    sum(substr(r.answers, u.column1, 1) = '1'), sum(substr(r.answers, u.column1, 1) = '2'),
    sum(substr(r.answers, u.column1, 1) = '3'), sum(substr(r.answers, u.column1, 1) = '4')
  FROM ikm_responses r JOIN (VALUES ${UNSUR_NUMBERS}) u
  WHERE r.id IN (${placeholders(n)})
  GROUP BY r.tenant_id, r.unit_id, r.period_id, u.column1
  ON CONFLICT (unit_id, period_id, unsur) DO UPDATE SET n1 = n1 + excluded.n1, n2 = n2 + excluded.n2, n3 = n3 + excluded.n3, n4 = n4 + excluded.n4`;

const FIELD_VALUE: Record<(typeof IKM_RESPONDENT_FIELDS)[number], string> = {
  gender: "r.gender",
  ageBand: AGE_BAND_SQL.replace(/\bage\b/g, "r.age"),
  education: "r.education",
  occupation: "r.occupation",
  service: "r.service",
};
const ADD_RESPONDENTS = (n: number) => `INSERT INTO ikm_respondent_tallies (tenant_id, unit_id, period_id, field, value, n)
  SELECT r.tenant_id, r.unit_id, r.period_id, f.column1,
    CASE f.column1 ${IKM_RESPONDENT_FIELDS.map((field) => `WHEN '${field}' THEN ${FIELD_VALUE[field]}`).join(" ")} END AS value, count(*)
  FROM ikm_responses r JOIN (VALUES ${IKM_RESPONDENT_FIELDS.map((f) => `('${f}')`).join(", ")}) f
  WHERE r.id IN (${placeholders(n)})
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (unit_id, period_id, field, value) DO UPDATE SET n = n + excluded.n`;

// With a list of keys SQLite's planner may prefer the (tenant_id, unit_id, …) index and walk every
// response of the unit (seconds at a million); the key's unique index finds each row directly.
const STORED = (n: number) =>
  `SELECT id, unit_id AS unitId, idempotency_key AS key FROM ikm_responses INDEXED BY ikm_responses_idempotency
  WHERE tenant_id = ? AND unit_id = ? AND idempotency_key IN (${placeholders(n)})`;
