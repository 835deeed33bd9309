/** Indonesian words for the audit log's action and entity codes (worker/audit.ts callers). */
export const ACTION_LABELS: Record<string, string> = {
  login: "Masuk",
  create: "Membuat",
  update: "Mengubah",
  invite: "Mengundang",
  accept: "Menerima undangan",
  revoke: "Membatalkan/mencabut",
  grant: "Memberi peran",
  deactivate: "Menonaktifkan",
  activate: "Mengaktifkan",
};

export const ENTITY_LABELS: Record<string, string> = {
  tenant: "Pemda",
  tenant_settings: "Pengaturan",
  perangkat_daerah: "Perangkat daerah",
  user: "Pengguna",
  membership: "Peran pengguna",
  invitation: "Undangan",
  document: "Dokumen",
  document_publication: "Publikasi dokumen",
};

/** Field names as people read them; unknown fields show their code. */
export const FIELD_LABELS: Record<string, string> = {
  code: "Kode",
  name: "Nama",
  kind: "Jenis",
  headName: "Kepala",
  active: "Aktif",
  status: "Status",
  email: "Email",
  role: "Peran",
  pdId: "Perangkat daerah",
  userId: "Pengguna",
  parentId: "Induk",
  negativePolarityMethod: "Polaritas negatif",
  efisiensiMode: "Efisiensi",
  ikmWeightMode: "Bobot IKM",
  capaianBands: "Predikat capaian",
  shareWithProvinsi: "Berbagi dengan provinsi",
  title: "Judul",
  publishedAt: "Terbit",
};

export type Change = { field: string; before?: string; after?: string };

function show(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (v === null || v === "") return "(kosong)";
  return typeof v === "string" ? v : JSON.stringify(v);
}
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The fields that differ between an entry's before and after snapshots. */
export function changes(before: unknown, after: unknown): Change[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => show(b[k]) !== show(a[k]))
    .map((field) => ({ field, before: show(b[field]), after: show(a[field]) }));
}
