// Moving one tenant between tenant databases: the steps, independent of how SQL reaches D1, so the
// CLI (scripts/move-tenant.mjs, through wrangler) and the tests (miniflare D1 bindings) run the same code.
//
// A database is `{ all(sql, params) → rows, batch([{ sql, params }]), allMany?([{ sql, params }]) → rows[] }`
// (allMany: several reads in one round trip, which wrangler needs to be quick). Every step is idempotent and
// recorded in the control plane's tenant_moves, so a move stopped part-way is finished by running it again:
//   copying  — the tenant's shard-map entry names no database ("moving:<to>"): its requests get the 503 of
//              a database that is down, so nothing changes while its rows are copied (target rows of the
//              tenant are cleared first, then INSERT OR REPLACE in chunks of ≤ 100 bound parameters);
//   verified — row count and checksum of every table equal in both databases;
//   switched — the shard map names the target;
//   done     — the old rows are deleted from the source.

export const MAX_PARAMS = 100;
export const MOVING_PREFIX = "moving:";

/** Tables of a tenant database that hold tenant rows (every one carries tenant_id), in creation order. */
export async function tenantTablesOf(db) {
  const rows = await db.all("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations' ORDER BY rowid");
  return rows.filter((r) => /\btenant_id\b/.test(r.sql)).map((r) => r.name);
}

const ident = (name) => {
  if (!/^\w+$/.test(name)) throw new Error(`Bad identifier ${name}`);
  return `"${name}"`;
};

async function sha256Hex(text) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Row count and a checksum of the rows' values, independent of row order. */
export async function checksum(rows) {
  const lines = rows.map((r) => JSON.stringify(Object.values(r))).sort();
  return { rows: rows.length, sha256: await sha256Hex(lines.join("\n")) };
}

/** Every table's rows of the tenant, `{ table: rows }`, in one round trip where the database allows it. */
export async function tenantData(db, tables, tenantId) {
  const queries = tables.map((t) => ({ sql: `SELECT * FROM ${ident(t)} WHERE tenant_id = ?`, params: [tenantId] }));
  const results = db.allMany ? await db.allMany(queries) : await Promise.all(queries.map((q) => db.all(q.sql, q.params)));
  return Object.fromEntries(tables.map((t, i) => [t, results[i]]));
}

export async function checksums(db, tables, tenantId) {
  const data = await tenantData(db, tables, tenantId);
  const out = {};
  for (const t of tables) out[t] = await checksum(data[t]);
  return out;
}

/** INSERT OR REPLACE statements for `rows`, as many rows per statement as ≤ 100 parameters allow. */
export function insertStatements(table, rows) {
  if (!rows.length) return [];
  const cols = Object.keys(rows[0]);
  const per = Math.max(1, Math.floor(MAX_PARAMS / cols.length));
  const out = [];
  for (let i = 0; i < rows.length; i += per) {
    const part = rows.slice(i, i + per);
    out.push({
      sql: `INSERT OR REPLACE INTO ${ident(table)} (${cols.map(ident).join(", ")}) VALUES ${part.map(() => `(${cols.map(() => "?").join(", ")})`).join(", ")}`,
      params: part.flatMap((r) => cols.map((c) => r[c])),
    });
  }
  return out;
}

/** Copies the tenant's rows of every table into `target`, after clearing what a failed attempt left there. */
export async function copyTenant(source, target, tables, tenantId) {
  const data = await tenantData(source, tables, tenantId);
  // One batch: children's leftovers deleted first, then parents inserted before children, so
  // foreign keys inside the database hold.
  await target.batch([...deleteStatements(tables, tenantId), ...tables.flatMap((t) => insertStatements(t, data[t]))]);
}

/** The tables whose count or checksum differ between the two databases (empty = identical). */
export async function compare(source, target, tables, tenantId) {
  const [a, b] = [await checksums(source, tables, tenantId), await checksums(target, tables, tenantId)];
  return { source: a, differences: tables.filter((t) => a[t].rows !== b[t].rows || a[t].sha256 !== b[t].sha256) };
}

/**
 * Children before parents (reverse creation order), so foreign keys inside the database hold; twice,
 * because a trigger may write a row of the tenant while its rows are deleted (e.g. a bookkeeping row
 * bumped on every change), and the second pass removes what the first one caused.
 */
const deleteStatements = (tables, tenantId) => {
  const pass = [...tables].reverse().map((t) => ({ sql: `DELETE FROM ${ident(t)} WHERE tenant_id = ?`, params: [tenantId] }));
  return [...pass, ...pass];
};

export async function deleteTenant(db, tables, tenantId) {
  await db.batch(deleteStatements(tables, tenantId));
}

/**
 * Moves tenant `code` to `toBinding`. `databases(binding)` gives the database of a binding.
 * Returns what happened; throws (leaving the recorded step) when verification fails.
 */
/**
 * How long a frozen tenant is left alone before its rows are copied: Workers keep a public survey
 * link's tenant (and its database binding) in memory for up to 30 s (worker/intake/public-unit.ts),
 * so a submission may still reach the source that long after the freeze. Tests pass 0.
 */
export const SETTLE_MS = 35_000;

export async function moveTenant({ control, databases, code, toBinding, log = () => {}, settleMs = SETTLE_MS }) {
  const [tenant] = await control.all("SELECT id, db_binding FROM tenants WHERE code = ?", [code]);
  if (!tenant) throw new Error(`Pemda ${code} tidak ditemukan`);
  let [move] = await control.all("SELECT * FROM tenant_moves WHERE tenant_id = ?", [tenant.id]);
  if (move && move.step !== "done" && move.to_binding !== toBinding) throw new Error(`Pemda ${code} sedang dipindahkan ke ${move.to_binding}; selesaikan dulu pemindahan itu`);
  if (!move || move.step === "done") {
    if (tenant.db_binding === toBinding) return { code, step: "done", moved: false };
    move = { tenant_id: tenant.id, from_binding: tenant.db_binding, to_binding: toBinding, step: "copying", updated_at: Date.now() };
    await control.batch([
      { sql: "INSERT OR REPLACE INTO tenant_moves (tenant_id, from_binding, to_binding, step, checksums, updated_at) VALUES (?, ?, ?, 'copying', NULL, ?)", params: [tenant.id, move.from_binding, toBinding, Date.now()] },
      { sql: "UPDATE tenants SET db_binding = ? WHERE id = ?", params: [`${MOVING_PREFIX}${toBinding}`, tenant.id] },
    ]);
    log(`${code}: ${move.from_binding} → ${toBinding}, tenant dibekukan selama penyalinan`);
  }
  const source = databases(move.from_binding);
  const target = databases(toBinding);
  const tables = await tenantTablesOf(source);
  const setStep = (step, extra = []) => control.batch([{ sql: "UPDATE tenant_moves SET step = ?, updated_at = ? WHERE tenant_id = ?", params: [step, Date.now(), tenant.id] }, ...extra]);

  if (move.step === "copying") {
    const settle = move.updated_at + settleMs - Date.now();
    if (settle > 0) {
      log(`${code}: menunggu ${Math.ceil(settle / 1000)} s sampai tautan survei publik berhenti menulis ke ${move.from_binding}`);
      await new Promise((resolve) => setTimeout(resolve, settle));
    }
    await copyTenant(source, target, tables, tenant.id);
    const { source: sums, differences } = await compare(source, target, tables, tenant.id);
    if (differences.length) throw new Error(`Verifikasi gagal untuk tabel: ${differences.join(", ")}; jalankan lagi untuk mengulang penyalinan`);
    await control.batch([{ sql: "UPDATE tenant_moves SET checksums = ? WHERE tenant_id = ?", params: [JSON.stringify(sums), tenant.id] }]);
    await setStep("verified");
    move.step = "verified";
    log(`${code}: ${tables.length} tabel disalin, jumlah baris dan checksum sama`);
  }
  if (move.step === "verified") {
    await setStep("switched", [
      { sql: "UPDATE tenants SET db_binding = ? WHERE id = ?", params: [toBinding, tenant.id] },
      { sql: "INSERT INTO audit_log (tenant_id, user_id, action, entity, entity_id, before, after, created_at) VALUES (?, NULL, 'update', 'tenant_database', ?, ?, ?, ?)", params: [tenant.id, tenant.id, JSON.stringify({ dbBinding: move.from_binding }), JSON.stringify({ dbBinding: toBinding }), Date.now()] },
    ]);
    move.step = "switched";
    log(`${code}: peta shard menunjuk ${toBinding}`);
  }
  if (move.step === "switched") {
    await deleteTenant(source, tables, tenant.id);
    await setStep("done");
    log(`${code}: baris lama dihapus dari ${move.from_binding}`);
  }
  return { code, step: "done", moved: true, from: move.from_binding, to: toBinding };
}
