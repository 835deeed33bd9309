// `npm run loadtest` (bounded: ≤ 60 s of load): concurrent survey submissions mixed with retries
// of the same idempotency key, aborted connections and invalid payloads, against wrangler dev on
// loopback. Afterwards the database must hold every accepted response exactly once, tallies must
// equal the rows, and no 5xx may have appeared.
import { randomUUID } from "node:crypto";
import { queryLocalDb, startLocalServer, tenantBinding } from "../scripts/local-server.mjs";

const SECONDS = Math.min(Number(process.env.LOADTEST_SECONDS ?? 20), 60);
const WORKERS = 16;
const SLUG = "kaltim-biro-organisasi";
const STATE = ".wrangler/loadtest-state";

const { baseUrl, stop } = await startLocalServer({ port: process.env.LOADTEST_PORT ?? "8796", state: STATE });
const stats = { sent: 0, accepted: 0, replayed: 0, rejected: 0, aborted: 0, rateLimited: 0, fiveXX: 0, other: 0 };
const accepted = new Set();
const maybe = new Set(); // aborted after sending: may or may not have landed

try {
  const unit = await (await fetch(`${baseUrl}/api/v1/public/ikm/units/${SLUG}`)).json();
  const version = unit.survey.version;
  const service = unit.unit.services[0];
  const [gender, education, occupation] = ["gender", "education", "occupation"].map((f) => unit.options[f][0].value);
  const body = (key) => ({
    idempotencyKey: key,
    version,
    answers: Array.from({ length: 9 }, () => 1 + Math.floor(Math.random() * 4)),
    gender,
    age: 20 + Math.floor(Math.random() * 50),
    education,
    occupation,
    service,
    fillMs: 60_000,
  });

  // Each request comes "from" its own address so the per-IP limit measures intake, not the limiter.
  async function submit(payload, { abort = false } = {}) {
    const controller = new AbortController();
    if (abort) setTimeout(() => controller.abort(), 1);
    stats.sent++;
    const res = await fetch(`${baseUrl}/api/v1/public/ikm/units/${SLUG}/responses`, {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
      body: JSON.stringify(payload),
      signal: controller.signal,
    });
    await res.arrayBuffer();
    return res.status;
  }

  const end = Date.now() + SECONDS * 1000;
  async function worker() {
    while (Date.now() < end) {
      const roll = Math.random();
      try {
        if (roll < 0.6 || accepted.size === 0) {
          const key = randomUUID();
          const status = await submit(body(key));
          if (status < 300) (accepted.add(key), stats.accepted++);
          else if (status === 429) stats.rateLimited++;
          else if (status >= 500) stats.fiveXX++;
          else stats.other++;
        } else if (roll < 0.75) {
          const key = [...accepted][Math.floor(Math.random() * accepted.size)];
          const status = await submit(body(key));
          if (status >= 500) stats.fiveXX++;
          else if (status < 300) stats.replayed++;
          else stats.other++;
        } else if (roll < 0.9) {
          const bad = { ...body(randomUUID()), answers: [5, 1, 1, 1, 1, 1, 1, 1] }; // out of range and one short
          const status = await submit(bad);
          if (status >= 500) stats.fiveXX++;
          else if (status >= 400) stats.rejected++;
          else stats.other++;
        } else {
          const key = randomUUID();
          maybe.add(key);
          await submit(body(key), { abort: true }).catch(() => stats.aborted++);
        }
      } catch {
        stats.other++;
      }
    }
  }
  const started = Date.now();
  await Promise.all(Array.from({ length: WORKERS }, worker));
  const elapsed = (Date.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 1000)); // let aborted requests that reached the Worker finish

  const [{ rows, keys }] = queryLocalDb(STATE, `SELECT count(*) AS rows, count(DISTINCT idempotency_key) AS keys FROM ikm_responses r JOIN unit_layanan u ON u.id = r.unit_id WHERE u.slug = '${SLUG}' AND r.submitted_at >= ${started}`, tenantBinding(STATE, "64"));
  const [{ tallied }] = queryLocalDb(STATE, `SELECT coalesce(sum(n1 + n2 + n3 + n4), 0) AS tallied FROM ikm_tallies t JOIN unit_layanan u ON u.id = t.unit_id WHERE u.slug = '${SLUG}' AND t.unsur = 1`, tenantBinding(STATE, "64"));
  const [{ before }] = queryLocalDb(STATE, `SELECT count(*) AS before FROM ikm_responses r JOIN unit_layanan u ON u.id = r.unit_id WHERE u.slug = '${SLUG}' AND r.submitted_at < ${started}`, tenantBinding(STATE, "64"));

  console.log(`load: ${SECONDS} s, ${WORKERS} concurrent clients, ${stats.sent} requests (${(stats.sent / elapsed).toFixed(0)}/s)`);
  console.table(stats);
  console.log(`database: ${rows} new responses, ${keys} distinct keys; tallies count ${tallied} = ${before} earlier + ${rows} new`);
  const edits = await realisasiRace();
  console.log(`realisasi: ${edits.saved} saves accepted, ${edits.stale} stale (409), ${edits.fiveXX} 5xx; final value ${edits.final}; audit rows ${edits.audited}`);
  const checks = [
    ["no 5xx", stats.fiveXX === 0],
    ["no duplicates stored", rows === keys],
    ["every accepted response stored", rows >= accepted.size],
    ["nothing stored that was not accepted or possibly aborted", rows <= accepted.size + maybe.size],
    ["tallies equal the rows", Number(tallied) === Number(before) + Number(rows)],
    ["invalid payloads rejected", stats.rejected > 0 && stats.other === 0],
    ["realisasi: no 5xx", edits.fiveXX === 0],
    ["realisasi: every accepted save is in the audit log, and nothing else", edits.audited === edits.saved],
    ["realisasi: the final value is the last accepted one", edits.final === edits.lastAccepted],
  ];
  for (const [name, ok] of checks) console.log(`${ok ? "✓" : "✗"} ${name}`);
  process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
} finally {
  stop();
}

/**
 * Concurrent edits of one realisasi cell (Mojokerto 2022, TW IV, still open): each client saves
 * from the version it last saw; a stale save gets 409 with the current cell and tries again.
 */
async function realisasiRace() {
  const PD = "demo-pd-35.16-1.01";
  // Kept-alive sockets from the aborted requests above may have been closed by the server: retry once.
  const fetch = (url, init) => globalThis.fetch(url, init).catch(() => globalThis.fetch(url, init));
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email: "operator.protokol.mojokerto@demo.akuntabel.id", password: "akuntabel-demo" }),
  });
  const cookie = login.headers.get("set-cookie").split(";")[0];
  const headers = { cookie, origin: baseUrl, "content-type": "application/json" };
  const grid = await (await fetch(`${baseUrl}/api/v1/tenants/35.16/realisasi?pdId=${PD}&year=2022`, { headers })).json();
  const indicator = grid.sasaran.flatMap((s) => s.indicators)[0];
  const cell = indicator.cells[3];
  const result = { saved: 0, stale: 0, fiveXX: 0, final: null, lastAccepted: null, lastVersion: -1, audited: 0 };
  const end = Date.now() + Math.min(SECONDS, 10) * 1000;
  async function client(n) {
    let version = cell.version;
    for (let i = 0; Date.now() < end; i++) {
      const value = `${n},${i}`;
      const res = await fetch(`${baseUrl}/api/v1/tenants/35.16/realisasi`, {
        method: "POST",
        headers,
        body: JSON.stringify({ indicatorId: indicator.indicatorId, year: 2022, period: 4, value, status: "provisional", version }),
      });
      const body = await res.json();
      if (res.status >= 500) result.fiveXX++;
      if (res.status === 200) {
        result.saved++;
        version = body.version;
        if (body.version > result.lastVersion) (result.lastVersion = body.version), (result.lastAccepted = value);
      } else if (res.status === 409) {
        result.stale++;
        version = body.error.current?.version ?? version;
      }
    }
  }
  await Promise.all(Array.from({ length: 6 }, (_, n) => client(n + 1)));
  const after = await (await fetch(`${baseUrl}/api/v1/tenants/35.16/realisasi?pdId=${PD}&year=2022`, { headers })).json();
  const finalCell = after.sasaran.flatMap((s) => s.indicators).find((i) => i.indicatorId === indicator.indicatorId).cells[3];
  result.final = finalCell.value;
  const [{ n }] = queryLocalDb(STATE, `SELECT count(*) AS n FROM audit_log WHERE entity = 'realisasi' AND created_at >= ${Date.now() - 120_000} AND user_id = 'demo-user-operator.protokol.mojokerto'`, tenantBinding(STATE, "35.16"));
  result.audited = Number(n);
  return result;
}
