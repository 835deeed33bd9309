// Browser journeys: build the app, start it on a throwaway local D1 with the demo data,
// run every test/browser/*.test.mjs with node's test runner against it, stop it.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { prepareLocalDb, quietEnv } from "../../scripts/local-db.mjs";
import { CHROMIUM } from "./browser.mjs";

if (!existsSync(CHROMIUM)) {
  console.error(`Chromium tidak ditemukan di ${CHROMIUM}. Pasang dulu: apt-get update && apt-get install -y chromium`);
  process.exit(1);
}

const PORT = process.env.BROWSER_TEST_PORT ?? "8799";
const STATE = ".wrangler/browser-test-state";
rmSync(STATE, { recursive: true, force: true });
rmSync("test-output", { recursive: true, force: true });
prepareLocalDb(STATE);
execFileSync("npm", ["run", "build:web", "--silent"], { stdio: ["ignore", "ignore", "inherit"], env: quietEnv });

const server = spawn(process.execPath, ["node_modules/wrangler/bin/wrangler.js", "dev", "--port", PORT, "--ip", "127.0.0.1", "--persist-to", STATE, "--log-level", "warn"], {
  stdio: ["ignore", "ignore", "inherit"],
  env: quietEnv,
});
const baseUrl = `http://127.0.0.1:${PORT}`;

async function waitUntilUp() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("wrangler dev did not start within 30 s");
}

let code = 1;
try {
  await waitUntilUp();
  const files = readdirSync("test/browser").filter((f) => f.endsWith(".test.mjs")).map((f) => `test/browser/${f}`);
  const run = spawn(process.execPath, ["--test", "--test-concurrency=1", ...files], { stdio: "inherit", env: { ...quietEnv, BASE_URL: baseUrl } });
  code = await new Promise((resolve) => run.on("exit", (c) => resolve(c ?? 1)));
} finally {
  server.kill("SIGTERM");
}
process.exit(code);
