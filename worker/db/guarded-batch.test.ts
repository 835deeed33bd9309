import { env } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/d1";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as schema from "./schema";
import { batchIfChanged } from "./guarded-batch";

const db = drizzle(env.DB);
const auditRows = async () => (await db.select().from(schema.auditLog).where(eq(schema.auditLog.entity, "guard-test")).all()).length;
const auditRow = () => db.insert(schema.auditLog).values({ action: "update", entity: "guard-test", createdAt: Date.now() });

describe("batchIfChanged", () => {
  it("writes the rest only when the guarded statement changed a row", async () => {
    await db.insert(schema.rateLimits).values({ key: "k", windowStart: 0, count: 1 });
    const bump = (from: number) => db.update(schema.rateLimits).set({ count: from + 1 }).where(and(eq(schema.rateLimits.key, "k"), eq(schema.rateLimits.count, from)));

    expect(await batchIfChanged(db, bump(1), [auditRow()])).toBe(true);
    expect(await batchIfChanged(db, bump(1), [auditRow()])).toBe(false); // stale: count is 2 now
    expect(await auditRows()).toBe(1);
  });

  it("two racing writes from the same version: one wins, one audit row", async () => {
    await db.insert(schema.rateLimits).values({ key: "race", windowStart: 0, count: 0 });
    const bump = () => db.update(schema.rateLimits).set({ count: 1 }).where(and(eq(schema.rateLimits.key, "race"), eq(schema.rateLimits.count, 0)));
    const before = await auditRows();
    const results = await Promise.all([batchIfChanged(db, bump(), [auditRow()]), batchIfChanged(db, bump(), [auditRow()])]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await auditRows()) - before).toBe(1);
  });
});
