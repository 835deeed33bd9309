// What `npm run bench` measures. Each module adds its scenarios here; `ctx` carries the base URL
// and a signed-in cookie of the demo Kaltim tenant admin (also tenant_admin of the bench tenant
// seeded by bench/seed.mjs); `prepare(ctx)` may look up ids first.
import { randomUUID } from "node:crypto";
import { BENCH } from "./seed.mjs";

export const BASELINE = { name: "health (baseline)", path: "/api/v1/health" };

const year = new Date().getUTCFullYear();
const bench = `/api/v1/tenants/${BENCH.code}`;
const randomIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

/** @type {{ name: string, target?: string, status?: number, method?: string, path: string, body?: (ctx) => unknown, headers?: (ctx) => object, auth?: boolean, prepare?: (ctx) => Promise<void> }[]} */
export const SCENARIOS = [
  // The floor of any signed-in request: exactly one D1 round trip (the session lookup finds nothing).
  { name: "one D1 round trip (unknown session → 401)", path: "/api/v1/auth/me", status: 401, headers: () => ({ cookie: "akt_session=tidak-ada" }) },
  { name: "me (session and answer from memory)", path: "/api/v1/auth/me", auth: true },
  { name: "perangkat daerah list (46 PD)", path: "/api/v1/tenants/64/perangkat-daerah?limit=50", auth: true },
  { name: `ranking table (${BENCH.pds} PD × ${BENCH.years.length} years, all columns)`, target: "ranking", path: `${bench}/ranking?year=${BENCH.years.at(-1)}`, auth: true },
  { name: "IKM results (unit with 1,000,000 responses)", target: "ikm", path: `${bench}/ikm/results/units/${BENCH.bigUnitId}?year=${year}`, auth: true },
  { name: "IKM results (tenant, 41 units)", path: `${bench}/ikm/results?year=${year}`, auth: true },
  { name: `pohon kinerja (${BENCH.pohonNodes.toLocaleString("en-US")} nodes)`, path: `${bench}/plans/${BENCH.pohonPlanId}`, auth: true },
  {
    name: "survey submission (public, new response each)",
    target: "intake",
    // Group commit gains with concurrency (worker/intake/batcher.ts): also measured with many clients at once.
    saturate: true,
    method: "POST",
    path: `/api/v1/public/ikm/units/${BENCH.bigUnitSlug}/responses`,
    // Each request from its own address, so the per-IP limit does not cap what is measured.
    headers: () => ({ "cf-connecting-ip": randomIp() }),
    body: () => ({
      idempotencyKey: randomUUID(),
      version: 0,
      answers: Array.from({ length: 9 }, () => 1 + Math.floor(Math.random() * 4)),
      gender: "P",
      age: 35,
      education: "SMA",
      occupation: "SWASTA",
      service: "Perizinan",
      fillMs: 60_000,
    }),
  },
  { name: "public portal (published documents, SAKIP history)", path: "/api/v1/public/portal/64" },
  { name: "static asset (index.html)", path: "/" },
];

/** The targets, checked against the scenarios marked with `target`. */
export const TARGETS = [
  { name: "ranking p50 ≤ 2 × health p50", uses: "ranking", check: (r, base) => r.latency.p50 <= 2 * base.latency.p50 },
  { name: "IKM results (1,000,000 responses) p99 < 50 ms", uses: "ikm", check: (r) => r.latency.p99 < 50 },
  { name: "survey intake ≥ 500/s", uses: "intake", check: (r) => r.requests.average >= 500 },
];

/** Pages whose JavaScript is weighed (gzip), loaded in Chromium as a user would. */
export const PAGES = [
  { name: "app shell (tenant home)", path: "/t/64", auth: true },
  { name: "survey page (citizen)", path: "/s/kaltim-adpim" },
  { name: "public portal", path: "/publik/64" },
];
