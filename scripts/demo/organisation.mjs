// Demo tenants and perangkat daerah, taken from the seed documents (../shared/seeds).

export const TENANTS = [
  // signingPlace: where each signs its documents, as the seeds print it ("Samarinda, Februari 2022").
  { code: "35", name: "Provinsi Jawa Timur", kind: "provinsi", signingPlace: "Surabaya" },
  { code: "35.16", name: "Kabupaten Mojokerto", kind: "kabupaten", parent: "35", signingPlace: "Mojokerto" },
  { code: "35.09", name: "Kabupaten Jember", kind: "kabupaten", parent: "35", signingPlace: "Jember" },
  { code: "64", name: "Provinsi Kalimantan Timur", kind: "provinsi", signingPlace: "Samarinda" },
  { code: "15", name: "Provinsi Jambi", kind: "provinsi", signingPlace: "Jambi" },
];

// Seed 002, Tabel 3.13: the 37 perangkat daerah Biro Organisasi Kaltim evaluated in 2021.
const KALTIM_PD = [
  "Inspektorat", "Badan Perencanaan Pembangunan Daerah", "Dinas Peternakan dan Kesehatan Hewan", "Badan Kepegawaian Daerah",
  "RSUD Dr. Kanujoso Djati W. Balikpapan", "RSJD Atma Husada Mahakam", "Dinas Pendidikan dan Kebudayaan",
  "RSUD A.W. Sjachranie Samarinda", "Badan Pendapatan Daerah", "Dinas Perkebunan", "Dinas Perhubungan", "Badan Penghubung",
  "Dinas Sosial", "Dinas Kehutanan", "Dinas Kesehatan", "Sekretariat DPRD", "Dinas Energi dan Sumber Daya Mineral",
  "Dinas Perindustrian, Perdagangan, Koperasi, dan Usaha Kecil dan Menengah", "Dinas Perpustakaan dan Kearsipan Daerah",
  "Dinas Lingkungan Hidup", "Dinas Pariwisata", "Badan Kesatuan Bangsa dan Politik",
  "Dinas Kependudukan, Pemberdayaan Perempuan, dan Perlindungan Anak", "Dinas Pemberdayaan Masyarakat dan Pemerintahan Desa",
  "Badan Penanggulangan Bencana Daerah", "Dinas Pangan, Tanaman Pangan, dan Hortikultura", "Dinas Kelautan dan Perikanan",
  "Dinas Pemuda dan Olahraga", "Badan Penelitian dan Pengembangan Daerah", "Sekretariat Daerah",
  "Dinas Pekerjaan Umum, Penataan Ruang, dan Perumahan Rakyat", "Badan Pengembangan Sumber Daya Manusia",
  "Dinas Komunikasi dan Informatika", "Satuan Polisi Pamong Praja", "Badan Pengelolaan Keuangan dan Aset Daerah",
  "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Dinas Tenaga Kerja dan Transmigrasi",
];
// Seed 002: the nine Biro of the Sekretariat Daerah, each reporting as its own PD.
const KALTIM_BIRO = [
  "Biro Pemerintahan dan Otonomi Daerah", "Biro Hukum", "Biro Kesejahteraan Rakyat", "Biro Perekonomian",
  "Biro Administrasi Pembangunan", "Biro Pengadaan Barang dan Jasa", "Biro Organisasi", "Biro Umum", "Biro Administrasi Pimpinan",
];

export function kindOf(name) {
  const rules = [
    [/^Dinas/, "dinas"], [/^Badan/, "badan"], [/^Inspektorat/, "inspektorat"], [/^Sekretariat DPRD/, "sekretariat_dprd"],
    [/^Sekretariat Daerah/, "sekretariat_daerah"], [/^(RSUD|RSJD)/, "rsud"], [/^Biro/, "biro"], [/^Bagian/, "bagian"],
    [/^Satuan/, "satuan"], [/^Kecamatan/, "kecamatan"],
  ];
  return rules.find(([re]) => re.test(name))?.[1] ?? "lainnya";
}

const numbered = (names, prefix) => names.map((name, i) => ({ code: `${prefix}${String(i + 1).padStart(2, "0")}`, name }));

export const PERANGKAT_DAERAH = {
  "64": [...numbered(KALTIM_PD, "1."), ...numbered(KALTIM_BIRO, "4.01.")],
  "35": numbered(["Biro Administrasi Pimpinan", "Biro Organisasi", "Inspektorat", "Badan Perencanaan Pembangunan Daerah", "Dinas Komunikasi dan Informatika"], "1."),
  "35.16": numbered(["Bagian Protokol dan Komunikasi Pimpinan", "Bagian Organisasi", "Inspektorat", "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah", "Dinas Kesehatan"], "1."),
  "35.09": numbered(["Bagian Protokol dan Komunikasi Pimpinan", "Bagian Organisasi", "Inspektorat", "Dinas Kependudukan dan Pencatatan Sipil"], "1."),
  "15": numbered(["Biro Humas dan Protokol", "Biro Organisasi", "Inspektorat", "Badan Perencanaan Pembangunan Daerah"], "1."),
};

export const PASSWORD = "akuntabel-demo";

/** One user per role; `pd` names the perangkat daerah a PD-scoped role acts for. */
export const USERS = [
  { email: "operator@demo.akuntabel.id", name: "Operator Platform", platform: true },
  { email: "admin.kaltim@demo.akuntabel.id", name: "Admin Biro Organisasi Kaltim", tenant: "64", role: "tenant_admin" },
  { email: "evaluator.kaltim@demo.akuntabel.id", name: "Evaluator Inspektorat Kaltim", tenant: "64", role: "evaluator" },
  { email: "operator.organisasi@demo.akuntabel.id", name: "Operator Biro Organisasi", tenant: "64", role: "agency_admin", pd: "Biro Organisasi" },
  { email: "kepala.organisasi@demo.akuntabel.id", name: "Kepala Biro Organisasi", tenant: "64", role: "agency_head", pd: "Biro Organisasi" },
  { email: "pemantau.kaltim@demo.akuntabel.id", name: "Pemantau Kaltim", tenant: "64", role: "viewer" },
  { email: "admin.jatim@demo.akuntabel.id", name: "Admin Biro Organisasi Jatim", tenant: "35", role: "tenant_admin" },
  { email: "operator.adpim@demo.akuntabel.id", name: "Operator Biro Adpim Jatim", tenant: "35", role: "agency_admin", pd: "Biro Administrasi Pimpinan" },
  { email: "admin.mojokerto@demo.akuntabel.id", name: "Admin Bagian Organisasi Mojokerto", tenant: "35.16", role: "tenant_admin" },
  { email: "operator.protokol.mojokerto@demo.akuntabel.id", name: "Operator Protokol Mojokerto", tenant: "35.16", role: "agency_admin", pd: "Bagian Protokol dan Komunikasi Pimpinan" },
  { email: "admin.jember@demo.akuntabel.id", name: "Admin Bagian Organisasi Jember", tenant: "35.09", role: "tenant_admin" },
  { email: "admin.jambi@demo.akuntabel.id", name: "Admin Biro Organisasi Jambi", tenant: "15", role: "tenant_admin" },
  { email: "operator.humas.jambi@demo.akuntabel.id", name: "Operator Biro Humas Jambi", tenant: "15", role: "agency_admin", pd: "Biro Humas dan Protokol" },
];
