// The D1 databases wrangler.toml declares: the control plane (binding DB) and the tenant databases
// (TENANT_DB_n), each with its migrations folder. Scripts read the list here instead of repeating it.
import { readdirSync, readFileSync } from "node:fs";

export const CONTROL_BINDING = "DB";
export const TENANT_BINDING = /^TENANT_DB_(\d+)$/;

/** [{ binding, name, migrationsDir }] in file order, from the [[d1_databases]] blocks of wrangler.toml. */
export function d1Databases(configPath = "wrangler.toml") {
  const blocks = readFileSync(configPath, "utf8").split(/^\[\[d1_databases\]\]\s*$/m).slice(1);
  return blocks.map((block) => {
    const body = block.split(/^\[/m)[0];
    const field = (key) => body.match(new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, "m"))?.[1];
    return { binding: field("binding"), name: field("database_name"), migrationsDir: field("migrations_dir") };
  });
}

/** The tenant database bindings, in number order. */
export function tenantBindings(configPath) {
  return d1Databases(configPath)
    .map((d) => d.binding)
    .filter((b) => TENANT_BINDING.test(b))
    .sort((a, b) => Number(a.match(TENANT_BINDING)[1]) - Number(b.match(TENANT_BINDING)[1]));
}

/** Tables of the control plane; every other table is tenant data and carries tenant_id (migrations/control/). */
export function controlTables(dir = "migrations/control") {
  const sql = readdirSorted(dir).map((f) => readFileSync(`${dir}/${f}`, "utf8")).join("\n");
  return new Set([...sql.matchAll(/CREATE TABLE (\w+)/g)].map((m) => m[1]));
}

/** Tables of the tenant databases (migrations/tenant/). */
export function tenantTables(dir = "migrations/tenant") {
  const sql = readdirSorted(dir).map((f) => readFileSync(`${dir}/${f}`, "utf8")).join("\n");
  return [...sql.matchAll(/CREATE TABLE (\w+)/g)].map((m) => m[1]);
}

const readdirSorted = (dir) => readdirSync(dir).filter((f) => f.endsWith(".sql")).sort();
