import { describe, expect, it } from "vitest";
import { Memo } from "./memo";

describe("Memo", () => {
  it("expires entries after their time to live", () => {
    const m = new Memo<number>(1000);
    m.set("a", 1, 0);
    expect(m.get("a", 999)).toBe(1);
    expect(m.get("a", 1000)).toBeUndefined();
  });

  it("drops the oldest entry at the size limit and clears by prefix", () => {
    const m = new Memo<number>(1000, 2);
    m.set("t1|x", 1, 0);
    m.set("t1|y", 2, 0);
    m.set("t2|x", 3, 0);
    expect(m.get("t1|x", 1)).toBeUndefined();
    m.deletePrefix("t1|");
    expect(m.get("t1|y", 1)).toBeUndefined();
    expect(m.get("t2|x", 1)).toBe(3);
  });

  it("keeps nothing with a zero time to live", () => {
    const m = new Memo<number>(0);
    m.set("a", 1, 0);
    expect(m.get("a", 0)).toBeUndefined();
  });

  it("loads a miss once and keeps it, but not a null nor a value read across a delete", async () => {
    const m = new Memo<{ n: number }>(1000);
    let loads = 0;
    const load = async () => ({ n: ++loads });
    expect(await m.getOrLoad("a", load)).toEqual({ n: 1 });
    expect(await m.getOrLoad("a", load)).toEqual({ n: 1 });
    expect(await m.getOrLoad("none", async () => null)).toBeNull();
    expect(m.get("none")).toBeUndefined();
    await m.getOrLoad("b", async () => {
      m.delete("a"); // an edit lands while "b" is being read
      return { n: 0 };
    });
    expect(m.get("b")).toBeUndefined();
  });
});
