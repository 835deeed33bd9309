import { GOLONGAN, PENDIDIKAN, type Golongan, type Pendidikan, type SdmRow, type SdmStatus } from "../schemas/lkjip-tables";

// Totals of LKjIP Tabel 1.1 (seed 002): Jumlah PNS, Jumlah Honor/PTT, Jumlah PNS + Honor/PTT and the
// grand "Jumlah" per column group. Always computed from the rows, never typed: the seed's own
// total row says 60 in golongan IV where its rows add up to 61.

export type SdmCounts = { lakiLaki: number; perempuan: number; golongan: Record<Golongan, number>; pendidikan: Record<Pendidikan, number> };
export type SdmTotals = {
  pns: SdmCounts;
  honor: SdmCounts;
  all: SdmCounts;
  /** The last row: people counted by jenis kelamin, by golongan (PNS only) and by pendidikan. */
  jumlah: { jenisKelamin: number; golongan: number; pendidikan: number };
};
export type SdmWarning = { row: number; path: string; message: string };

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const emptyCounts = (): SdmCounts => ({ lakiLaki: 0, perempuan: 0, golongan: zeros(GOLONGAN), pendidikan: zeros(PENDIDIKAN) });
const sumOf = (r: Record<string, number>) => Object.values(r).reduce((a, v) => a + v, 0);

function add(into: SdmCounts, r: SdmCounts) {
  into.lakiLaki += r.lakiLaki;
  into.perempuan += r.perempuan;
  for (const g of GOLONGAN) into.golongan[g] += r.golongan[g];
  for (const p of PENDIDIKAN) into.pendidikan[p] += r.pendidikan[p];
}

export function sdmTotals(rows: readonly SdmRow[]): SdmTotals {
  const by: Record<SdmStatus, SdmCounts> = { pns: emptyCounts(), honor: emptyCounts() };
  for (const r of rows) add(by[r.status], r);
  const all = emptyCounts();
  add(all, by.pns);
  add(all, by.honor);
  return { ...by, all, jumlah: { jenisKelamin: all.lakiLaki + all.perempuan, golongan: sumOf(all.golongan), pendidikan: sumOf(all.pendidikan) } };
}

/**
 * Rows whose column groups do not count the same people: every row's jenis kelamin and pendidikan,
 * and a PNS row's golongan and jenis kelamin. A warning, not a refusal: the source may be incomplete.
 */
export function sdmWarnings(rows: readonly SdmRow[]): SdmWarning[] {
  return rows.flatMap((r, i): SdmWarning[] => {
    const people = r.lakiLaki + r.perempuan;
    const out: SdmWarning[] = [];
    const pendidikan = sumOf(r.pendidikan);
    if (pendidikan !== people) out.push({ row: i, path: `rows.${i}.pendidikan`, message: `${r.jabatan}: jumlah menurut pendidikan (${pendidikan}) berbeda dengan jumlah menurut jenis kelamin (${people})` });
    const golongan = sumOf(r.golongan);
    if (r.status === "pns" && golongan !== people) out.push({ row: i, path: `rows.${i}.golongan`, message: `${r.jabatan}: jumlah menurut golongan (${golongan}) berbeda dengan jumlah menurut jenis kelamin (${people})` });
    return out;
  });
}
