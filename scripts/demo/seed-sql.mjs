import { pbkdf2Sync, randomBytes } from "node:crypto";
import { kindOf, PASSWORD, PERANGKAT_DAERAH, TENANTS, USERS } from "./organisation.mjs";
import { evaluationSql } from "./evaluation.mjs";
import { planningSql } from "./planning.mjs";
import { ikmSql } from "./ikm.mjs";
import { performanceSql } from "./performance.mjs";
import { strukturSql } from "./struktur.mjs";
import { securitySql } from "./security.mjs";
import { portalSql } from "./portal.mjs";
import { reportsSql } from "./reports.mjs";
import { CONTROL_BINDING, controlTables, tenantBindings } from "../databases.mjs";

// Same format as worker/auth/password.ts, so the Worker verifies these hashes.
export function hashPassword(password) {
  const salt = randomBytes(16);
  const hash = pbkdf2Sync(password, salt, 100_000, 32, "sha256");
  return ["pbkdf2-sha256", 100_000, salt.toString("base64url"), hash.toString("base64url")].join("$");
}

export const sqlValue = (v) => (v === null || v === undefined ? "NULL" : typeof v === "number" ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
const insert = (table, values) => `INSERT OR IGNORE INTO ${table} (${Object.keys(values).join(", ")}) VALUES (${Object.values(values).map(sqlValue).join(", ")});`;

export const demoTenantId = (code) => `demo-tenant-${code}`;

/**
 * Idempotent SQL for the demo, one script per database: `{ DB: control-plane SQL, TENANT_DB_0: ..., ... }`.
 * Deterministic ids and INSERT OR IGNORE, so re-running changes nothing. The demo tenants are spread
 * over the tenant databases in turn (what onboarding's "emptiest database" gives for them); each
 * statement goes to the control plane or, by its tenant_id, to its tenant's database.
 */
export function demoSql(now = Date.now()) {
  return Object.fromEntries(Object.entries(demoStatements(now)).map(([b, lines]) => [b, lines.join("\n") + "\n"]));
}

/** The same, as statements per database binding (the tests load them into miniflare's D1s). */
export function demoStatements(now = Date.now()) {
  const tenantId = demoTenantId;
  const pdId = (code, name) => `demo-pd-${code}-${PERANGKAT_DAERAH[code].find((p) => p.name === name).code}`;
  const bindings = tenantBindings();
  const bindingOf = new Map(TENANTS.map((t, i) => [tenantId(t.code), bindings[i % bindings.length]]));
  const control = controlTables();
  const scripts = Object.fromEntries([CONTROL_BINDING, ...bindings].map((b) => [b, []]));
  const routed = new Map();
  const slugs = [];
  const row = (table, values) => {
    const sql = insert(table, values);
    if (!control.has(table)) routed.set(sql, bindingOf.get(values.tenant_id));
    // Public IKM links resolve slug → tenant in the control plane (migrations/control/0004_ikm.sql).
    if (table === "unit_layanan") slugs.push(insert("ikm_slugs", { slug: values.slug, tenant_id: values.tenant_id, unit_id: values.id, created_at: values.created_at }));
    return sql;
  };
  const out = [];
  for (const t of TENANTS) {
    out.push(row("tenants", { id: tenantId(t.code), code: t.code, name: t.name, kind: t.kind, parent_id: t.parent ? tenantId(t.parent) : null, status: "active", settings: JSON.stringify({ signingPlace: t.signingPlace }), db_binding: bindingOf.get(tenantId(t.code)), created_at: now }));
  }
  for (const [code, pds] of Object.entries(PERANGKAT_DAERAH)) {
    for (const pd of pds) {
      out.push(row("perangkat_daerah", { id: pdId(code, pd.name), tenant_id: tenantId(code), code: pd.code, name: pd.name, kind: kindOf(pd.name), active: 1, created_at: now, updated_at: now }));
    }
  }
  const hash = hashPassword(PASSWORD);
  for (const u of USERS) {
    const userId = `demo-user-${u.email.split("@")[0]}`;
    out.push(row("users", { id: userId, email: u.email, name: u.name, password_hash: hash, is_platform_operator: u.platform ? 1 : 0, status: "active", created_at: now }));
    if (u.tenant) {
      out.push(row("memberships", { id: `${userId}-${u.role}`, user_id: userId, tenant_id: tenantId(u.tenant), role: u.role, pd_id: u.pd ? pdId(u.tenant, u.pd) : null, created_at: now }));
    }
  }
  out.push(...evaluationSql({ now, tenantId, pdId, row }));
  out.push(...planningSql({ now, tenantId, pdId, row }));
  out.push(...ikmSql({ now, tenantId, pdId, row }));
  out.push(...performanceSql({ now, tenantId, pdId, row }));
  out.push(...strukturSql({ now, tenantId, row }));
  out.push(...securitySql({ now, tenantId, row }));
  out.push(...portalSql({ now, tenantId, pdId, row }));
  out.push(...reportsSql({ now, tenantId, pdId, row }));
  for (const sql of out) {
    // Statements not made by row() (e.g. UPDATE tenants ...) name a control-plane table.
    const target = routed.get(sql) ?? CONTROL_BINDING;
    if (!target) throw new Error(`demo seed: no database for ${sql.slice(0, 80)}`);
    scripts[target].push(sql);
  }
  scripts[CONTROL_BINDING].push(...slugs);
  return scripts;
}
