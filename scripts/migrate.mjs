// Applies the control-plane migrations (migrations/control/) to DB and the tenant migrations
// (migrations/tenant/) to every TENANT_DB_n that wrangler.toml declares.
//   node scripts/migrate.mjs --local [--persist-to <dir>]
//   node scripts/migrate.mjs --remote
import { execFileSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { d1Databases } from "./databases.mjs";

const WRANGLER = "node_modules/wrangler/bin/wrangler.js";
export const quietEnv = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", CI: "true" };

/** Where wrangler d1 commands run: `{ remote: true }` or local, optionally persisted to `persistTo`. */
export const targetArgs = ({ remote = false, persistTo } = {}) => (remote ? ["--remote"] : ["--local", ...(persistTo ? ["--persist-to", persistTo] : [])]);

export function wrangler(args, target, stdio = ["ignore", "ignore", "inherit"]) {
  return execFileSync(process.execPath, [WRANGLER, ...args, ...targetArgs(target)], { stdio, env: quietEnv, encoding: "utf8" });
}

export const wranglerD1 = (args, target, stdio) => wrangler(["d1", ...args], target, stdio);

/** Each database gets the migrations of its set (wrangler.toml migrations_dir); already applied ones are skipped. */
export function migrateAll(target = {}) {
  for (const { binding } of d1Databases()) wranglerD1(["migrations", "apply", binding], target);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const argv = process.argv.slice(2);
  const remote = argv.includes("--remote");
  const at = argv.indexOf("--persist-to");
  if (!remote && !argv.includes("--local")) {
    console.error("Pakai: node scripts/migrate.mjs --local [--persist-to <dir>] | --remote");
    process.exit(2);
  }
  migrateAll({ remote, persistTo: at >= 0 ? argv[at + 1] : undefined });
  console.log(`Migrasi diterapkan ke ${d1Databases().map((d) => d.binding).join(", ")}`);
}
