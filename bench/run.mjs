// `npm run bench`: starts the built app with wrangler dev on loopback over a fresh demo database
// plus the bench data (bench/seed.mjs: 40 PD × 5 years, a 2,000-node pohon kinerja, a unit with
// 1,000,000 responses), drives each scenario with autocannon — once with 1 connection (latency)
// and once with 10 (throughput), bounded to a few seconds each — and prints p50/p99/req/s with
// ratios to a bare health route measured in the same run, the targets, and page JS weight.
import { cpus, loadavg, totalmem } from "node:os";
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { chromium } from "playwright-core";
import { executeSqlFile, startLocalServer } from "../scripts/local-server.mjs";
import { BASELINE, PAGES, SCENARIOS, TARGETS } from "./scenarios.mjs";
import { benchSql, BENCH } from "./seed.mjs";
import { PASSWORD } from "../scripts/demo/organisation.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const fmt = (n, dp = 1) => n.toLocaleString("en-US", { minimumFractionDigits: dp, maximumFractionDigits: dp });
const CONNECTIONS = [1, 10];
/** Many citizens at once, for the scenarios marked `saturate`. */
const MANY = 50;
const MANY_ROUNDS = 3;
const loadBefore = loadavg();
let seedMs = 0;
const { baseUrl: BASE, stop } = await startLocalServer({
  port: process.env.BENCH_PORT ?? "8797",
  state: ".wrangler/bench-state",
  seed: (state) => {
    const started = Date.now();
    const { control, tenant } = benchSql();
    writeFileSync(`${state}/bench-seed-control.sql`, control);
    writeFileSync(`${state}/bench-seed-tenant.sql`, tenant);
    executeSqlFile(state, `${state}/bench-seed-control.sql`);
    executeSqlFile(state, `${state}/bench-seed-tenant.sql`, BENCH.binding);
    seedMs = Date.now() - started;
    console.log(`bench data seeded in ${fmt(seedMs / 1000)} s`);
  },
});

async function signIn() {
  const res = await fetch(`${BASE}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE },
    body: JSON.stringify({ email: "admin.kaltim@demo.akuntabel.id", password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.get("set-cookie").split(";")[0];
}

function requestOf(ctx, s) {
  const headers = { ...(s.auth ? { cookie: ctx.cookie } : {}), ...(s.body ? { "content-type": "application/json", origin: BASE } : {}) };
  return { headers: { ...headers, ...(s.headers?.(ctx) ?? {}) }, ...(s.body ? { body: JSON.stringify(s.body(ctx)) } : {}) };
}

function load(ctx, s, connections) {
  // Bodies are made per request (fresh idempotency keys); `headers(ctx)` may vary per request too.
  const setupRequest = (req) => ({ ...req, ...requestOf(ctx, s) });
  return new Promise((resolve, reject) =>
    autocannon(
      { url: `${BASE}${s.path}`, method: s.method ?? "GET", connections, duration: SECONDS, requests: [{ setupRequest }] },
      (err, r) => (err ? reject(err) : resolve(r)),
    ),
  );
}

/** One request per scenario before measuring (fills caches such as the ranking snapshot); must succeed. */
async function warmUp(ctx, s) {
  const res = await fetch(`${BASE}${s.path}`, { method: s.method ?? "GET", ...requestOf(ctx, s) });
  if (s.status ? res.status !== s.status : res.status >= 300) throw new Error(`${s.name}: ${res.status} ${await res.text()}`);
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
      await page.goto(`${BASE}${p.path}`, { waitUntil: "networkidle" });
      const sizes = await Promise.all(bodies);
      out.push({ name: p.name, files: sizes.length, gzipKb: sizes.reduce((a, b) => a + b, 0) / 1024 });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

try {
  const ctx = { base: BASE, cookie: await signIn() };
  for (const s of SCENARIOS) await s.prepare?.(ctx);
  for (const s of SCENARIOS) await warmUp(ctx, s);
  const runs = {};
  for (const n of CONNECTIONS) {
    runs[n] = { base: await load(ctx, BASELINE, n), rows: [] };
    for (const s of SCENARIOS) runs[n].rows.push([s, await load(ctx, s, n)]);
  }
  // Throughput swings with whatever else the shared cores do: health and the saturating scenarios take turns
  // MANY_ROUNDS times, and each reports its run of median req/s.
  const saturating = SCENARIOS.filter((x) => x.saturate);
  const rounds = [];
  for (let i = 0; i < MANY_ROUNDS; i++) {
    const round = [await load(ctx, BASELINE, MANY)];
    for (const s of saturating) round.push(await load(ctx, s, MANY));
    rounds.push(round);
  }
  const median = (col) => rounds.map((r) => r[col]).sort((a, b) => a.requests.average - b.requests.average)[MANY_ROUNDS >> 1];
  runs[MANY] = { base: median(0), rows: saturating.map((s, i) => [s, median(i + 1)]) };
  const weights = await pageWeights(ctx);
  const loadAfter = loadavg();

  const [one, ten] = CONNECTIONS.map((n) => runs[n]);
  const ratio = (r, base) => fmt(r.latency.p50 / Math.max(base.latency.p50, 1), 2);
  const line = (name, a, b) =>
    `| ${name} | ${a.latency.p50} | ${a.latency.p99} | ${ratio(a, one.base)} | ${b.latency.p50} | ${b.latency.p99} | ${fmt(b.requests.average, 0)} | ${ratio(b, ten.base)} | ${a.non2xx + b.non2xx} |`;
  const targets = TARGETS.map((t) => {
    const verdict = (run) => {
      const r = run.rows.find(([s]) => s.target === t.uses)?.[1];
      return r ? (t.check(r, run.base) ? "met" : "not met") : "—";
    };
    return `| ${t.name} | ${verdict(one)} | ${verdict(ten)} | ${verdict(runs[MANY])} |`;
  });
  const many = runs[MANY];
  const table = [
    "| scenario | p50 ms (1 conn) | p99 ms (1 conn) | p50 ÷ health | p50 ms (10 conn) | p99 ms (10 conn) | req/s (10 conn) | p50 ÷ health | non-2xx |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    line(BASELINE.name, one.base, ten.base),
    ...SCENARIOS.map((s, i) => line(s.name, one.rows[i][1], ten.rows[i][1])),
    "",
    `| ${MANY} connections | p50 ms | p99 ms | req/s | req/s ÷ health |`,
    "|---|---:|---:|---:|---:|",
    ...[[BASELINE, many.base], ...many.rows].map(([s, r]) => `| ${s.name} | ${r.latency.p50} | ${r.latency.p99} | ${fmt(r.requests.average, 0)} | ${fmt(r.requests.average / many.base.requests.average, 2)} |`),
    "",
    `| target | 1 connection | 10 connections | ${MANY} connections |`,
    "|---|---|---|---|",
    ...targets,
    "",
    "| page | JS files | JS gzip kB |",
    "|---|---:|---:|",
    ...weights.map((w) => `| ${w.name} | ${w.files} | ${fmt(w.gzipKb)} |`),
  ].join("\n");
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`;
  const load1 = (l) => l.map((x) => fmt(x, 2)).join(" / ");
  const header =
    `Last run: ${new Date().toISOString()} on ${machine}.\n` +
    `Machine load (1/5/15 min) before: ${load1(loadBefore)}, after: ${load1(loadAfter)} — the machine is shared, so absolute figures drift; compare the ratios to the health baseline.\n` +
    `wrangler dev (local workerd + local D1) on loopback, autocannon ${SECONDS} s per scenario with 1 and with 10 connections (survey intake also with ${MANY}, alternating with health ${MANY_ROUNDS} times; each reports its median run). ` +
    `Bench data seeded in ${fmt(seedMs / 1000)} s: tenant ${BENCH.code} with ${BENCH.pds} PD × ${BENCH.years.length} years of every ranking column, ` +
    `a ${BENCH.pohonNodes.toLocaleString("en-US")}-node Renstra, a unit with ${BENCH.responses.toLocaleString("en-US")} responses (bench/seed.mjs).\n\n` +
    `Each local D1 round trip costs several ms and they are serialised, so the hot routes are held to a number of round trips ` +
    `(test/round-trips.test.ts, first call: session + grants 1, me 2, PD list 2, ranking 2 with fresh snapshots, IKM results 2, pohon kinerja 3, public portal 2; survey submission 0 in the Worker once the slug is cached + its share of one batched flush of 5 statements in the tenant's IntakeBatcher). ` +
    `Signed-in GETs reuse the session (and /auth/me its answer) for up to 15 s, the PD list and the heavy reads (ranking, IKM results, plan trees) answer from an in-isolate cache for up to 5 s unless a write or a newer D1 bookmark says otherwise, the public portal for up to 60 s unless its tenant is written (docs/scaling.md, "Reads served from memory"): a repeat makes no round trip; ` +
    `the warm-up fills them, so the signed-in rows measure the warm path. ` +
    `The "one D1 round trip" row is what a request costs that must ask D1 (an unknown session is never cached); non-2xx counts its expected 401s.`;
  console.log(`${header}\n\n${table}`);
  writeFileSync("bench/RESULTS.md", `# Benchmark results\n\n${header}\n\n${table}\n`);
} finally {
  stop();
}
