import { mkdirSync, writeFileSync } from "node:fs";
import { demoSql, demoTenantId } from "./demo/seed-sql.mjs";
import { portalFiles } from "./demo/portal.mjs";
import { migrateAll, quietEnv, wrangler, wranglerD1 } from "./migrate.mjs";

export { quietEnv };

/** Applies migrations to the local control and tenant databases and loads the demo data (idempotent). */
export function prepareLocalDb(persistTo) {
  migrateAll({ persistTo });
  // The SQL files sit beside the databases they seed, so two prepared states never share them.
  const dir = persistTo ?? ".wrangler";
  mkdirSync(dir, { recursive: true });
  for (const [binding, sql] of Object.entries(demoSql())) {
    const file = `${dir}/demo-seed-${binding}.sql`;
    writeFileSync(file, sql);
    wranglerD1(["execute", binding, "--file", file], { persistTo });
  }
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
  wrangler(["r2", "bulk", "put", "akuntabel-documents", "--filename", `${dir}/demo-documents/list.json`, "--content-type", "application/pdf"], { persistTo });
}
