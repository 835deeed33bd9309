import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { prepareLocalDb, quietEnv } from "./local-db.mjs";
import { ensureDevVars } from "./dev-vars.mjs";
import { wranglerD1 } from "./migrate.mjs";

/**
 * A throwaway copy of the app for tests and measurements: a fresh local D1 with the demo data
 * under `state` (then `seed(state)`, if given, may add more), the web app built, `wrangler dev`
 * on loopback. Returns its URL and a stop().
 */
export async function startLocalServer({ port, state, seed }) {
  rmSync(state, { recursive: true, force: true });
  prepareLocalDb(state);
  // Extra data for this run (bench/seed.mjs), loaded before the server opens the database.
  seed?.(state);
  ensureDevVars();
  execFileSync("npm", ["run", "build:web", "--silent"], { stdio: ["ignore", "ignore", "inherit"], env: quietEnv });
  const server = spawn(process.execPath, ["node_modules/wrangler/bin/wrangler.js", "dev", "--port", String(port), "--ip", "127.0.0.1", "--persist-to", state, "--log-level", "warn"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: quietEnv,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = () => server.kill("SIGTERM");
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) return { baseUrl, stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error("wrangler dev did not start within 30 s");
}

/**
 * Runs SQL against one of a local state's D1 databases and returns the rows (for checks after a run):
 * `binding` DB is the control plane; a tenant's data is in the binding tenantBinding(state, code) names.
 */
export function queryLocalDb(state, sql, binding = "DB") {
  return JSON.parse(wranglerD1(["execute", binding, "--json", "--command", sql], { persistTo: state }, ["ignore", "pipe", "inherit"]))[0].results;
}

/** The tenant database binding that holds tenant `code` (the shard map, tenants.db_binding). */
export const tenantBinding = (state, code) => queryLocalDb(state, `SELECT db_binding FROM tenants WHERE code = '${code.replace(/'/g, "''")}'`)[0].db_binding;

/** Executes an SQL file against one of a local state's D1 databases (the control plane by default). */
export function executeSqlFile(state, file, binding = "DB") {
  wranglerD1(["execute", binding, "--file", file], { persistTo: state });
}
