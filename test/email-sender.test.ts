import { env } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/d1";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { beforeEach, describe, expect, it, vi } from "vitest";
import worker from "../worker/index";
import { ORIGIN, seedUser } from "./helpers";
import * as schema from "../worker/db/schema";
import { deliverOutbox, deliverPending, emailTransport, MAX_ATTEMPTS, outboxSender } from "../worker/notify/email";
import { outboxItems } from "../worker/routes/account";

// The production e-mail path (issue 12): an HTTP e-mail API drains the outbox. fetch is injected: no network.
const db = drizzle(env.DB);
const configured = { ...env, EMAIL_API_URL: "https://mail.example.test/v1/send", EMAIL_API_KEY: "kunci-rahasia", EMAIL_FROM: "Akuntabel <no-reply@pemda.test>" } as Env;

type Call = { url: string; init: RequestInit };
function fakeFetch(status: (call: Call, n: number) => number) {
  const calls: Call[] = [];
  const fetcher = (async (url: string, init: RequestInit) => {
    const call = { url: String(url), init };
    calls.push(call);
    return new Response(status(call, calls.length) < 300 ? "{}" : "ditolak", { status: status(call, calls.length) });
  }) as unknown as typeof fetch;
  return { fetcher, calls };
}
const queue = (to: string, createdAt: number) =>
  db.batch([outboxSender.send(db, { tenantId: null, to, subject: `Untuk ${to}`, body: "Isi pesan", kind: "test" })]).then(() =>
    env.DB.prepare("UPDATE email_outbox SET created_at = ? WHERE to_email = ?").bind(createdAt, to).run(),
  );
const rows = async () => (await env.DB.prepare("SELECT to_email, sent_at, attempts, last_error FROM email_outbox ORDER BY created_at").all<any>()).results;

beforeEach(async () => {
  await env.DB.prepare("DELETE FROM email_outbox").run();
});

describe("HTTP e-mail sender", () => {
  it("is selected only when EMAIL_API_URL and EMAIL_API_KEY are set; otherwise the outbox keeps the mail", async () => {
    expect(emailTransport(env)).toBeNull();
    expect(emailTransport({ ...env, EMAIL_API_URL: "https://x.test" } as Env)).toBeNull();
    expect(emailTransport(configured)?.name).toBe("http");
    await queue("a@pemda.test", 1);
    expect(await deliverOutbox(env)).toEqual({ sent: 0, failed: 0 });
    expect(await rows()).toEqual([{ to_email: "a@pemda.test", sent_at: null, attempts: 0, last_error: null }]);
  });

  it("POSTs JSON with the bearer key and marks the row sent; a refused message is kept with its error and retried", async () => {
    await queue("a@pemda.test", 1);
    await queue("b@pemda.test", 2);
    const first = fakeFetch((call) => (String(call.init.body).includes("b@pemda.test") ? 503 : 202));
    expect(await deliverOutbox(configured, first.fetcher)).toEqual({ sent: 1, failed: 1 });
    expect(first.calls[0]!.url).toBe("https://mail.example.test/v1/send");
    expect(first.calls[0]!.init.method).toBe("POST");
    expect((first.calls[0]!.init.headers as Record<string, string>).authorization).toBe("Bearer kunci-rahasia");
    expect(JSON.parse(String(first.calls[0]!.init.body))).toEqual({ from: "Akuntabel <no-reply@pemda.test>", to: "a@pemda.test", subject: "Untuk a@pemda.test", text: "Isi pesan", tags: ["test"] });
    const [a, b] = await rows();
    expect(a).toMatchObject({ attempts: 1, last_error: null });
    expect(a.sent_at).toBeGreaterThan(0);
    expect(b).toMatchObject({ sent_at: null, attempts: 1, last_error: "HTTP 503: ditolak" });
    // The admin UI's outbox shows the delivery state.
    const shown = outboxItems(await db.select().from(schema.emailOutbox).orderBy(schema.emailOutbox.createdAt).all());
    expect(shown.map((m) => [m.to, m.sentAt !== null, m.attempts, m.lastError])).toEqual([
      ["a@pemda.test", true, 1, null],
      ["b@pemda.test", false, 1, "HTTP 503: ditolak"],
    ]);

    const retry = fakeFetch(() => 200);
    expect(await deliverOutbox(configured, retry.fetcher)).toEqual({ sent: 1, failed: 0 });
    expect(retry.calls.map((c) => JSON.parse(String(c.init.body)).to)).toEqual(["b@pemda.test"]);
    expect(await deliverOutbox(configured, retry.fetcher)).toEqual({ sent: 0, failed: 0 });
  });

  it("gives up after MAX_ATTEMPTS failures; a network error counts as one", async () => {
    await queue("c@pemda.test", 1);
    const down = (async () => {
      throw new TypeError("fetch failed");
    }) as unknown as typeof fetch;
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) await deliverOutbox(configured, down);
    expect(await rows()).toEqual([{ to_email: "c@pemda.test", sent_at: null, attempts: MAX_ATTEMPTS, last_error: "fetch failed" }]);
  });

  it("two runs at once send each message once", async () => {
    for (let i = 0; i < 5; i++) await queue(`p${i}@pemda.test`, i + 1);
    const { fetcher, calls } = fakeFetch(() => 200);
    const transport = emailTransport(configured, fetcher)!;
    const [x, y] = await Promise.all([deliverPending(db, transport), deliverPending(db, transport)]);
    expect(x.sent + y.sent).toBe(5);
    expect(calls.map((c) => JSON.parse(String(c.init.body)).to).sort()).toEqual(["p0@pemda.test", "p1@pemda.test", "p2@pemda.test", "p3@pemda.test", "p4@pemda.test"]);
  });

  it("delivers in the background after a write without a session (a password-reset link), not after a citizen's survey response", async () => {
    const sent = vi.spyOn(globalThis, "fetch").mockImplementation(async () => new Response("{}"));
    const post = async (path: string, body: unknown) => {
      const ctx = createExecutionContext();
      const req = new Request(`${ORIGIN}/api/v1${path}`, { method: "POST", headers: { "content-type": "application/json", origin: ORIGIN }, body: JSON.stringify(body) });
      const res = await worker.fetch!(req as Request<unknown, IncomingRequestCfProperties>, configured, ctx);
      await waitOnExecutionContext(ctx);
      return res.status;
    };
    try {
      await queue("menunggu@pemda.test", 1);
      expect(await post("/public/ikm/units/tidak-ada/responses", {})).toBe(400);
      expect(sent).not.toHaveBeenCalled();
      await seedUser("lupa@pemda.test");
      expect(await post("/auth/password-reset", { email: "lupa@pemda.test" })).toBe(200);
      expect(sent.mock.calls.map(([url]) => String(url))).toEqual([configured.EMAIL_API_URL, configured.EMAIL_API_URL]);
      expect((await rows()).map((r: any) => [r.to_email, r.sent_at !== null])).toEqual([["menunggu@pemda.test", true], ["lupa@pemda.test", true]]);
    } finally {
      sent.mockRestore();
    }
  });
});
