import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { demoSql, demoTenantId } from "./demo/seed-sql.mjs";
import { portalFiles } from "./demo/portal.mjs";

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
  putDemoDocuments(dir, persistTo);
}

/** The bytes of the demo's documents rows (scripts/demo/portal.mjs) into the local DOCUMENTS bucket, in one call. */
function putDemoDocuments(dir, persistTo) {
  const files = portalFiles({ tenantId: demoTenantId });
  mkdirSync(`${dir}/demo-documents`, { recursive: true });
  const list = files.map((f, i) => {
    const file = `${dir}/demo-documents/${i}.pdf`;
    writeFileSync(file, f.bytes);
    return { key: f.key, file };
  });
  writeFileSync(`${dir}/demo-documents/list.json`, JSON.stringify(list));
  wrangler(["r2", "bulk", "put", "akuntabel-documents", "--filename", `${dir}/demo-documents/list.json`, "--content-type", "application/pdf"], persistTo);
}
