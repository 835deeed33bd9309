import { describe, expect, it } from "vitest";
import { daysBetween, wibDay } from "./wib";

describe("WIB calendar days", () => {
  it("turns to the next day at 17:00 UTC (midnight WIB)", () => {
    expect(wibDay(Date.parse("2026-01-01T16:59:59Z"))).toBe("2026-01-01");
    expect(wibDay(Date.parse("2026-01-01T17:00:00Z"))).toBe("2026-01-02");
  });
  it("counts whole days between two dates, negative backwards", () => {
    expect(daysBetween("2026-02-27", "2026-03-02")).toBe(3);
    expect(daysBetween("2026-03-02", "2026-02-27")).toBe(-3);
  });
});
