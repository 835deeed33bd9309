// Organisation enumerations with Indonesian labels and the NIP check, free of zod for the browser bundle.

export const UNIT_KINDS = [
  "sekretariat_daerah",
  "asisten",
  "biro",
  "bagian",
  "subbagian",
  "sekretariat",
  "bidang",
  "seksi",
  "upt",
  "kelompok_fungsional",
  "lainnya",
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  sekretariat_daerah: "Sekretariat Daerah",
  asisten: "Asisten",
  biro: "Biro",
  bagian: "Bagian",
  subbagian: "Subbagian",
  sekretariat: "Sekretariat",
  bidang: "Bidang",
  seksi: "Seksi",
  upt: "UPT",
  kelompok_fungsional: "Kelompok Jabatan Fungsional",
  lainnya: "Lainnya",
};

export const ESELON = ["II", "III", "IV", "pelaksana", "fungsional"] as const;
export type Eselon = (typeof ESELON)[number];
export const ESELON_LABELS: Record<Eselon, string> = {
  II: "Eselon II",
  III: "Eselon III",
  IV: "Eselon IV",
  pelaksana: "Pelaksana",
  fungsional: "Fungsional",
};

/**
 * NIP (PNS): 18 digits = birth date YYYYMMDD, CPNS appointment YYYYMM, sex (1/2), serial.
 * People write it with spaces ("19641028 199003 1 009"); those are dropped.
 */
export function nipProblem(nip: string): string | null {
  if (!/^\d{18}$/.test(nip)) return "NIP harus 18 angka";
  const y = Number(nip.slice(0, 4));
  const m = Number(nip.slice(4, 6));
  const d = Number(nip.slice(6, 8));
  const born = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || born.getUTCMonth() !== m - 1 || born.getUTCDate() !== d) return "8 angka pertama NIP bukan tanggal lahir yang valid";
  const ay = Number(nip.slice(8, 12));
  const am = Number(nip.slice(12, 14));
  if (ay < y || am < 1 || am > 12) return "Angka ke-9 s.d. 14 NIP bukan TMT CPNS yang valid";
  if (nip[14] !== "1" && nip[14] !== "2") return "Angka ke-15 NIP (jenis kelamin) harus 1 atau 2";
  return null;
}
