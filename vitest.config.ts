import { mkdirSync } from "node:fs";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations("./migrations");
// wrangler.toml names the web build as the assets folder; API tests don't need its content,
// only its existence (a clean clone has not built the web app yet).
mkdirSync("./build", { recursive: true });

export default defineConfig({
  plugins: [
    cloudflareTest({
      main: "./worker/index.ts",
      wrangler: { configPath: "./wrangler.toml" },
      // A fixed test-only key (production: wrangler secret put TOTP_ENCRYPTION_KEY).
      miniflare: { bindings: { TEST_MIGRATIONS: migrations, TOTP_ENCRYPTION_KEY: "YWt1bnRhYmVsLXRlc3Qtb25seS10b3RwLWtleS0zMmI=" } },
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
