// Browser journeys: start the app on a throwaway local D1 with the demo data, run every
// test/browser/*.test.mjs (or only the files named as arguments) with node's test runner
// against it, stop it.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { quietEnv } from "../../scripts/local-db.mjs";
import { startLocalServer } from "../../scripts/local-server.mjs";
import { CHROMIUM } from "./browser.mjs";

if (!existsSync(CHROMIUM)) {
  console.error(`Chromium tidak ditemukan di ${CHROMIUM}. Pasang dulu: apt-get update && apt-get install -y chromium`);
  process.exit(1);
}

rmSync("test-output", { recursive: true, force: true });
const { baseUrl, stop } = await startLocalServer({ port: process.env.BROWSER_TEST_PORT ?? "8799", state: ".wrangler/browser-test-state" });
let code = 1;
try {
  const named = process.argv.slice(2);
  const files = named.length ? named : readdirSync("test/browser").filter((f) => f.endsWith(".test.mjs")).sort().map((f) => `test/browser/${f}`);
  const run = spawn(process.execPath, ["--test", "--test-concurrency=1", ...files], { stdio: "inherit", env: { ...quietEnv, BASE_URL: baseUrl } });
  code = await new Promise((resolve) => run.on("exit", (c) => resolve(c ?? 1)));
} finally {
  stop();
}
process.exit(code);
