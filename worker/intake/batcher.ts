import { DurableObject } from "cloudflare:workers";
import { tenantD1 } from "../db/client";
import { AppError, D1_UNAVAILABLE, d1Unavailable } from "../errors";
import { waitAfterHit, type Limit } from "../auth/rate-limit";
import type { IntakeOutcome, NewResponse } from "../data/ikm";
import { intakeBatch } from "./statements";
import type { TenantContext } from "../env";

/**
 * Group commit for citizen survey submissions, one instance per tenant (`idFromName(tenantId)`).
 *
 * The Worker validates a submission and hands over the prepared row; the batcher counts it against
 * its IP × unit limit, queues it, and — when no flush is in flight — starts one: ONE tenant D1 batch
 * storing every queued row (`intakeBatch`, worker/intake/statements.ts). Each caller then gets its own
 * row's outcome; rows that arrive meanwhile go in the next flush.
 * Nothing is answered before D1 has stored it, so an evicted batcher loses no accepted response:
 * its unanswered callers retry with their idempotency key. Under load one D1 round trip carries
 * many submissions instead of each paying its own (local D1 saturates at ~150 writes/s).
 */

/** Per IP and unit: generous, since a service counter's tablet or office Wi-Fi shares one address. */
export const SUBMIT_LIMIT = { max: 60, windowMs: 10 * 60 * 1000 } satisfies Omit<Limit, "key">;

/** Rows per D1 batch: bounds one flush's JSON parameter (≈ 0.5 kB a row) and the time its callers wait. */
export const MAX_FLUSH_ROWS = 100;

export type IntakeRequest = { dbBinding: string; ip: string; row: NewResponse };
export type IntakeReply =
  | IntakeOutcome
  | { status: "rate_limited"; wait: number }
  /** The tenant database is down or unreachable: the caller answers 503 and the citizen retries. */
  | { status: "unavailable" }
  /** This row alone failed in D1 (its flush was retried row by row); a server error. */
  | { status: "failed"; message: string };

type Pending = IntakeRequest & { resolve: (reply: IntakeReply) => void };
type Counter = { windowStart: number; count: number };

/**
 * Under load, how long a flush waits for more rows. A flush costs the same CPU whether it carries 1 row or
 * 100, and that CPU is shared with the submissions arriving: on the bench machine flushes that started at
 * once carried ~6 rows at 50 connections, lingering 5 ms made them fuller and intake faster (bench/RESULTS.md).
 */
const LINGER_MS = 5;

/**
 * How long after a counter changes it is saved to SQLite. An object that is reset sooner (a deploy; an
 * eviction only follows idling) forgets that last second of counts — a sender gains at most that.
 */
const SAVE_AFTER_MS = 1000;

/** How often counters whose window has ended are deleted. */
const SWEEP_EVERY_MS = 60_000;

export class IntakeBatcher extends DurableObject<Env> {
  private queue: Pending[] = [];
  private flushing = false;
  private lastSweep = 0;
  /** The IP × unit counters of live windows: loaded from SQLite when the object starts, written back at most once a second (`saveCounters`). */
  private counters = new Map<string, Counter>();
  private unsaved = new Set<string>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Flushes and rows written since this instance started (tests read them; one flush = one D1 batch). */
  readonly stats = { flushes: 0, rows: 0, retriedFlushes: 0 };

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // The limit's counters are kept in this object's own SQLite: counted without a D1 round trip, and
    // kept across evictions and deploys (memory alone would reset whenever the object idles out).
    ctx.storage.sql.exec(`CREATE TABLE IF NOT EXISTS submit_counts (key TEXT PRIMARY KEY, window_start INTEGER NOT NULL, count INTEGER NOT NULL) WITHOUT ROWID`);
    ctx.storage.sql.exec(`CREATE INDEX IF NOT EXISTS submit_counts_window ON submit_counts (window_start)`);
    // All of them at once (a few thousand rows at most in practice), so counting a new key never reads SQLite.
    const live = ctx.storage.sql.exec<Counter & { key: string }>(`SELECT key, window_start AS windowStart, count FROM submit_counts WHERE window_start > ?`, Date.now() - SUBMIT_LIMIT.windowMs);
    for (const { key, windowStart, count } of live) this.counters.set(key, { windowStart, count });
  }

  /** Counts the submission against its IP × unit limit, then stores it with the next flush and answers its outcome. */
  async submit(request: IntakeRequest): Promise<IntakeReply> {
    const wait = this.count(`${request.ip}:${request.row.unitId}`, Date.now());
    if (wait > 0) return { status: "rate_limited", wait };
    return new Promise<IntakeReply>((resolve) => {
      this.queue.push({ ...request, resolve });
      if (!this.flushing) {
        this.flushing = true;
        // Started after the current turn, so submissions delivered in the same turn share the first flush.
        queueMicrotask(() => void this.drain());
      }
    });
  }

  /** Fixed window per key, counted before storing (replays count too); the seconds to wait once over the limit, else 0. */
  private count(key: string, now: number): number {
    if (now - this.lastSweep >= SWEEP_EVERY_MS) this.sweep(now);
    let counter = this.counters.get(key);
    if (!counter || now - counter.windowStart >= SUBMIT_LIMIT.windowMs) counter = { windowStart: now, count: 0 };
    counter.count++;
    this.counters.set(key, counter);
    this.unsaved.add(key);
    this.saveTimer ??= setTimeout(() => this.saveCounters(), SAVE_AFTER_MS);
    return waitAfterHit(SUBMIT_LIMIT, counter, now);
  }

  /**
   * Writes the counters changed since the last save in ONE statement (the changed counters as one JSON
   * parameter), a second after the first change: a statement — let alone a commit — per submission
   * cost more than the rest of the object's work for it.
   */
  private saveCounters() {
    this.saveTimer = undefined;
    const changed = [...this.unsaved].flatMap((key) => {
      const c = this.counters.get(key);
      return c ? [[key, c.windowStart, c.count]] : [];
    });
    this.ctx.storage.sql.exec(
      `INSERT INTO submit_counts (key, window_start, count) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) WHERE true
       ON CONFLICT (key) DO UPDATE SET window_start = excluded.window_start, count = excluded.count`,
      JSON.stringify(changed),
    );
    this.unsaved.clear();
  }

  /** Drops the counters whose window has ended, in memory and in SQLite. */
  private sweep(now: number) {
    const { windowMs } = SUBMIT_LIMIT;
    for (const [key, c] of this.counters) if (now - c.windowStart >= windowMs) this.counters.delete(key);
    this.ctx.storage.sql.exec(`DELETE FROM submit_counts WHERE window_start <= ?`, now - windowMs);
    this.lastSweep = now;
  }

  private async drain() {
    try {
      // The first flush starts at once (an idle tenant's citizen waits for nothing); rows that arrived during
      // a flush mean load, and then the next flush waits a little for more rows.
      for (let underLoad = false; this.queue.length; underLoad = true) {
        if (underLoad && this.queue.length < MAX_FLUSH_ROWS) await new Promise((r) => setTimeout(r, LINGER_MS));
        const rows = this.queue.splice(0, MAX_FLUSH_ROWS);
        // A tenant has one database; rows carry the binding the Worker resolved (it changes only when the tenant moves).
        for (const binding of new Set(rows.map((r) => r.dbBinding))) await this.flush(binding, rows.filter((r) => r.dbBinding === binding));
      }
    } finally {
      this.flushing = false;
    }
  }

  /** One D1 batch for `rows`; if it throws (it is atomic, nothing landed), each row is tried alone so one bad row cannot fail the others. */
  private async flush(binding: string, rows: Pending[]) {
    let d1: D1Database;
    try {
      d1 = tenantD1(this.env, binding);
    } catch {
      for (const r of rows) r.resolve({ status: "unavailable" });
      return;
    }
    this.stats.flushes++;
    try {
      const batch = intakeBatch(d1, rows[0]!.row.tenantId, rows.map((r) => r.row));
      const outcomes = batch.outcomes(await d1.batch(batch.statements));
      rows.forEach((r, i) => r.resolve(outcomes[i]!));
      this.stats.rows += rows.length;
    } catch (e) {
      // An outage fails every row alike: no point in trying them one by one.
      if (rows.length > 1 && !isOutage(e)) {
        this.stats.retriedFlushes++;
        for (const r of rows) await this.flush(binding, [r]);
        return;
      }
      for (const r of rows) r.resolve(failure(e));
    }
  }
}

const isOutage = (e: unknown) => D1_UNAVAILABLE.test(String(e)) || (e instanceof AppError && e.code === "service_unavailable");

function failure(e: unknown): IntakeReply {
  if (isOutage(e)) return { status: "unavailable" };
  console.error("IntakeBatcher: a submission failed in D1", e);
  return { status: "failed", message: String(e) };
}

/** Object ids by tenant: `idFromName` hashes the name on every call, and an id (unlike a stub) may outlive its request. */
const batcherIds = new WeakMap<DurableObjectNamespace, Map<string, DurableObjectId>>();

function batcherId(namespace: DurableObjectNamespace, tenantId: string): DurableObjectId {
  let ids = batcherIds.get(namespace);
  if (!ids) batcherIds.set(namespace, (ids = new Map()));
  let id = ids.get(tenantId);
  if (!id) ids.set(tenantId, (id = namespace.idFromName(tenantId)));
  return id;
}

/**
 * Hands a validated row to its tenant's batcher and answers its outcome once D1 has stored it. The
 * limit, an outage (of D1 or of the batcher itself) and a failed row become the app's error shape.
 */
export async function submitIntake(env: Env, tenant: TenantContext, ip: string, row: NewResponse): Promise<IntakeOutcome> {
  let reply: IntakeReply;
  try {
    reply = await env.INTAKE.get(batcherId(env.INTAKE, tenant.id)).submit({ dbBinding: tenant.dbBinding, ip, row });
  } catch (e) {
    // A batcher reset (deploy, eviction mid-flush) or overloaded: the citizen's retry with the same key is safe.
    const flags = e as { retryable?: boolean; overloaded?: boolean };
    if (flags.retryable || flags.overloaded) throw d1Unavailable();
    throw e;
  }
  switch (reply.status) {
    case "rate_limited":
      throw new AppError("rate_limited", `Terlalu banyak pengiriman dari jaringan ini. Coba lagi dalam ${Math.ceil(reply.wait / 60)} menit.`, undefined, { "Retry-After": String(reply.wait) });
    case "unavailable":
      throw d1Unavailable();
    case "failed":
      throw new Error(reply.message);
    default:
      return reply;
  }
}
