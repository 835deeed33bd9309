import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "./csv";
import { integerCell } from "./cells";
import { nipProblem } from "../organisation";
import { findCycle, structureWarnings } from "../formulas/struktur";

describe("CSV", () => {
  it("reads quotes, CRLF, a BOM and the delimiter Indonesian Excel uses", () => {
    expect(parseCsv('\uFEFFa;b;c\r\n"1,5";"say ""hi""";\r\n')).toEqual([["a", "b", "c"], ["1,5", 'say "hi"', ""]]);
    expect(parseCsv('a,b\n"x\ny",2')).toEqual([["a", "b"], ["x\ny", "2"]]);
    expect(parseCsv("a\tb\n1\t2\n")).toEqual([["a", "b"], ["1", "2"]]);
  });
  it("writes what it reads back", () => {
    const rows = [["Kode", "Nama"], ["1.01", 'Dinas "A", B; C']];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});

describe("cells", () => {
  it("reads whole numbers through parseIdNumber", () => {
    expect(integerCell("Tahun").parse("2.021")).toBe(2021);
    for (const bad of ["20,5", "5-10", "Rp 2021", "WTP"]) expect(integerCell("Tahun").safeParse(bad).success, bad).toBe(false);
  });
});

describe("NIP", () => {
  it("accepts the seed documents' NIPs and names what is wrong with others", () => {
    expect(nipProblem("196410281990031009")).toBeNull();
    expect(nipProblem("197101241997031007")).toBeNull();
    expect(nipProblem("19641028199003100")).toMatch(/18 angka/);
    expect(nipProblem("196402301990031009")).toMatch(/tanggal lahir/);
    expect(nipProblem("196410281960031009")).toMatch(/TMT CPNS/);
    expect(nipProblem("196410281990033009")).toMatch(/jenis kelamin/);
  });
});

describe("structure rules", () => {
  const u = (id: string, parentId: string | null, kind: string, active = true) => ({ id, parentId, kind, name: id, active });
  it("warns above Permendagri 56/2019 limits, counting active units only", () => {
    const units = [u("biro", null, "biro"), ...["a", "b", "c", "d"].map((x) => u(x, "biro", "bagian")), u("bag", null, "bagian"), ...[1, 2, 3].map((n) => u(`s${n}`, "bag", "subbagian"))];
    expect(structureWarnings(units)).toEqual([{ unitId: "biro", message: "biro membawahkan 4 Bagian (Permendagri 56/2019: paling banyak 3)" }]);
    expect(structureWarnings(units.map((x) => (x.id === "d" ? { ...x, active: false } : x)))).toEqual([]);
  });
  it("finds loops in parent chains", () => {
    const parents: Record<string, string | null> = { a: "b", b: "c", c: "a", d: null };
    expect(findCycle((id) => parents[id], "a")).toEqual(["a", "b", "c"]);
    expect(findCycle((id) => parents[id], "d")).toBeNull();
  });
});
