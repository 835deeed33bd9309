// Bench data, seeded explicitly into the bench database after the demo data (bench/run.mjs):
// a tenant "99" with 40 PD × 5 years of every ranking column (SAKIP, IKM, capaian, penyerapan),
// a Renstra whose pohon kinerja has 2,000 nodes, and one unit layanan with 1,000,000 survey
// responses — generated inside SQLite (recursive CTE, in batches of 100,000 rows) so the SQL
// file stays small, with tallies aggregated from those rows exactly as a recount would.
import { sqlValue } from "../scripts/demo/seed-sql.mjs";

export const BENCH = {
  code: "99",
  tenantId: "bench-tenant",
  pds: 40,
  years: [2021, 2022, 2023, 2024, 2025],
  pohonPlanId: "bench-plan-pohon",
  pohonNodes: 2000,
  bigUnitId: "bench-unit-besar",
  bigUnitSlug: "bench-ikm-besar",
  responses: 1_000_000,
  /** Signed-in bench user (scripts/demo/organisation.mjs), made tenant_admin of the bench tenant too. */
  adminUserId: "demo-user-admin.kaltim",
  /** The bench tenant's own database (docs/scaling.md: an IKM-heavy tenant gets a database of its own). */
  binding: "TENANT_DB_2",
};

const BATCH_ROWS = 100_000;
const insert = (table, values) => `INSERT INTO ${table} (${Object.keys(values).join(", ")}) VALUES (${Object.values(values).map(sqlValue).join(", ")});`;

/** Deterministic "random" in [0, 1) so every run seeds the same figures. */
const noise = (...k) => {
  let h = 2166136261;
  for (const c of k.join(":")) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
};

/** SQL per database: `control` (tenant row, membership, public slugs) and `tenant` (BENCH.binding, everything else). */
export function benchSql(now = Date.now(), year = new Date().getUTCFullYear()) {
  const t = BENCH.tenantId;
  const out = [];
  const pd = (i) => `bench-pd-${String(i).padStart(2, "0")}`;
  for (let i = 1; i <= BENCH.pds; i++) {
    out.push(insert("perangkat_daerah", { id: pd(i), tenant_id: t, code: `9.${String(i).padStart(2, "0")}`, name: `Dinas Uji ${i}`, kind: "dinas", active: 1, created_at: now, updated_at: now }));
  }
  const from = BENCH.years[0];
  const to = BENCH.years.at(-1);
  for (const y of BENCH.years) {
    out.push(insert("lke_templates", { id: `bench-lke-${y}`, tenant_id: t, year: y, kind: "lke2021", name: `LKE ${y}`, definition: "{}", created_at: now, updated_at: now }));
    out.push(insert("ikm_periods", { id: `bench-period-${y}`, tenant_id: t, kind: "tahun", year: y, number: 1, starts_on: `${y}-01-01`, ends_on: `${y}-12-31`, status: "closed", created_at: now, updated_at: now }));
  }
  for (let i = 1; i <= BENCH.pds; i++) {
    const p = pd(i);
    const plan = `bench-plan-${i}`;
    const node = `${plan}-sasaran`;
    out.push(insert("plans", { id: plan, tenant_id: t, kind: "renstra", pd_id: p, name: `Renstra Dinas Uji ${i}`, year_from: from, year_to: to, status: "approved", created_at: now, updated_at: now }));
    out.push(insert("plan_nodes", { id: node, tenant_id: t, plan_id: plan, pd_id: p, level: "sasaran", created_at: now }));
    out.push(insert("plan_node_versions", { id: `${node}-v1`, tenant_id: t, plan_id: plan, node_id: node, version: 1, effective_date: `${from}-01-01`, name: "Meningkatnya kinerja layanan", created_at: now }));
    const indicators = [1, 2, 3].map((k) => `${plan}-ind-${k}`);
    indicators.forEach((ind, k) => {
      out.push(insert("indicators", { id: ind, tenant_id: t, plan_id: plan, node_id: node, created_at: now }));
      out.push(insert("indicator_versions", { id: `${ind}-v1`, tenant_id: t, plan_id: plan, indicator_id: ind, version: 1, effective_date: `${from}-01-01`, name: `Indikator ${k + 1}`, satuan: "%", polarity: "positive", kind: "numeric", aggregation: "last", created_at: now }));
    });
    out.push(insert("unit_layanan", { id: `bench-unit-${i}`, tenant_id: t, pd_id: p, name: `Loket Dinas Uji ${i}`, slug: `bench-loket-${i}`, created_at: now, updated_at: now }));
    for (const y of BENCH.years) {
      out.push(insert("lke_evaluations", { id: `bench-lke-${i}-${y}`, tenant_id: t, pd_id: p, year: y, template_id: `bench-lke-${y}`, source: "import", status: "final", total: Math.round((50 + 40 * noise("sakip", i, y)) * 100) / 100, created_at: now, updated_at: now }));
      const pk = `bench-pk-${i}-${y}`;
      out.push(insert("pk_documents", { id: pk, tenant_id: t, pd_id: p, year: y, plan_id: plan, version: 1, effective_date: `${y}-01-01`, status: "approved", created_at: now, updated_at: now }));
      indicators.forEach((ind, k) => {
        out.push(insert("pk_items", { id: `${pk}-${k}`, tenant_id: t, pk_id: pk, kind: "indicator", node_id: node, node_name: "Meningkatnya kinerja layanan", indicator_id: ind, indicator_name: `Indikator ${k + 1}`, satuan: "%", target_text: "80", target_num: 80, position: k }));
        for (let tw = 1; tw <= 4; tw++) {
          const value = Math.round(60 + 35 * noise("real", i, y, k, tw));
          out.push(insert("realisasi", { id: `bench-real-${i}-${y}-${k}-${tw}`, tenant_id: t, pd_id: p, indicator_id: ind, year: y, period: tw, status: "final", value_text: String(value), value_num: value, version: 1, updated_at: now }));
        }
      });
      for (const jenis of ["operasi", "modal"]) {
        const pagu = 1_000_000_000 + Math.round(2_000_000_000 * noise("pagu", i, y, jenis));
        const spent = Math.round(pagu * (0.6 + 0.38 * noise("spent", i, y, jenis)) / 4);
        out.push(insert("budget_lines", { id: `bench-budget-${i}-${y}-${jenis}`, tenant_id: t, pd_id: p, year: y, node_id: node, level: "program", code: "1.01", name: `Program ${jenis}`, sasaran_id: node, jenis, pagu_murni: pagu, realisasi_tw1: spent, realisasi_tw2: spent, realisasi_tw3: spent, realisasi_tw4: spent, version: 1, created_at: now, updated_at: now }));
      }
      // IKM of each PD's unit per year: tallies only (the big unit below has raw responses too).
      for (let u = 1; u <= 9; u++) {
        const n = [1, 2, 3, 4].map((a) => Math.round(10 + 90 * noise("ikm", i, y, u, a) * (a >= 3 ? 3 : 1)));
        out.push(insert("ikm_tallies", { tenant_id: t, unit_id: `bench-unit-${i}`, period_id: `bench-period-${y}`, unsur: u, n1: n[0], n2: n[1], n3: n[2], n4: n[3] }));
      }
    }
  }
  out.push(...pohonSql(now));
  out.push(...bigUnitSql(now, year));
  const slugs = [...Array(BENCH.pds).keys()].map((i) => [`bench-loket-${i + 1}`, `bench-unit-${i + 1}`]).concat([[BENCH.bigUnitSlug, BENCH.bigUnitId]]);
  const control = [
    insert("tenants", { id: t, code: BENCH.code, name: "Pemda Uji Beban", kind: "provinsi", status: "active", settings: "{}", db_binding: BENCH.binding, created_at: now }),
    insert("memberships", { id: "bench-membership", user_id: BENCH.adminUserId, tenant_id: t, role: "tenant_admin", pd_id: null, created_at: now }),
    ...slugs.map(([slug, unitId]) => insert("ikm_slugs", { slug, tenant_id: t, unit_id: unitId, created_at: now })),
  ];
  return { control: control.join("\n") + "\n", tenant: out.join("\n") + "\n" };
}

/** A Renstra of PD 1 with tujuan → sasaran → program → kegiatan, 2,000 nodes in all, an indicator per sasaran and program. */
function pohonSql(now) {
  const t = BENCH.tenantId;
  const plan = BENCH.pohonPlanId;
  const levels = [["tujuan", 5], ["sasaran", 20], ["program", 175], ["kegiatan", BENCH.pohonNodes - 200]];
  const out = [insert("plans", { id: plan, tenant_id: t, kind: "renstra", pd_id: "bench-pd-01", name: "Renstra Uji 2.000 Simpul", year_from: 2026, year_to: 2030, status: "approved", created_at: now, updated_at: now })];
  let parents = [null];
  for (const [level, count] of levels) {
    const ids = [];
    for (let i = 0; i < count; i++) {
      const id = `${plan}-${level}-${i}`;
      ids.push(id);
      out.push(insert("plan_nodes", { id, tenant_id: t, plan_id: plan, pd_id: "bench-pd-01", level, created_at: now }));
      out.push(insert("plan_node_versions", { id: `${id}-v1`, tenant_id: t, plan_id: plan, node_id: id, version: 1, effective_date: "2026-01-01", parent_id: parents[i % parents.length], code: `${i + 1}`, name: `${level} uji ${i + 1}`, position: i, created_at: now }));
      if (level === "sasaran" || level === "program") {
        out.push(insert("indicators", { id: `${id}-ind`, tenant_id: t, plan_id: plan, node_id: id, created_at: now }));
        out.push(insert("indicator_versions", { id: `${id}-ind-v1`, tenant_id: t, plan_id: plan, indicator_id: `${id}-ind`, version: 1, effective_date: "2026-01-01", name: `Indikator ${level} ${i + 1}`, satuan: "%", polarity: "positive", kind: "numeric", created_at: now }));
      }
    }
    parents = ids;
  }
  return out;
}

/** One unit with 1,000,000 responses in this year's open period, generated by SQLite in batches; tallies from the rows. */
function bigUnitSql(now, year) {
  const t = BENCH.tenantId;
  const unit = BENCH.bigUnitId;
  const period = `bench-period-${year}`;
  const out = [
    insert("unit_layanan", { id: unit, tenant_id: t, pd_id: "bench-pd-01", name: "Mal Pelayanan Publik Uji", slug: BENCH.bigUnitSlug, services: '["Perizinan"]', created_at: now, updated_at: now }),
    insert("ikm_periods", { id: period, tenant_id: t, kind: "tahun", year, number: 1, starts_on: `${year}-01-01`, ends_on: `${year}-12-31`, status: "open", created_at: now, updated_at: now }),
  ];
  const digit = "(abs(random()) % 4 + 1)";
  for (let start = 0; start < BENCH.responses; start += BATCH_ROWS) {
    const rows = Math.min(BATCH_ROWS, BENCH.responses - start);
    out.push(
      `WITH RECURSIVE seq(n) AS (SELECT ${start + 1} UNION ALL SELECT n + 1 FROM seq WHERE n < ${start + rows}) ` +
        `INSERT INTO ikm_responses (id, tenant_id, unit_id, period_id, survey_version, idempotency_key, answers, extra_answers, gender, age, education, occupation, service, saran_hidden, submitted_on, submitted_at) ` +
        `SELECT 'bench-r-' || n, '${t}', '${unit}', '${period}', 0, 'bench-k-' || n, ${Array(9).fill(digit).join(" || ")}, '{}', ` +
        `CASE n % 2 WHEN 0 THEN 'L' ELSE 'P' END, 18 + n % 55, CASE n % 3 WHEN 0 THEN 'SMA' WHEN 1 THEN 'D4-S1' ELSE 'SMP' END, ` +
        `CASE n % 4 WHEN 0 THEN 'PNS' WHEN 1 THEN 'SWASTA' WHEN 2 THEN 'WIRAUSAHA' ELSE 'PELAJAR' END, 'Perizinan', 0, '${year}-01-01', ${now} FROM seq;`,
    );
  }
  const counts = [1, 2, 3, 4].map((a) => `sum(substr(answers, u.n, 1) = '${a}')`).join(", ");
  out.push(
    `WITH RECURSIVE u(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM u WHERE n < 9) ` +
      `INSERT INTO ikm_tallies (tenant_id, unit_id, period_id, unsur, n1, n2, n3, n4) ` +
      `SELECT '${t}', '${unit}', '${period}', u.n, ${counts} FROM ikm_responses r, u WHERE r.tenant_id = '${t}' AND r.unit_id = '${unit}' AND r.period_id = '${period}' GROUP BY u.n;`,
  );
  const ageBand = "CASE WHEN age < 20 THEN '<20' WHEN age >= 60 THEN '60+' ELSE (age / 10 * 10) || '-' || (age / 10 * 10 + 9) END";
  for (const [field, expr] of [["gender", "gender"], ["ageBand", ageBand], ["education", "education"], ["occupation", "occupation"], ["service", "service"]]) {
    out.push(
      `INSERT INTO ikm_respondent_tallies (tenant_id, unit_id, period_id, field, value, n) ` +
        `SELECT '${t}', '${unit}', '${period}', '${field}', ${expr}, count(*) FROM ikm_responses WHERE tenant_id = '${t}' AND unit_id = '${unit}' AND period_id = '${period}' GROUP BY 5;`,
    );
  }
  return out;
}
