import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, login, seedUser } from "./helpers";
import { enrolTotp } from "./security-helpers";
import { tenantBindings } from "../worker/db/client";
import { forgetPublicCaches } from "../worker/intake/public-unit";
import { runReminders } from "../worker/reminders";
import { checksums, moveTenant, tenantTablesOf, type MoveDatabase } from "../scripts/move/steps.mjs";

// Scale-out (issue 11): a control plane (DB) and tenant databases (TENANT_DB_0..2), loaded with the demo,
// whose five tenants are spread over the three tenant databases (Mojokerto 35.16 in TENANT_DB_1,
// Jember 35.09 in TENANT_DB_2).

const DEMO_PASSWORD = "akuntabel-demo";
const d1 = (binding: string) => env[binding as "TENANT_DB_0"];
const tenantOf = async (code: string) => (await env.DB.prepare("SELECT id, db_binding AS binding FROM tenants WHERE code = ?").bind(code).first<{ id: string; binding: string }>())!;
const count = async (db: D1Database, sql: string, ...params: unknown[]) => (await db.prepare(sql).bind(...params).first<{ n: number }>())!.n;

/** A MoveDatabase over a miniflare D1 binding, as the move script sees a database through wrangler. */
const asMoveDb = (db: D1Database): MoveDatabase => ({
  all: async (sql, params = []) => (await db.prepare(sql).bind(...params).all<Record<string, unknown>>()).results,
  batch: async (statements) => {
    if (statements.length) await db.batch(statements.map((s) => db.prepare(s.sql).bind(...(s.params ?? []))));
  },
});

let mojokerto: { id: string; binding: string };
let jember: { id: string; binding: string };
let adminMojokerto: string;
let adminJember: string;

beforeAll(async () => {
  for (const [binding, statements] of Object.entries(env.TEST_DEMO)) {
    for (let i = 0; i < statements.length; i += 200) await d1(binding).batch(statements.slice(i, i + 200).map((s) => d1(binding).prepare(s)));
  }
  mojokerto = await tenantOf("35.16");
  jember = await tenantOf("35.09");
  adminMojokerto = await login("admin.mojokerto@demo.akuntabel.id", DEMO_PASSWORD);
  adminJember = await login("admin.jember@demo.akuntabel.id", DEMO_PASSWORD);
});

describe("databases", () => {
  it("applies the control set to DB and the tenant set to every tenant database", async () => {
    const tables = async (db: D1Database) => (await db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all<{ name: string }>()).results.map((r) => r.name);
    expect(tenantBindings(env)).toEqual(["TENANT_DB_0", "TENANT_DB_1", "TENANT_DB_2"]);
    const control = await tables(env.DB);
    expect(control).toEqual(expect.arrayContaining(["tenants", "users", "memberships", "sessions", "published_figures", "ikm_slugs", "tenant_moves", "audit_log"]));
    expect(control).not.toContain("perangkat_daerah");
    expect(await count(env.DB, "SELECT count(*) AS n FROM d1_migrations")).toBe(env.TEST_CONTROL_MIGRATIONS.length);
    for (const binding of tenantBindings(env)) {
      const own = await tables(d1(binding));
      expect(own).toEqual(expect.arrayContaining(["perangkat_daerah", "plans", "ikm_responses", "realisasi", "deadlines", "audit_log"]));
      expect(own).not.toContain("tenants");
      expect(own).not.toContain("users");
      expect(await count(d1(binding), "SELECT count(*) AS n FROM d1_migrations")).toBe(env.TEST_TENANT_MIGRATIONS.length);
    }
  });

  it("spreads the demo tenants over the tenant databases", async () => {
    const rows = (await env.DB.prepare("SELECT db_binding AS b, count(*) AS n FROM tenants GROUP BY db_binding ORDER BY db_binding").all<{ b: string; n: number }>()).results;
    expect(rows.slice(0, 3)).toEqual([{ b: "TENANT_DB_0", n: 2 }, { b: "TENANT_DB_1", n: 2 }, { b: "TENANT_DB_2", n: expect.any(Number) }]);
    expect(mojokerto.binding).toBe("TENANT_DB_1");
    expect(jember.binding).toBe("TENANT_DB_2");
  });
});

describe("tenant data lands only in its database", () => {
  it("a new tenant goes to the emptiest database; its writes reach only that database", async () => {
    await seedUser("op@scale.test", { platform: true });
    const op = await login("op@scale.test");
    await enrolTotp(op);
    const onboard = await api("/platform/tenants", { cookie: op, body: { code: "64.72", name: "Kota Samarinda", kind: "kota", parentCode: "64", adminEmail: "admin@samarinda.test", adminName: "Admin Samarinda" } });
    expect(onboard.status, JSON.stringify(onboard.json)).toBe(201);
    // The demo fills TENANT_DB_0 and _1 with two tenants each, TENANT_DB_2 with one.
    expect((await tenantOf("64.72")).binding).toBe("TENANT_DB_2");
    const listed = (await api("/platform/tenants", { cookie: op })).json.items.find((t: any) => t.code === "35.16");
    expect(listed).toMatchObject({ database: "TENANT_DB_1" });
    expect(listed.perangkatDaerah).toBeGreaterThan(0);

    const r = await api(`/tenants/35.09/perangkat-daerah`, { cookie: adminJember, body: { code: "9.01", name: "Dinas Skala", kind: "dinas" } });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    for (const binding of tenantBindings(env)) {
      expect(await count(d1(binding), "SELECT count(*) AS n FROM perangkat_daerah WHERE id = ?", r.json.id)).toBe(binding === jember.binding ? 1 : 0);
      expect(await count(d1(binding), "SELECT count(*) AS n FROM audit_log WHERE entity_id = ?", r.json.id)).toBe(binding === jember.binding ? 1 : 0);
    }
    // Every tenant row of every tenant database belongs to a tenant the shard map puts there.
    for (const binding of tenantBindings(env)) {
      for (const table of await tenantTablesOf(asMoveDb(d1(binding)))) {
        const stray = await d1(binding)
          .prepare(`SELECT count(*) AS n FROM "${table}" WHERE tenant_id IS NOT NULL AND tenant_id NOT IN (${(await env.DB.prepare("SELECT id FROM tenants WHERE db_binding = ?").bind(binding).all<{ id: string }>()).results.map((t) => `'${t.id}'`).join(",") || "''"})`)
          .first<{ n: number }>();
        expect(stray!.n, `${binding}.${table}`).toBe(0);
      }
    }
  });

  it("a tenant in database 2 cannot reach database 1's data, even with crafted ids", async () => {
    const pdOfMojokerto = (await d1(mojokerto.binding).prepare("SELECT id FROM perangkat_daerah WHERE tenant_id = ? LIMIT 1").bind(mojokerto.id).first<{ id: string }>())!.id;
    expect((await api(`/tenants/35.09/perangkat-daerah/${pdOfMojokerto}`, { cookie: adminJember })).status).toBe(404);
    // A row carrying Jember's own tenant id, planted in Mojokerto's database: Jember never reads that database.
    await d1(mojokerto.binding).prepare("INSERT INTO perangkat_daerah (id, tenant_id, code, name, kind, active, created_at, updated_at) VALUES ('planted-pd', ?, '9.99', 'Ditanam', 'dinas', 1, 0, 0)").bind(jember.id).run();
    expect((await api(`/tenants/35.09/perangkat-daerah/planted-pd`, { cookie: adminJember })).status).toBe(404);
    const list = await api(`/tenants/35.09/perangkat-daerah`, { cookie: adminJember });
    expect(list.json.items.some((p: any) => p.id === "planted-pd" || p.id === pdOfMojokerto)).toBe(false);
    expect((await api(`/tenants/35.16/perangkat-daerah`, { cookie: adminJember })).status).toBe(404);
    await d1(mojokerto.binding).prepare("DELETE FROM perangkat_daerah WHERE id = 'planted-pd'").run();
  });

  it("the public IKM link resolves slug → tenant in the control plane, then reads the tenant database", async () => {
    expect(await count(env.DB, "SELECT count(*) AS n FROM ikm_slugs WHERE slug = 'jember-dispendukcapil' AND tenant_id = ?", jember.id)).toBe(1);
    const r = await api("/public/ikm/units/jember-dispendukcapil");
    expect(r.status).toBe(200);
    expect(r.json.unit.tenantCode).toBe("35.09");
    // A slug is global: another tenant cannot take it, whichever database it is in.
    const pd = (await api(`/tenants/35.16/perangkat-daerah`, { cookie: adminMojokerto })).json.items[0];
    const taken = await api(`/tenants/35.16/unit-layanan`, { cookie: adminMojokerto, body: { pdId: pd.id, name: "Tiruan", slug: "jember-dispendukcapil" } });
    expect(taken.status).toBe(409);
    expect(taken.json.error.issues[0].path).toBe("slug");
  });
});

describe("cron across databases", () => {
  it("reminds the admins of tenants in every tenant database, reading each database's own due dates", async () => {
    // 2026-01-05 (WIB): "Realisasi Triwulan IV 2025" is due on 10 January, inside its 7-day window.
    const { sent } = await runReminders(env, Date.UTC(2026, 0, 5, 1));
    expect(sent).toBeGreaterThan(0);
    const reminded = (await env.DB.prepare("SELECT DISTINCT t.db_binding AS b FROM email_outbox o JOIN tenants t ON t.id = o.tenant_id WHERE o.kind = 'deadline_reminder'").all<{ b: string }>()).results.map((r) => r.b);
    expect(reminded.sort()).toEqual(["TENANT_DB_0", "TENANT_DB_1", "TENANT_DB_2"]);
    for (const code of ["35.16", "35.09"]) {
      const t = await tenantOf(code);
      expect(await count(d1(t.binding), "SELECT count(*) AS n FROM deadlines WHERE tenant_id = ? AND year = 2026", t.id)).toBeGreaterThan(0);
    }
    expect((await runReminders(env, Date.UTC(2026, 0, 5, 1))).sent).toBe(0);
  });
});

describe("a tenant database that is down", () => {
  it("answers 503 for its tenants only; the others keep working", async () => {
    await env.DB.prepare("UPDATE tenants SET db_binding = 'TENANT_DB_9' WHERE id = ?").bind(jember.id).run();
    // Public survey links keep their tenant's binding in isolate memory ≤ 30 s (a move waits that out,
    // docs/scaling.md); this test changed it behind the app's back.
    forgetPublicCaches();
    try {
      const r = await api(`/tenants/35.09/perangkat-daerah`, { cookie: adminJember });
      expect(r.status).toBe(503);
      expect(r.json.error).toEqual({ code: "service_unavailable", message: "Basis data pemda ini sedang tidak tersedia. Silakan coba lagi nanti." });
      expect((await api("/public/ikm/units/jember-dispendukcapil")).status).toBe(503);
      // Sign-in and the tenant switcher (control plane) still work for the affected users.
      const me = await api("/auth/me", { cookie: adminJember });
      expect(me.status).toBe(200);
      expect(me.json.tenants.map((t: any) => t.code)).toEqual(["35.09"]);
      expect((await api(`/tenants/35.16/perangkat-daerah`, { cookie: adminMojokerto })).status).toBe(200);
      expect((await api("/public/ikm/units/mojokerto-protokol")).status).toBe(200);
    } finally {
      await env.DB.prepare("UPDATE tenants SET db_binding = ? WHERE id = ?").bind(jember.binding, jember.id).run();
    }
    expect((await api(`/tenants/35.09/perangkat-daerah`, { cookie: adminJember })).status).toBe(200);
  });
});

describe("read replicas (D1 Sessions API)", () => {
  it("hands the caller a bookmark of the tenant database and honours it on the next request", async () => {
    const pd = (await api(`/tenants/35.16/perangkat-daerah`, { cookie: adminMojokerto })).json.items[0];
    const write = await api(`/tenants/35.16/perangkat-daerah/${pd.id}`, { method: "PATCH", cookie: adminMojokerto, body: { headName: "Kepala Bookmark" } });
    expect(write.status, JSON.stringify(write.json)).toBe(200);
    const bookmark = write.headers.get("x-d1-bookmark");
    expect(bookmark).toMatch(/^TENANT_DB_1~/);
    const read = await api(`/tenants/35.16/perangkat-daerah/${pd.id}`, { cookie: adminMojokerto, headers: { "x-d1-bookmark": bookmark! } });
    expect(read.json.headName).toBe("Kepala Bookmark");
  });
});

describe("moving a tenant", () => {
  const control = asMoveDb(env.DB);
  const databases = (binding: string) => asMoveDb(d1(binding));

  it("round-trips a demo tenant between databases with identical checksums", async () => {
    const tables = await tenantTablesOf(databases("TENANT_DB_1"));
    const before = await checksums(databases("TENANT_DB_1"), tables, mojokerto.id);
    expect(before.ikm_responses!.rows).toBeGreaterThan(100);

    expect(await moveTenant({ control, databases, code: "35.16", toBinding: "TENANT_DB_2", settleMs: 0 })).toMatchObject({ moved: true, from: "TENANT_DB_1", to: "TENANT_DB_2" });
    expect((await tenantOf("35.16")).binding).toBe("TENANT_DB_2");
    expect(await checksums(databases("TENANT_DB_2"), tables, mojokerto.id)).toEqual(before);
    expect(Object.values(await checksums(databases("TENANT_DB_1"), tables, mojokerto.id)).every((s) => s.rows === 0)).toBe(true);
    // The tenant keeps working from its new database; Jambi (also TENANT_DB_1) is untouched.
    expect((await api(`/tenants/35.16/perangkat-daerah`, { cookie: adminMojokerto })).json.items.length).toBeGreaterThan(0);
    expect(await count(d1("TENANT_DB_1"), "SELECT count(*) AS n FROM perangkat_daerah WHERE tenant_id = 'demo-tenant-15'")).toBeGreaterThan(0);

    await moveTenant({ control, databases, code: "35.16", toBinding: "TENANT_DB_1", settleMs: 0 });
    expect(await checksums(databases("TENANT_DB_1"), tables, mojokerto.id)).toEqual(before);
    expect(await moveTenant({ control, databases, code: "35.16", toBinding: "TENANT_DB_1", settleMs: 0 })).toMatchObject({ moved: false });
  });

  it("finishes a move that failed part-way when run again; meanwhile the tenant answers 503", async () => {
    let batches = 0;
    const flaky = (binding: string) => {
      const db = databases(binding);
      if (binding !== "TENANT_DB_0") return db;
      // The first write to the target dies half-way (as a wrangler file import can): half the rows land.
      return {
        ...db,
        batch: async (s: Parameters<MoveDatabase["batch"]>[0]) => {
          if (++batches > 1) return db.batch(s);
          await db.batch(s.slice(0, Math.floor(s.length / 2)));
          throw new Error("jaringan putus");
        },
      };
    };
    await expect(moveTenant({ control, databases: flaky, code: "35.16", toBinding: "TENANT_DB_0", settleMs: 0 })).rejects.toThrow("jaringan putus");
    expect((await env.DB.prepare("SELECT step FROM tenant_moves WHERE tenant_id = ?").bind(mojokerto.id).first<{ step: string }>())!.step).toBe("copying");
    expect((await api(`/tenants/35.16/perangkat-daerah`, { cookie: adminMojokerto })).status).toBe(503);
    expect(await count(d1("TENANT_DB_0"), "SELECT count(*) AS n FROM perangkat_daerah WHERE tenant_id = ?", mojokerto.id)).toBeGreaterThan(0);

    const tables = await tenantTablesOf(databases("TENANT_DB_1"));
    const before = await checksums(databases("TENANT_DB_1"), tables, mojokerto.id);
    expect(await moveTenant({ control, databases, code: "35.16", toBinding: "TENANT_DB_0", settleMs: 0 })).toMatchObject({ moved: true, to: "TENANT_DB_0" });
    expect(await checksums(databases("TENANT_DB_0"), tables, mojokerto.id)).toEqual(before);
    expect((await api(`/tenants/35.16/perangkat-daerah`, { cookie: adminMojokerto })).status).toBe(200);
    const audit = await count(env.DB, "SELECT count(*) AS n FROM audit_log WHERE tenant_id = ? AND entity = 'tenant_database'", mojokerto.id);
    expect(audit).toBe(3);
  });
});
