import type { Context } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../env";
import { clearSessionCaches, readThrough, sessionMemo } from "./session-cache";

const request = (method: string, READ_CACHE?: string) => ({ env: { READ_CACHE }, req: { method } }) as unknown as Context<AppEnv>;

describe("readThrough", () => {
  it("serves GETs from memory, never other methods, and nothing when READ_CACHE is off", async () => {
    const memo = sessionMemo<{ n: number }>();
    let loads = 0;
    const load = async () => ({ n: ++loads });
    expect(await readThrough(request("GET"), memo, "k", load)).toEqual({ n: 1 });
    expect(await readThrough(request("HEAD"), memo, "k", load)).toEqual({ n: 1 });
    expect(await readThrough(request("POST"), memo, "k", load)).toEqual({ n: 2 });
    expect(await readThrough(request("GET", "off"), memo, "k", load)).toEqual({ n: 3 });
    clearSessionCaches();
    expect(await readThrough(request("GET"), memo, "k", load)).toEqual({ n: 4 });
  });

  it("keeps no null, and no value read before a clear that happened meanwhile", async () => {
    const memo = sessionMemo<{ user: string }>();
    expect(await readThrough(request("GET"), memo, "gone", async () => null)).toBeNull();
    expect(memo.get("gone")).toBeUndefined();
    // A sign-out lands while this read is waiting for D1: what it read must not come back.
    await readThrough(request("GET"), memo, "s", async () => {
      clearSessionCaches();
      return { user: "u" };
    });
    expect(memo.get("s")).toBeUndefined();
  });
});
