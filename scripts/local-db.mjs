import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { demoSql } from "./demo/seed-sql.mjs";

const WRANGLER = "node_modules/wrangler/bin/wrangler.js";
export const quietEnv = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", CI: "true" };

function wrangler(args, persistTo) {
  const persist = persistTo ? ["--persist-to", persistTo] : [];
  execFileSync(process.execPath, [WRANGLER, ...args, "--local", ...persist], { stdio: ["ignore", "ignore", "inherit"], env: quietEnv });
}

/** Applies migrations to the local D1 and loads the demo data (idempotent). */
export function prepareLocalDb(persistTo) {
  wrangler(["d1", "migrations", "apply", "DB"], persistTo);
  // The SQL file sits beside the database it seeds, so two prepared databases never share it.
  const dir = persistTo ?? ".wrangler";
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/demo-seed.sql`, demoSql());
  wrangler(["d1", "execute", "DB", "--file", `${dir}/demo-seed.sql`], persistTo);
}
