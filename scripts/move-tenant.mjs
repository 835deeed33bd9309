// Moves a tenant to another tenant database (docs/scaling.md, "Moving a tenant"):
//   node scripts/move-tenant.mjs <tenantCode> <TENANT_DB_n> --local [--persist-to <dir>]
//   node scripts/move-tenant.mjs <tenantCode> <TENANT_DB_n> --remote
// Safe to run again after a failure: it resumes from the step recorded in tenant_moves.
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CONTROL_BINDING, tenantBindings } from "./databases.mjs";
import { sqlValue } from "./demo/seed-sql.mjs";
import { wranglerD1 } from "./migrate.mjs";
import { moveTenant } from "./move/steps.mjs";

/** `?` placeholders filled with SQL literals: wrangler's --command and --file take no bound parameters. */
const inline = (sql, params = []) => {
  let i = 0;
  return sql.replace(/\?/g, () => sqlValue(params[i++]));
};

/** A database reached through `wrangler d1 execute` (local or remote). */
function wranglerDatabase(binding, target) {
  const dir = mkdtempSync(join(tmpdir(), "akuntabel-move-"));
  let n = 0;
  return {
    async all(sql, params) {
      return (await this.allMany([{ sql, params }]))[0];
    },
    async allMany(queries) {
      const out = wranglerD1(["execute", binding, "--json", "--command", queries.map((q) => inline(q.sql, q.params)).join(";\n")], target, ["ignore", "pipe", "inherit"]);
      return JSON.parse(out).map((r) => r.results);
    },
    async batch(statements) {
      if (!statements.length) return;
      const file = join(dir, `batch-${n++}.sql`);
      writeFileSync(file, statements.map((s) => `${inline(s.sql, s.params)};`).join("\n"));
      wranglerD1(["execute", binding, "--file", file], target);
      rmSync(file);
    },
  };
}

const argv = process.argv.slice(2);
const [code, toBinding] = argv.filter((a, i) => !a.startsWith("--") && argv[i - 1] !== "--persist-to");
const remote = argv.includes("--remote");
const at = argv.indexOf("--persist-to");
const target = { remote, persistTo: at >= 0 ? argv[at + 1] : undefined };
const known = tenantBindings();
if (!code || !known.includes(toBinding) || (!remote && !argv.includes("--local"))) {
  console.error(`Pakai: node scripts/move-tenant.mjs <kodePemda> <${known.join("|")}> --local [--persist-to <dir>] | --remote`);
  process.exit(2);
}
const result = await moveTenant({
  control: wranglerDatabase(CONTROL_BINDING, target),
  databases: (binding) => {
    if (!known.includes(binding)) throw new Error(`Binding ${binding} tidak ada di wrangler.toml`);
    return wranglerDatabase(binding, target);
  },
  code,
  toBinding,
  log: (line) => console.log(`› ${line}`),
});
console.log(result.moved ? `Selesai: ${code} kini di ${toBinding}` : `${code} sudah berada di ${toBinding}`);
