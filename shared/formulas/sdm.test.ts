import { describe, expect, test } from "vitest";
import seed from "../../scripts/demo/files/lkjip-bab1-setda-kaltim-2021.json";
import { sdmSaveSchema, type SdmRow } from "../schemas/lkjip-tables";
import { sdmTotals, sdmWarnings } from "./sdm";

// Seed 002 Tabel 1.1 (Setda Kaltim, 31 Desember 2021). Its printed totals say 60 in golongan IV and
// 78/239 in the narrative; the rows add up to 61, and the table's 621/349/621 hold.
const rows = sdmSaveSchema.parse({ ...seed.sdm, version: 0 }).rows;

describe("sdmTotals: seed 002 Tabel 1.1", () => {
  const t = sdmTotals(rows);

  test("Jumlah PNS", () => {
    expect(t.pns).toEqual({ lakiLaki: 242, perempuan: 107, golongan: { iv: 61, iii: 196, ii: 83, i: 9 }, pendidikan: { pascasarjana: 72, sarjana: 137, diploma: 17, slta: 108, sltp: 8, sd: 7 } });
  });

  test("Jumlah Honor/PTT has no golongan", () => {
    expect(t.honor).toEqual({ lakiLaki: 182, perempuan: 90, golongan: { iv: 0, iii: 0, ii: 0, i: 0 }, pendidikan: { pascasarjana: 7, sarjana: 103, diploma: 10, slta: 143, sltp: 6, sd: 3 } });
  });

  test("Jumlah PNS + Honor/PTT: golongan IV is 61 from the rows (the seed prints 60)", () => {
    expect(t.all.lakiLaki).toBe(424);
    expect(t.all.perempuan).toBe(197);
    expect(t.all.golongan.iv).toBe(61);
    expect(t.all.pendidikan).toEqual({ pascasarjana: 79, sarjana: 240, diploma: 27, slta: 251, sltp: 14, sd: 10 });
  });

  test("Jumlah: 621 by jenis kelamin, 349 PNS by golongan, 621 by pendidikan", () => {
    expect(t.jumlah).toEqual({ jenisKelamin: 621, golongan: 349, pendidikan: 621 });
  });

  test("the seed's rows are each consistent: no warnings", () => {
    expect(sdmWarnings(rows)).toEqual([]);
  });

  test("an empty table totals to zero", () => {
    expect(sdmTotals([]).jumlah).toEqual({ jenisKelamin: 0, golongan: 0, pendidikan: 0 });
  });
});

describe("sdmWarnings", () => {
  const base = rows[4]!; // Kepala Biro: 6 + 3, golongan IV 9, pendidikan 8 + 1
  const edit = (r: Partial<SdmRow>): SdmRow[] => [rows[0]!, { ...base, ...r }];

  test("pendidikan that counts other people than jenis kelamin", () => {
    expect(sdmWarnings(edit({ pendidikan: { ...base.pendidikan, sarjana: 2 } }))).toEqual([
      { row: 1, path: "rows.1.pendidikan", message: "Kepala Biro: jumlah menurut pendidikan (10) berbeda dengan jumlah menurut jenis kelamin (9)" },
    ]);
  });

  test("a PNS row's golongan against jenis kelamin; both groups can be off", () => {
    const w = sdmWarnings(edit({ lakiLaki: 7 }));
    expect(w.map((x) => x.path)).toEqual(["rows.1.pendidikan", "rows.1.golongan"]);
  });

  test("an Honor/PTT row is not checked by golongan", () => {
    expect(sdmWarnings(edit({ status: "honor", golongan: { iv: 0, iii: 0, ii: 0, i: 0 } }))).toEqual([]);
  });
});

describe("sdmSaveSchema", () => {
  test("refuses golongan on an Honor/PTT row, with the field path", () => {
    const r = sdmSaveSchema.safeParse({ rows: [{ ...rows[9]!, golongan: { iv: 0, iii: 1, ii: 0, i: 0 } }], sumber: "", version: 0 });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["rows.0.golongan"]);
  });
});
