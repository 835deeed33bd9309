import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { tenantBindings } from "../worker/db/client";

await applyD1Migrations(env.DB, env.TEST_CONTROL_MIGRATIONS);
for (const binding of tenantBindings(env)) await applyD1Migrations(env[binding as "TENANT_DB_0"], env.TEST_TENANT_MIGRATIONS);
