import { mkdirSync, writeFileSync } from "node:fs";
import { demoSql } from "./demo/seed-sql.mjs";
import { migrateAll, quietEnv, wranglerD1 } from "./migrate.mjs";

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
}
