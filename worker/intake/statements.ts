import { AGE_BAND_SQL, periodState, type IntakeOutcome, type NewResponse, type PeriodRow } from "../data/ikm";
import { IKM_UNSUR } from "../../shared/formulas/ikm";
import { IKM_RESPONDENT_FIELDS } from "../../shared/schemas/ikm";

/**
 * The statements that store a group of citizen submissions of one tenant in ONE D1 batch, set-based:
 * the rows travel as one JSON parameter read with `json_each`, so a flush costs 4 statements + one
 * per submission day whether it carries 1 row or 50 (local D1's cost is per statement, and the
 * 100-bound-parameter limit no longer splits the insert):
 *
 * 1. per submission day: the tenant's periods that contain it (to explain a refusal);
 * 2. the responses, each only into the tenant's open period of its day and only if neither its
 *    idempotency key nor its device-day is taken (ON CONFLICT DO NOTHING; within the batch the
 *    first of two rows with one key wins);
 * 3. the unsur tallies and 4. the respondent tallies, summed in SQL over the rows of this group that
 *    were actually inserted (selected by their new ids, so a duplicate counts nothing);
 * 5. the rows stored under the group's unit × key pairs, which tell each submission its outcome.
 *
 * `outcomes(results)` reads the batch's results back into one outcome per submission, in order.
 */
export function intakeBatch(d1: D1Database, tenantId: string, rows: NewResponse[]) {
  const days = [...new Set(rows.map((r) => r.submittedOn))];
  const ids = JSON.stringify(rows.map((r) => r.id));
  const statements = [
    ...days.map((day) => d1.prepare(PERIODS_ON).bind(tenantId, day, day)),
    d1.prepare(INSERT_RESPONSES).bind(tenantId, JSON.stringify(rows.map(responseColumns))),
    d1.prepare(ADD_TALLIES).bind(ids),
    d1.prepare(ADD_RESPONDENTS).bind(ids),
    d1.prepare(STORED).bind(tenantId, JSON.stringify(rows.map((r) => [r.unitId, r.idempotencyKey]))),
  ];

  function outcomes(results: D1Result[]): IntakeOutcome[] {
    const periods = new Map(days.map((day, i) => [day, results[i]!.results as Pick<PeriodRow, "status">[]]));
    const stored = new Map<string, string>();
    for (const s of results.at(-1)!.results as { id: string; unitId: string; key: string }[]) stored.set(`${s.unitId}|${s.key}`, s.id);
    return rows.map((r): IntakeOutcome => {
      const id = stored.get(`${r.unitId}|${r.idempotencyKey}`);
      if (id) return { status: id === r.id ? "recorded" : "duplicate", id };
      const state = periodState(periods.get(r.submittedOn)!);
      return state.open ? { status: "device_day_taken" } : { status: "no_open_period", closed: state.closed };
    });
  }
  return { statements, outcomes };
}

const PERIODS_ON = `SELECT status FROM ikm_periods WHERE tenant_id = ? AND starts_on <= ? AND ends_on >= ?`;

/** One submission as a JSON array; `INSERT_RESPONSES` reads its elements by position. */
const responseColumns = (r: NewResponse) => [
  r.id, r.unitId, r.surveyVersion, r.idempotencyKey, r.answers, r.extraAnswers,
  r.gender, r.age, r.education, r.occupation, r.service, r.saran ?? null, r.saranHidden ? 1 : 0, r.deviceDay ?? null, r.submittedOn, r.submittedAt,
];
const INSERT_RESPONSES = `INSERT INTO ikm_responses (id, tenant_id, unit_id, period_id, survey_version, idempotency_key, answers, extra_answers,
    gender, age, education, occupation, service, saran, saran_hidden, device_day, submitted_on, submitted_at)
  SELECT v.value ->> 0, ?1, v.value ->> 1, p.id, v.value ->> 2, v.value ->> 3, v.value ->> 4, v.value ->> 5,
    v.value ->> 6, v.value ->> 7, v.value ->> 8, v.value ->> 9, v.value ->> 10, v.value ->> 11, v.value ->> 12, v.value ->> 13, v.value ->> 14, v.value ->> 15
  FROM json_each(?2) v
  JOIN ikm_periods p ON p.tenant_id = ?1 AND p.starts_on <= v.value ->> 14 AND p.ends_on >= v.value ->> 14 AND p.status = 'open'
  ORDER BY v.key
  ON CONFLICT DO NOTHING`;

/** The group's new ids (a JSON array); a duplicate's id was never inserted, so it adds nothing. */
const NEW_ROWS = `r.id IN (SELECT value FROM json_each(?))`;

// answers holds one digit 1..4 per unsur: unsur u's count of answer a is sum(substr(answers, u, 1) = 'a').
const UNSUR_NUMBERS = IKM_UNSUR.map((_, i) => `(${i + 1})`).join(", ");
const ADD_TALLIES = `INSERT INTO ikm_tallies (tenant_id, unit_id, period_id, unsur, n1, n2, n3, n4)
  SELECT r.tenant_id, r.unit_id, r.period_id, u.column1,
    sum(substr(r.answers, u.column1, 1) = '1'), sum(substr(r.answers, u.column1, 1) = '2'),
    sum(substr(r.answers, u.column1, 1) = '3'), sum(substr(r.answers, u.column1, 1) = '4')
  FROM ikm_responses r JOIN (VALUES ${UNSUR_NUMBERS}) u
  WHERE ${NEW_ROWS}
  GROUP BY r.tenant_id, r.unit_id, r.period_id, u.column1
  ON CONFLICT (unit_id, period_id, unsur) DO UPDATE SET n1 = n1 + excluded.n1, n2 = n2 + excluded.n2, n3 = n3 + excluded.n3, n4 = n4 + excluded.n4`;

const FIELD_VALUE: Record<(typeof IKM_RESPONDENT_FIELDS)[number], string> = {
  gender: "r.gender",
  ageBand: AGE_BAND_SQL.replace(/\bage\b/g, "r.age"),
  education: "r.education",
  occupation: "r.occupation",
  service: "r.service",
};
const ADD_RESPONDENTS = `INSERT INTO ikm_respondent_tallies (tenant_id, unit_id, period_id, field, value, n)
  SELECT r.tenant_id, r.unit_id, r.period_id, f.column1,
    CASE f.column1 ${IKM_RESPONDENT_FIELDS.map((field) => `WHEN '${field}' THEN ${FIELD_VALUE[field]}`).join(" ")} END AS value, count(*)
  FROM ikm_responses r JOIN (VALUES ${IKM_RESPONDENT_FIELDS.map((f) => `('${f}')`).join(", ")}) f
  WHERE ${NEW_ROWS}
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (unit_id, period_id, field, value) DO UPDATE SET n = n + excluded.n`;

// With a list of keys SQLite's planner may prefer the (tenant_id, unit_id, …) index and walk every
// response of the unit (seconds at a million); the key's unique index finds each row directly.
const STORED = `SELECT r.id, r.unit_id AS unitId, r.idempotency_key AS key
  FROM json_each(?2) k CROSS JOIN ikm_responses r INDEXED BY ikm_responses_idempotency
  WHERE r.unit_id = k.value ->> 0 AND r.idempotency_key = k.value ->> 1 AND r.tenant_id = ?1`;
