import { mkdirSync } from "node:fs";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { demoStatements } from "./scripts/demo/seed-sql.mjs";

// Two migration sets: the control plane (binding DB) and every tenant database (TENANT_DB_n).
const controlMigrations = await readD1Migrations("./migrations/control");
const tenantMigrations = await readD1Migrations("./migrations/tenant");
// The demo, per database, for the scale-out tests (test/scale.test.ts moves a demo tenant).
const demo = demoStatements(Date.UTC(2026, 0, 1));
// wrangler.toml names the web build as the assets folder; API tests don't need its content,
// only its existence (a clean clone has not built the web app yet).
mkdirSync("./build", { recursive: true });

export default defineConfig({
  plugins: [
    cloudflareTest({
      main: "./worker/index.ts",
      wrangler: { configPath: "./wrangler.toml" },
      // Fixed test-only TOTP keys, current and previous (production: wrangler secret put; rotation in docs/secrets.md).
      // READ_CACHE off: tests write D1 directly, which no in-isolate cache can notice; test/read-cache.test.ts turns
      // it on per call.
      miniflare: {
        bindings: { TEST_CONTROL_MIGRATIONS: controlMigrations, TEST_TENANT_MIGRATIONS: tenantMigrations, TEST_DEMO: demo, TOTP_ENCRYPTION_KEY: "YWt1bnRhYmVsLXRlc3Qtb25seS10b3RwLWtleS0zMmI=", TOTP_ENCRYPTION_KEY_PREVIOUS: "YWt1bnRhYmVsLXRlc3Qtb25seS1wcmV2aW91cy1rZXk=", READ_CACHE: "off" },
      },
    }),
  ],
  server: { fs: { allow: [".", "../shared"] } },
  test: {
    include: ["test/**/*.test.ts", "worker/**/*.test.ts", "shared/**/*.test.ts"],
    setupFiles: ["./test/setup.ts"],
    // Generous limits: CI shares 2 cores, and a test's own assertions say what is correct.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
