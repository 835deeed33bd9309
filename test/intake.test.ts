import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { api, dbOf, twoTenants, type World } from "./helpers";
import { type NewResponse } from "../worker/data/ikm";
import { IntakeBatcher, type IntakeReply } from "../worker/intake/batcher";
import { ageBand } from "../shared/schemas/ikm";
import { wibDay } from "../shared/format/wib";

// Group commit of citizen submissions (worker/intake/batcher.ts): one IntakeBatcher per tenant
// writes every queued submission in one tenant D1 batch and answers each caller its own outcome.
let t: World;
let unit: { id: string; slug: string };
let bindingA: string;
const year = Number(wibDay().slice(0, 4));

beforeAll(async () => {
  t = await twoTenants();
  bindingA = (await env.DB.prepare("SELECT db_binding AS b FROM tenants WHERE id = ?").bind(t.tA).first<{ b: string }>())!.b;
  const u = await api(`/tenants/${t.codeA}/unit-layanan`, { cookie: t.a.tenant_admin, body: { pdId: t.pdA, name: "Loket Ramai", slug: "loket-ramai", services: ["Legalisir"] } });
  expect(u.status).toBe(201);
  unit = u.json;
  expect((await api(`/tenants/${t.codeA}/ikm/periods`, { cookie: t.a.tenant_admin, body: { kind: "tahun", year, number: 1 } })).status).toBe(201);
});

const submission = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: crypto.randomUUID(),
  version: 0,
  answers: Array.from({ length: 9 }, (_, i) => (i % 4) + 1),
  gender: "L",
  age: 41,
  education: "SMA",
  occupation: "WIRAUSAHA",
  service: "Legalisir",
  fillMs: 30_000,
  ...over,
});
const submit = (body: unknown, ip: string, slug = unit.slug) => api(`/public/ikm/units/${slug}/responses`, { body, headers: { "cf-connecting-ip": ip } });

const batcher = () => env.INTAKE.get(env.INTAKE.idFromName(t.tA));
const stats = () => runInDurableObject(batcher(), (o: IntakeBatcher) => ({ ...o.stats }));

/** Stored responses of the unit, and the respondents its tallies count (each unsur's n1..n4 sum to the responses). */
async function counts() {
  const db = dbOf(t.tA);
  const rows = (await db.prepare("SELECT count(*) AS n FROM ikm_responses WHERE unit_id = ?").bind(unit.id).first<{ n: number }>())!.n;
  const tallies = (await db.prepare("SELECT coalesce(sum(n1 + n2 + n3 + n4), 0) AS n FROM ikm_tallies WHERE unit_id = ? AND unsur = 1").bind(unit.id).first<{ n: number }>())!.n;
  const respondents = (await db.prepare("SELECT coalesce(sum(n), 0) AS n FROM ikm_respondent_tallies WHERE unit_id = ? AND field = 'gender'").bind(unit.id).first<{ n: number }>())!.n;
  return { rows, tallies, respondents };
}

/** A prepared row as the Worker hands it to the batcher. */
const row = (over: Partial<NewResponse> = {}): NewResponse => ({
  id: crypto.randomUUID(),
  tenantId: t.tA,
  unitId: unit.id,
  surveyVersion: 0,
  idempotencyKey: crypto.randomUUID(),
  answers: "123412341",
  extraAnswers: "{}",
  gender: "P",
  age: 30,
  education: "SMA",
  occupation: "SWASTA",
  service: "Legalisir",
  saran: null,
  saranHidden: false,
  deviceDay: null,
  submittedOn: wibDay(),
  submittedAt: Date.now(),
  ...over,
});

describe("survey intake in groups", () => {
  it("60 concurrent submissions are each stored once; rows = tallies = accepted, in fewer D1 batches than rows", async () => {
    const before = await counts();
    const statsBefore = await stats();
    const ages = Array.from({ length: 60 }, (_, i) => 15 + i);
    const answers = await Promise.all(ages.map((age, i) => submit(submission({ age }), `10.20.0.${i}`)));
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 201));
    expect(new Set(answers.map((r) => r.json.receipt)).size).toBe(60);
    const after = await counts();
    expect(after.rows - before.rows).toBe(60);
    expect(after.tallies).toBe(after.rows);
    expect(after.respondents).toBe(after.rows);
    // The tallies are summed in SQL (worker/intake/statements.ts): the age bands are the shared ones.
    const bands = (await dbOf(t.tA).prepare("SELECT value, n FROM ikm_respondent_tallies WHERE unit_id = ? AND field = 'ageBand'").bind(unit.id).all<{ value: string; n: number }>()).results;
    const expected = new Map<string, number>();
    for (const age of ages) expected.set(ageBand(age), (expected.get(ageBand(age)) ?? 0) + 1);
    expect(Object.fromEntries(bands.map((b) => [b.value, b.n]))).toEqual(Object.fromEntries(expected));
    const s = await stats();
    expect(s.rows - statsBefore.rows).toBe(60);
    expect(s.flushes - statsBefore.flushes).toBeLessThan(60);
  });

  it("the same idempotency key sent concurrently is stored once; every other copy answers duplicate with its receipt", async () => {
    const before = await counts();
    const body = submission();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => submit(body, `10.21.0.${i}`)));
    const recorded = answers.filter((r) => r.status === 201);
    expect(recorded).toHaveLength(1);
    const duplicates = answers.filter((r) => r.status === 200);
    expect(duplicates).toHaveLength(19);
    for (const d of duplicates) expect(d.json).toEqual({ status: "duplicate", receipt: recorded[0]!.json.receipt });
    const after = await counts();
    expect(after.rows - before.rows).toBe(1);
    expect(after.tallies).toBe(after.rows);
  });

  it("two rows with one key in the same flush: one stored, the later one a duplicate of it", async () => {
    const key = crypto.randomUUID();
    const [first, second] = [row({ idempotencyKey: key }), row({ idempotencyKey: key })];
    const replies = await runInDurableObject(batcher(), (o: IntakeBatcher) =>
      Promise.all([first, second].map((r, i) => o.submit({ dbBinding: bindingA, ip: `10.22.0.${i}`, row: r }))),
    );
    expect(replies).toEqual([
      { status: "recorded", id: first.id },
      { status: "duplicate", id: first.id },
    ]);
  });

  it("a row that fails in D1 does not fail the others of its flush", async () => {
    const before = await counts();
    const s0 = await stats();
    const rows = Array.from({ length: 6 }, () => row());
    // NOT NULL violated in D1: the flush's batch (atomic) throws, then each row is written alone.
    rows[3] = row({ gender: null as unknown as string });
    const replies = await runInDurableObject(batcher(), (o: IntakeBatcher) =>
      Promise.all(rows.map((r, i) => o.submit({ dbBinding: bindingA, ip: `10.23.0.${i}`, row: r }))),
    );
    expect(replies[3]!.status).toBe("failed");
    expect(replies.filter((_, i) => i !== 3)).toEqual(rows.filter((_, i) => i !== 3).map((r) => ({ status: "recorded", id: r.id })));
    const s = await stats();
    expect(s.retriedFlushes - s0.retriedFlushes).toBe(1);
    const after = await counts();
    expect(after.rows - before.rows).toBe(5);
    expect(after.tallies).toBe(after.rows);
  });

  it("a tenant database that fails or is missing answers unavailable (503) for the rows of the flush", async () => {
    const replies = await runInDurableObject(batcher(), async (o: IntakeBatcher) => {
      const real = (o as unknown as { env: Env }).env;
      const down = new Proxy(real[bindingA as "TENANT_DB_0"], {
        get: (target, prop) => (prop === "batch" ? () => Promise.reject(new Error("D1_ERROR: D1 DB is overloaded. Requests queued for too long.")) : Reflect.get(target, prop, target)),
      });
      (o as unknown as { env: Env }).env = { ...real, [bindingA]: down };
      try {
        return await Promise.all([row(), row()].map((r, i) => o.submit({ dbBinding: bindingA, ip: `10.24.0.${i}`, row: r })));
      } finally {
        (o as unknown as { env: Env }).env = real;
      }
    });
    expect(replies).toEqual<IntakeReply[]>([{ status: "unavailable" }, { status: "unavailable" }]);
    const missing = await runInDurableObject(batcher(), (o: IntakeBatcher) => o.submit({ dbBinding: "TENANT_DB_9", ip: "10.24.1.1", row: row() }));
    expect(missing).toEqual({ status: "unavailable" });
  });

  it("the per-IP limit holds under concurrency: 61 at once from one address → 60 stored, one 429 with Retry-After", async () => {
    const answers = await Promise.all(Array.from({ length: 61 }, () => submit(submission(), "10.25.0.1")));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(60);
    const limited = answers.filter((r) => r.status === 429);
    expect(limited).toHaveLength(1);
    expect(Number(limited[0]!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited[0]!.json.error.message).toMatch(/^Terlalu banyak pengiriman dari jaringan ini\. Coba lagi dalam \d+ menit\.$/);
    // Another address, and the same address at another unit, are not limited.
    expect((await submit(submission(), "10.25.0.2")).status).toBe(201);
  });

  it("the limit's counters are saved in the object's SQLite a second after they change, and a saved counter is honoured", async () => {
    expect((await submit(submission(), "10.25.1.1")).status).toBe(201);
    await new Promise((r) => setTimeout(r, 1200));
    const saved = await runInDurableObject(batcher(), (_o, state) =>
      state.storage.sql.exec<{ count: number }>("SELECT count FROM submit_counts WHERE key = ?", `10.25.1.1:${unit.id}`).toArray(),
    );
    expect(saved).toEqual([{ count: 1 }]);
    // A new instance (as after an eviction or a deploy) starts from the saved counters.
    const reply = await runInDurableObject(batcher(), (_o, state) => {
      state.storage.sql.exec("INSERT INTO submit_counts (key, window_start, count) VALUES (?, ?, 60)", `10.25.1.2:${unit.id}`, Date.now());
      return new IntakeBatcher(state, env).submit({ dbBinding: bindingA, ip: "10.25.1.2", row: row() });
    });
    expect(reply).toMatchObject({ status: "rate_limited" });
  });

  it("a unit deactivated through the API in this isolate stops accepting at once, and accepts again when reactivated", async () => {
    expect((await submit(submission(), "10.26.0.1")).status).toBe(201);
    const off = await api(`/tenants/${t.codeA}/unit-layanan/${unit.id}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { active: false } });
    expect(off.status).toBe(200);
    expect((await submit(submission(), "10.26.0.1")).status).toBe(404);
    expect((await api(`/public/ikm/units/${unit.slug}`)).status).toBe(404);
    await api(`/tenants/${t.codeA}/unit-layanan/${unit.id}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { active: true } });
    expect((await submit(submission(), "10.26.0.1")).status).toBe(201);
  });

  it("a changed service list applies to the next submission in this isolate", async () => {
    await api(`/tenants/${t.codeA}/unit-layanan/${unit.id}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { services: ["Rekomendasi"] } });
    const refused = await submit(submission(), "10.27.0.1");
    expect(refused.status).toBe(400);
    expect(refused.json.error.issues[0].path).toBe("service");
    expect((await submit(submission({ service: "Rekomendasi" }), "10.27.0.1")).status).toBe(201);
    await api(`/tenants/${t.codeA}/unit-layanan/${unit.id}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { services: ["Legalisir"] } });
  });
});
