// `npm run bench`: starts the built app with wrangler dev on loopback over a fresh demo
// database, drives each scenario with autocannon (bounded: 10 connections, a few seconds),
// and prints p50/p99/req/s as ratios to a bare health route measured in the same run.
import { cpus, totalmem } from "node:os";
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { chromium } from "playwright-core";
import { startLocalServer } from "../scripts/local-server.mjs";
import { BASELINE, PAGES, SCENARIOS } from "./scenarios.mjs";
import { PASSWORD } from "../scripts/demo/organisation.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const { baseUrl: BASE, stop } = await startLocalServer({ port: process.env.BENCH_PORT ?? "8797", state: ".wrangler/bench-state" });

async function signIn() {
  const res = await fetch(`${BASE}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE },
    body: JSON.stringify({ email: "admin.kaltim@demo.akuntabel.id", password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.get("set-cookie").split(";")[0];
}

function load(ctx, s) {
  const path = typeof s.path === "function" ? s.path(ctx) : s.path;
  const headers = { ...(s.auth ? { cookie: ctx.cookie } : {}), ...(s.body ? { "content-type": "application/json", origin: BASE } : {}) };
  // Bodies are made per request (fresh idempotency keys); `headers(ctx)` may vary per request too.
  const setupRequest = (req) => ({
    ...req,
    headers: { ...headers, ...(s.headers?.(ctx) ?? {}) },
    ...(s.body ? { body: JSON.stringify(s.body(ctx)) } : {}),
  });
  return new Promise((resolve, reject) =>
    autocannon(
      { url: `${BASE}${path}`, method: s.method ?? "GET", connections: 10, duration: SECONDS, requests: [{ setupRequest }] },
      (err, r) => (err ? reject(err) : resolve(r)),
    ),
  );
}

async function pageWeights(ctx) {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  const out = [];
  try {
    for (const p of PAGES) {
      const context = await browser.newContext();
      if (p.auth) await context.addCookies([{ name: ctx.cookie.split("=")[0], value: ctx.cookie.split("=")[1], url: BASE }]);
      const page = await context.newPage();
      const bodies = [];
      page.on("response", async (r) => {
        if (r.request().resourceType() === "script") bodies.push(r.body().then((b) => gzipSync(b).length).catch(() => 0));
      });
      await page.goto(`${BASE}${typeof p.path === "function" ? p.path(ctx) : p.path}`, { waitUntil: "networkidle" });
      const sizes = await Promise.all(bodies);
      out.push({ name: p.name, files: sizes.length, gzipKb: sizes.reduce((a, b) => a + b, 0) / 1024 });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

const fmt = (n, dp = 1) => n.toLocaleString("en-US", { minimumFractionDigits: dp, maximumFractionDigits: dp });
try {
  const ctx = { base: BASE, cookie: await signIn() };
  for (const s of SCENARIOS) await s.prepare?.(ctx);
  const base = await load(ctx, BASELINE);
  const rows = [[BASELINE.name, base]];
  for (const s of SCENARIOS) rows.push([s.name, await load(ctx, s)]);
  const weights = await pageWeights(ctx);

  const table = [
    "| scenario | p50 ms | p99 ms | req/s | non-2xx | p50 ÷ health p50 |",
    "|---|---:|---:|---:|---:|---:|",
    ...rows.map(([name, r]) => `| ${name} | ${r.latency.p50} | ${r.latency.p99} | ${fmt(r.requests.average, 0)} | ${r.non2xx} | ${fmt(r.latency.p50 / Math.max(base.latency.p50, 1), 2)} |`),
    "",
    "| page | JS files | JS gzip kB |",
    "|---|---:|---:|",
    ...weights.map((w) => `| ${w.name} | ${w.files} | ${fmt(w.gzipKb)} |`),
  ].join("\n");
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`;
  console.log(table);
  writeFileSync(
    "bench/RESULTS.md",
    `# Benchmark results\n\nLast run: ${new Date().toISOString()} on ${machine}.\n` +
      `wrangler dev (local workerd + local D1) on loopback, autocannon 10 connections × ${SECONDS} s per scenario. ` +
      `Absolute figures drift between runs and machines; compare the ratios to the health baseline.\n\n${table}\n`,
  );
} finally {
  stop();
}
