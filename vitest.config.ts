import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations("./migrations");

export default defineConfig({
  plugins: [
    cloudflareTest({
      main: "./worker/index.ts",
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: { bindings: { TEST_MIGRATIONS: migrations } },
    }),
  ],
  server: { fs: { allow: [".", "../shared"] } },
  test: {
    include: ["test/**/*.test.ts", "worker/**/*.test.ts", "shared/**/*.test.ts"],
    setupFiles: ["./test/setup.ts"],
  },
});
