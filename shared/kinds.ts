// Enumerations with their Indonesian labels, free of zod so the browser bundle stays small.

export const TENANT_KINDS = ["provinsi", "kabupaten", "kota"] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];
export const TENANT_KIND_LABELS: Record<TenantKind, string> = {
  provinsi: "Provinsi",
  kabupaten: "Kabupaten",
  kota: "Kota",
};

export const PD_KINDS = [
  "dinas",
  "badan",
  "sekretariat_daerah",
  "biro",
  "bagian",
  "inspektorat",
  "sekretariat_dprd",
  "kecamatan",
  "rsud",
  "upt",
  "satuan",
  "kantor",
  "lainnya",
] as const;
export type PdKind = (typeof PD_KINDS)[number];
export const PD_KIND_LABELS: Record<PdKind, string> = {
  dinas: "Dinas",
  badan: "Badan",
  sekretariat_daerah: "Sekretariat Daerah",
  biro: "Biro",
  bagian: "Bagian",
  inspektorat: "Inspektorat",
  sekretariat_dprd: "Sekretariat DPRD",
  kecamatan: "Kecamatan",
  rsud: "RSUD",
  upt: "UPT",
  satuan: "Satuan",
  kantor: "Kantor",
  lainnya: "Lainnya",
};
