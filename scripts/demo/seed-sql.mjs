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

// Same format as worker/auth/password.ts, so the Worker verifies these hashes.
export function hashPassword(password) {
  const salt = randomBytes(16);
  const hash = pbkdf2Sync(password, salt, 100_000, 32, "sha256");
  return ["pbkdf2-sha256", 100_000, salt.toString("base64url"), hash.toString("base64url")].join("$");
}

export const sqlValue = (v) => (v === null || v === undefined ? "NULL" : typeof v === "number" ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
const row = (table, values) => `INSERT OR IGNORE INTO ${table} (${Object.keys(values).join(", ")}) VALUES (${Object.values(values).map(sqlValue).join(", ")});`;

export const demoTenantId = (code) => `demo-tenant-${code}`;

/** Idempotent SQL for the demo: deterministic ids and INSERT OR IGNORE, so re-running changes nothing. */
export function demoSql(now = Date.now()) {
  const tenantId = demoTenantId;
  const pdId = (code, name) => `demo-pd-${code}-${PERANGKAT_DAERAH[code].find((p) => p.name === name).code}`;
  const out = [];
  for (const t of TENANTS) {
    out.push(row("tenants", { id: tenantId(t.code), code: t.code, name: t.name, kind: t.kind, parent_id: t.parent ? tenantId(t.parent) : null, status: "active", settings: "{}", db_binding: "DB", created_at: now }));
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
  return out.join("\n") + "\n";
}
