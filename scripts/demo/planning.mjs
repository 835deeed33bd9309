// Demo plans from the seed documents (../shared/seeds): seed 000 Biro Adpim Jatim's cascading down to
// jabatan, seed 003 Jember's IKU of Bagian Protokol, seed 002 Biro Organisasi Kaltim's sasaran with targets.
import { importTs } from "./import-ts.mjs";

// Targets are read by the same parser the API uses, so demo rows match what an edit would store.
const { parseTarget } = importTs('export { parseTarget } from "./shared/schemas/planning.ts";');

const TW = { I: 1, II: 2, III: 4, IV: 8 };
const all = TW.I | TW.II | TW.III | TW.IV;
const ra = (name, schedule = all, owner) => ({ level: "rencana_aksi", name, schedule, owner });
const pct = (name, targets = {}, extra = {}) => ({ name, satuan: "%", targets, ...extra });

// Seed 000 "Cascading Kinerja": jabatan that own the nodes (Kepala PD → Es. III → Es. IV → pelaksana).
const ADPIM_JABATAN = {
  kepala: ["Kepala Biro Administrasi Pimpinan", "II"],
  kabagRenpeg: ["Kepala Bagian Kepegawaian dan Perencanaan Sekretariat Daerah", "III"],
  kabagMateri: ["Kepala Bagian Materi dan Komunikasi Pimpinan", "III"],
  kabagProtokol: ["Kepala Bagian Protokol", "III"],
  kasubMateri: ["Kepala Subbagian Penyiapan Materi Pimpinan", "IV"],
  kasubKomunikasi: ["Kepala Subbagian Fasilitasi Komunikasi Pimpinan", "IV"],
  kasubDokumentasi: ["Kepala Subbagian Pengelolaan Dokumentasi Pimpinan", "IV"],
  kasubAcara: ["Kepala Subbagian Fasilitasi dan Koordinasi Pelaksanaan Acara", "IV"],
  kasubTamu: ["Kepala Subbagian Fasilitasi Kunjungan Tamu", "IV"],
  kasubHubungan: ["Kepala Subbagian Hubungan Keprotokolan", "IV"],
  naskah: ["Penyusun Naskah Rapat Pimpinan", "pelaksana"],
  berita: ["Penyusun Berita dan Pendapat Umum", "pelaksana"],
  grafis: ["Perancang Grafis", "pelaksana"],
  dokumentasi: ["Pengelola Dokumentasi", "pelaksana"],
  bahanInformasi: ["Penyusun Bahan Informasi", "pelaksana"],
  analisProtokol: ["Analis Protokol", "pelaksana"],
  operasional: ["Pengelola Kegiatan Operasional", "pelaksana"],
  monev: ["Pengelola Monitoring dan Evaluasi", "pelaksana"],
};

const ADPIM_SASARAN = "Meningkatnya Kualitas Layanan Keprotokolan, Komunikasi Pimpinan, Perencanaan Setda dan Kepegawaian Setda.";
const jatimRenstra = [
  {
    level: "tujuan",
    name: "Meningkatnya Kualitas Layanan Keprotokolan, Komunikasi Pimpinan, Perencanaan Setda dan Kepegawaian Setda.",
    supports: ["misi3"],
    owner: "kepala",
    indicators: [pct("Cakupan Layanan Keprotokolan dan Komunikasi Pimpinan"), pct("Cakupan Layanan Penyusunan Dokumen Perencanaan Setda dan Kepegawaian Setda")],
    children: [
      {
        level: "sasaran",
        name: ADPIM_SASARAN,
        supports: ["misi3"],
        owner: "kepala",
        indicators: [
          pct("Persentase Dokumen Perencanaan dan Pelaporan perangkat daerah dilingkungan Sekretariat Daerah yang konsisten dan disusun tepat waktu.", { 2021: "70" }, { iku: true }),
          pct("Persentase Digitalisasi Layanan Kepegawaian Sekretariat Daerah", { 2021: "30" }, { iku: true }),
          pct("Persentase masyarakat yang puas terhadap materi kebijakan dan produk informasi kegiatan pimpinan", { 2021: "95" }, { iku: true }),
          pct("Persentase perangkat daerah, pihak swasta dan masyarakat yang puas terhadap layanan keprotokolan pimpinan", { 2021: "85" }, { iku: true }),
        ],
        children: [
          {
            level: "program",
            code: "4.01.01",
            name: "Program Penunjang Urusan Pemerintahan Daerah Provinsi",
            owner: "kabagRenpeg",
            children: [
              {
                level: "kegiatan",
                code: "4.01.01.2.01",
                name: "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
                owner: "kabagRenpeg",
                budget: 3_857_419_215,
                indicators: [{ name: "Jumlah Dokumen perencanaan, penganggaran dan evaluasi kinerja Perangkat Daerah", satuan: "dokumen", targets: { 2021: "10" } }],
                children: [
                  ra("Identifikasi, analisis dan pemetaan data potensi pembangunan pemerintah provinsi Jawa Timur"),
                  ra("Kajian terhadap kebijakan Nasional, Daerah dan Regional yang berpotensi berdampak pada pemerintahan provinsi Jawa Timur"),
                  ra("Penyusunan Rancangan Teknis dan Roadmap Fasilitas /Pendampingan Penyusunan Dokumen Perencanaan Perangkat Daerah", TW.II | TW.III | TW.IV),
                  ra("Penyusunan Dokumen RKA-SKPD", TW.IV),
                  ra("Penyusunan Dokumen Perubahan RKA-SKPD", TW.III),
                  ra("Penyusunan DPA-SKPD", TW.IV),
                  ra("Penyusunan Perubahan DPA-SKPD", TW.III),
                  ra("Penyusunan Laporan Realisasi Program, Kegiatan, Sub Kegiatan dan Penatausahaan Keuangan"),
                  ra("Penyusunan Laporan Kinerja", TW.I),
                  ra("Evaluasi Konsistensi dan Sinkronisasi Rencana dan Realisasi Kinerja", TW.II),
                  ra("Pembangunan Aplikasi Dokumentasi Digital Dokumen Perencanaan dan Laporan Kinerja", TW.III),
                  ra("Survey Capaian Kinerja dan Kepuasan Masyarakat", TW.IV),
                ],
              },
              {
                level: "kegiatan",
                code: "4.01.01.2.02",
                name: "Administrasi Keuangan Perangkat Daerah",
                owner: "kabagRenpeg",
                budget: 19_269_278_785,
                indicators: [{ name: "Jumlah Laporan Pertanggungjawaban Keuangan", satuan: "laporan", targets: { 2021: "12" } }],
                children: [
                  ra("pembayaran gaji dan tunjangan ASN"),
                  ra("Pendelegasian ASN dalam kegiatan Peatihan/Bimtek/Workshop/Seminar/dll"),
                  ra("Verifikasi Dokumen Pertanggungjawaban pelaksanaan keuangan"),
                  ra("Pencatatan Transaksi Pelaksanaan Anggaran"),
                  ra("Pemenuhan Dokumen Tanggapan LHP/Audit", TW.II | TW.IV),
                ],
              },
              {
                level: "kegiatan",
                code: "4.01.01.2.05",
                name: "Administrasi Kepegawaian Perangkat Daerah",
                owner: "kabagRenpeg",
                budget: 2_340_674_000,
                indicators: [{ name: "Jumlah Laporan Pengelolaan administrasi kepegawaian", satuan: "dokumen", targets: { 2021: "12" } }],
                children: [
                  ra("Penyusunan Laporan Keuangan"),
                  ra("Penyusunan Prognosis atas APBD 2021", TW.III),
                  ra("Pengadaan Pakaian Dinas ASN", TW.IV),
                  ra("Pelayanan Administrasi Kepegawaian"),
                  ra("Updating Data SI ASN, E-Presensi dan SAPK"),
                  ra("Penyusunan Sasaran Kerja Pegawai beserta penilaiannya"),
                ],
              },
              {
                level: "kegiatan",
                code: "4.01.01.2.08",
                name: "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
                owner: "kabagRenpeg",
                budget: 231_700_000,
                indicators: [{ name: "Jumlah laporan Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", satuan: "laporan", targets: { 2021: "12" } }],
                children: [ra("Pelaksanaan Administrasi Surat Menyurat"), ra("Pemenuhan Kebutuhan Jasa Peralatan dan Perlengkapan Kantor")],
              },
              {
                level: "kegiatan",
                code: "4.01.01.2.13",
                name: "Fasilitasi Materi dan Komunikasi Pimpinan",
                owner: "kabagMateri",
                indicators: [pct("Prosentase Produk Kehumasan dan Dokumentasi Kegiatan Gubernur, Wakil Gubernur dan Sekretaris Daerah", { 2021: "100" })],
                children: [
                  {
                    level: "sub_kegiatan",
                    code: "4.01.01.2.13.01",
                    name: "Penyiapan Materi Pimpinan",
                    owner: "kasubMateri",
                    indicators: [{ name: "Jumlah Materi Pimpinan", satuan: "dokumen" }],
                    children: [
                      { ...ra("Penyusunan Konsep Naskah Rapat Pimpinan", all, "naskah"), indicators: [{ name: "Jumlah Konsep Naskah Rapat Pimpinan yang tersusun", satuan: "naskah" }] },
                      { ...ra("Analisis Isu Publik dan Pemberitaan Media Cetak/Online serta Isu Media Sosial", all, "naskah"), indicators: [{ name: "Jumlah Data Isu Publik yang dianalisis", satuan: "data" }] },
                    ],
                  },
                  {
                    level: "sub_kegiatan",
                    code: "4.01.01.2.13.02",
                    name: "Fasilitasi Komunikasi Pimpinan",
                    owner: "kasubKomunikasi",
                    indicators: [{ name: "Jumlah Fasilitasi Komunikasi Pimpinan", satuan: "kali" }],
                    children: [
                      { ...ra("Pers Conference / Pers Release", all, "berita"), indicators: [{ name: "Jumlah konsep pers rilis yang tersusun", satuan: "rilis" }] },
                      { ...ra("Penyusunan Materi Kebijakan Berupa Infografis/Videografis", all, "grafis"), indicators: [{ name: "Jumlah rancangan konten informasi dan publikasi", satuan: "konten" }] },
                      { ...ra("Media Relations (Pers Gathering)", all, "berita"), indicators: [{ name: "Jumlah laporan evaluasi hubungan media", satuan: "laporan" }] },
                      ra("Lomba Karya Tulis Wartawan (LKTW)", TW.III, "berita"),
                      ra("Influencer Social Media Summit 2021", TW.IV, "berita"),
                    ],
                  },
                  {
                    level: "sub_kegiatan",
                    code: "4.01.01.2.13.03",
                    name: "Pengelolaan Dokumentasi Pimpinan",
                    owner: "kasubDokumentasi",
                    indicators: [{ name: "Jumlah Dokumentasi Pimpinan", satuan: "dokumen" }],
                    children: [
                      { ...ra("Liputan Kegiatan Gubernur, Wakil Gubernur dan Sekretaris Daerah", all, "dokumentasi"), indicators: [{ name: "Jumlah inventarisir data liputan kegiatan pimpinan", satuan: "data" }] },
                      ra("Pendokumentasian Kegiatan Gubernur, Wakil Gubernur dan Sekretaris Daerah", all, "dokumentasi"),
                      ra("Penerbitan Majalah Prasetya", all, "dokumentasi"),
                      ra("Penayangan Kaleidoskop Kinerja Gubernur, Wakil Gubernur dan Sekretaris Daerah", all, "dokumentasi"),
                      ra("Penerbitan Buku Himpunan Foto/Dokumentasi Kegiatan Gubernur Wakil Gubernur dan Sekretaris Daerah", all, "dokumentasi"),
                    ],
                  },
                ],
              },
              {
                level: "kegiatan",
                code: "4.01.01.2.14",
                name: "Fasilitasi Keprotokolan",
                owner: "kabagProtokol",
                budget: 10_240_438_000,
                indicators: [pct("Prosentase Pelayanan Keprotokolan Kepada Gubernur, Wakil Gubernur dan Sekretaris Daerah", { 2021: "100" })],
                children: [
                  {
                    level: "sub_kegiatan",
                    code: "4.01.01.2.14.01",
                    name: "Fasilitasi dan Koordinasi Pelaksanaan Acara",
                    owner: "kasubAcara",
                    indicators: [{ name: "Jumlah Fasilitasi dan Koordinasi Pelaksanaan Acara", satuan: "kali" }],
                    children: [
                      { ...ra("Pelaksanaan Fasilitasi Layanan Keprotokolan Acara Resmi Gubernur, Wakil Gubernur dan Sekretaris Daerah", all, "bahanInformasi"), indicators: [{ name: "Jumlah Data dan Informasi terkait acara pimpinan yang disusun", satuan: "data" }] },
                      { ...ra("Penyusunan Konsep SOP Keprotokolan Acara Pimpinan", all, "operasional"), indicators: [{ name: "Jumlah Konsep SOP Keprotokolan Acara Pimpinan yang disiapkan", satuan: "dokumen" }] },
                    ],
                  },
                  {
                    level: "sub_kegiatan",
                    code: "4.01.01.2.14.02",
                    name: "Fasilitasi Kunjungan Tamu Kepala Daerah dan Wakil Ka.Da",
                    owner: "kasubTamu",
                    indicators: [{ name: "Jumlah Fasilitasi Kunjungan Tamu Kepala Daerah dan Wakil Ka.Da", satuan: "kali" }],
                    children: [
                      { ...ra("Pelaksanaan Fasilitasi Layanan Keprotokolan untuk Tamu Kepala Daerah dan Wakil Kepala Daerah (VIP, Pejabat Negara, Pejabat Pemerintah dan Tokoh Masyarakat)", all, "bahanInformasi"), indicators: [{ name: "Jumlah Data dan Informasi terkait Kegiatan Tamu Pimpinan yang disusun", satuan: "data" }] },
                      { ...ra("Penyusunan Konsep SOP Keprotokolan Fasilitasi Tamu Pimpinan", all, "operasional"), indicators: [{ name: "Jumlah Konsep SOP Keprotokolan Fasilitasi Tamu Pimpinan yang disiapkan", satuan: "dokumen" }] },
                    ],
                  },
                  {
                    level: "sub_kegiatan",
                    code: "4.01.01.2.14.03",
                    name: "Pengelolaan Hubungan Keprotokolan",
                    owner: "kasubHubungan",
                    indicators: [{ name: "Jumlah Pengelolaan Hubungan Keprotokolan", satuan: "kali" }],
                    children: [
                      { ...ra("Pembinaan, Koordinasi dan Sinergi Pengelolaan Keprotokolan dilingkungan Perangkat Daerah Provinsi Jawa Timur", all, "analisProtokol"), indicators: [{ name: "Jumlah laporan hasil analisis potensi hubungan keprotokolan yang disusun", satuan: "laporan" }] },
                      ra("Koordinasi dan Sinergi Pengelolaan Keprotokolan dengan Protokol Kepresidenan, Setwapres dan Kementerian/Lembaga", all, "analisProtokol"),
                      { ...ra("Koordinasi dan Sinergi Pengelolaan Keprotokolan dengan BUMD, BUMN Instansi/Perusahaan Swasta", all, "monev"), indicators: [{ name: "Jumlah inventarisir data pendukung pelaksanaan kegiatan keprotokolan", satuan: "data" }] },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
];

// Seed 003: the IKU decree of Bagian Protokol dan Komunikasi Pimpinan, Kab. Jember (2021).
const AGENDA = "Jumlah kegiatan Bupati dan Wakil Bupati yang diagendakan";
const SUMBER_JEMBER = "Data dan Laporan Pengumpulan Laporan Kinerja PD";
const jemberRenstra = [
  {
    level: "tujuan",
    name: "Mendukung Bupati dan Wakil Bupati dalam pelaksanaan tugasnya",
    indicators: [pct("Persentase pelayanan protokoler pimpinan daerah, komunikasi pimpinan daerah kepada pihak terkait, dan pendokumentasian tugas/kegiatan pimpinan daerah")],
    children: [
      {
        level: "sasaran",
        name: "Terlaksananya kegiatan Pimpinan Daerah yang mendapat pelayanan keprotokolan",
        indicators: [pct("Persentase pelayanan keprotokolan atas kegiatan Bupati dan Wakil Bupati", {}, { iku: true, numerator: "Jumlah kegiatan yang mendapat pelayanan keprotokolan", denominator: AGENDA, pj: "Sub Bagian Protokol", sumber: SUMBER_JEMBER })],
      },
      {
        level: "sasaran",
        name: "Terdokumentasikannya kegiatan Pemerintah Kabupaten Jember",
        indicators: [
          pct("Persentase dokumentasi kegiatan Bupati dan Wakil Bupati dalam bentuk media luar ruang, foto dan video", {}, { iku: true, numerator: "Jumlah kegiatan Bupati dan Wakil Bupati yang didokumentasikan", denominator: AGENDA, pj: "Sub Bagian Dokumentasi Pimpinan", sumber: SUMBER_JEMBER }),
        ],
      },
    ],
  },
];

// Seed 002 Tabel 2.1–2.3 and 3.3: the sasaran of P-Renstra Setda Kaltim 2019–2023 that Biro Organisasi answers for.
const kaltimRenstra = [
  {
    level: "tujuan",
    name: "Terwujudnya birokrasi yang efektif dan efisien",
    supports: ["misi4"],
    owner: "kepala",
    indicators: [{ name: "Nilai Akuntabilitas Kinerja", satuan: "nilai", targets: { 2019: "76,55", 2020: "76,60", 2021: "76,65", 2022: "77,00", 2023: "78,00" } }],
    children: [
      {
        level: "sasaran",
        name: "Meningkatnya kualitas kebijakan pelayanan publik",
        owner: "kepala",
        indicators: [
          pct("Persentase Perangkat Daerah yang memperoleh nilai SAKIP minimal (B)", { 2019: "70", 2020: "75", 2021: "77", 2022: "79", 2023: "81" }, { iku: true, pj: "Biro Organisasi", tw: { 2021: { 2: "77" } } }),
          {
            name: "Indeks Kelembagaan",
            satuan: "Indeks (rumus)",
            targets: { 2020: "65.64 (peringkat 4)", 2021: "66 (peringkat 4)", 2022: "67 (peringkat 4)", 2023: "69 (peringkat 4)" },
            tw: { 2021: { 4: "66" } },
            iku: true,
            note: "Perhitungan sesuai dengan Permen PANRB No.20 Tahun 2018",
            sumber: "Data Kelembagaan",
            pj: "Biro Organisasi",
          },
        ],
        children: [
          {
            level: "program",
            code: "4.01.05",
            name: "Program Penataan Organisasi",
            owner: "kepala",
            children: [
              { level: "kegiatan", code: "4.01.05.2.01", name: "Fasilitasi Reformasi Birokrasi dan Akuntabilitas Kinerja", owner: "rb" },
              { level: "kegiatan", code: "4.01.05.2.02", name: "Fasilitasi Kelembagaan dan Analisis Jabatan", owner: "kelembagaan" },
            ],
          },
        ],
      },
    ],
  },
  {
    level: "tujuan",
    name: "Terwujudnya birokrasi yang memiliki pelayanan publik berkualitas",
    supports: ["misi4"],
    owner: "kepala",
    indicators: [{ name: "Indeks Kepuasan Masyarakat", satuan: "indeks", targets: { 2019: "81,50", 2020: "82,00", 2021: "82,30", 2022: "82,50", 2023: "83,00" } }],
    children: [
      {
        level: "sasaran",
        name: "Meningkatnya kualitas layanan pemerintah",
        owner: "kepala",
        indicators: [pct("Persentase Indeks Kepuasan Masyarakat Perangkat Daerah yang nilainya >80 (B)", { 2019: "67", 2020: "68", 2021: "69", 2022: "70", 2023: "71" }, { iku: true, pj: "Biro Organisasi", tw: { 2021: { 4: "69" } } })],
      },
    ],
  },
];

/** SQL rows for the demo plans; `pdId(code, name)` and `row(table, values)` come from seed-sql.mjs. */
export function planningSql({ now, tenantId, pdId, row }) {
  const out = [];
  const jabatanId = (key) => `demo-jabatan-adpim-${key}`;
  const adpim = pdId("35", "Biro Administrasi Pimpinan");
  for (const [key, [name, eselon]] of Object.entries(ADPIM_JABATAN)) {
    out.push(row("jabatan", { id: jabatanId(key), tenant_id: tenantId("35"), pd_id: adpim, unit_id: null, name, eselon, is_head: 0, active: 1, created_at: now, updated_at: now }));
  }

  function plan({ id, code, kind, pd, rpjmd, name, yearFrom, yearTo, nodes, refs = {}, owners = {} }) {
    const tenant = tenantId(code);
    out.push(row("plans", { id, tenant_id: tenant, kind, pd_id: pd ?? null, rpjmd_plan_id: rpjmd ?? null, name, year_from: yearFrom, year_to: yearTo, status: "approved", approved_at: now, approved_by: null, created_at: now, updated_at: now }));
    const effective = `${yearFrom}-01-01`;
    const base = { tenant_id: tenant, plan_id: id, version: 1, effective_date: effective, reason: null, removed: 0, created_by: null, created_at: now };
    let n = 0;
    const walk = (node, parentId, position) => {
      const nodeId = `${id}-n${++n}`;
      if (node.ref) refs[node.ref] = nodeId;
      out.push(row("plan_nodes", { id: nodeId, tenant_id: tenant, plan_id: id, pd_id: pd ?? null, level: node.level, created_at: now }));
      out.push(
        row("plan_node_versions", {
          ...base,
          id: `${nodeId}-v1`,
          node_id: nodeId,
          parent_id: parentId,
          supports: JSON.stringify((node.supports ?? []).map((r) => refs[r])),
          code: node.code ?? null,
          name: node.name,
          owner_jabatan_id: node.owner ? owners[node.owner] : null,
          schedule: node.schedule ?? 0,
          budget: node.budget ?? null,
          position,
        }),
      );
      (node.indicators ?? []).forEach((ind, i) => {
        const indId = `${nodeId}-i${i + 1}`;
        out.push(row("indicators", { id: indId, tenant_id: tenant, plan_id: id, node_id: nodeId, created_at: now }));
        out.push(
          row("indicator_versions", {
            ...base,
            id: `${indId}-v1`,
            indicator_id: indId,
            name: ind.name,
            satuan: ind.satuan,
            polarity: "positive",
            negative_method: "2T-R",
            kind: "numeric",
            scale: null,
            formula_numerator: ind.numerator ?? null,
            formula_denominator: ind.denominator ?? null,
            formula_note: ind.note ?? null,
            sumber_data: ind.sumber ?? null,
            penanggung_jawab: ind.pj ?? null,
            aggregation: "cumulative",
            is_iku: ind.iku ? 1 : 0,
            position: i,
          }),
        );
        const targets = [
          ...Object.entries(ind.targets ?? {}).map(([year, value]) => [Number(year), 0, value]),
          ...Object.entries(ind.tw ?? {}).flatMap(([year, tws]) => Object.entries(tws).map(([tw, value]) => [Number(year), Number(tw), value])),
        ];
        for (const [year, period, value] of targets) {
          const p = parseTarget(value, { kind: "numeric", scale: [] });
          if (!p.ok) throw new Error(`demo target ${value}: ${p.message}`);
          out.push(row("indicator_targets", { ...base, id: `${indId}-t${year}-${period}-v1`, indicator_id: indId, year, period, value_text: value, value_num: p.valueNum, value_max: p.valueMax, category: null, label: p.label, cumulative: 0 }));
        }
      });
      (node.children ?? []).forEach((child, i) => walk(child, nodeId, i));
    };
    nodes.forEach((node, i) => walk(node, null, i));
    return refs;
  }

  const jatimRefs = plan({
    id: "demo-plan-35-rpjmd-2019",
    code: "35",
    kind: "rpjmd",
    name: "RPJMD Provinsi Jawa Timur 2019-2024",
    yearFrom: 2019,
    yearTo: 2024,
    nodes: [
      {
        level: "visi",
        name: "Terwujudnya masyarakat Jawa Timur yang sejahtera, seimbang, unggul dan berakhlak dengan tata kelola pemerintahan partisipatoris, inklusif dan menghargai nilai-nilai manusia",
        children: [{ level: "misi", code: "3", ref: "misi3", name: "Tata kelola Pemerintahan yang bersih, Inovatif, Terbuka dan Partisipatoris, Memperkuat Demokrasi Kewargaan untuk menghadirkan Ruang Sosial yang menghargai prinsip Kebhinekaan" }],
      },
    ],
  });
  plan({
    id: "demo-plan-35-adpim-2019",
    code: "35",
    kind: "renstra",
    pd: adpim,
    rpjmd: "demo-plan-35-rpjmd-2019",
    name: "Renstra Biro Administrasi Pimpinan 2019-2024",
    yearFrom: 2019,
    yearTo: 2024,
    nodes: jatimRenstra,
    refs: jatimRefs,
    owners: Object.fromEntries(Object.keys(ADPIM_JABATAN).map((k) => [k, jabatanId(k)])),
  });
  plan({
    id: "demo-plan-3509-protokol-2021",
    code: "35.09",
    kind: "renstra",
    pd: pdId("35.09", "Bagian Protokol dan Komunikasi Pimpinan"),
    name: "Renstra dan IKU Bagian Protokol dan Komunikasi Pimpinan 2021-2026",
    yearFrom: 2021,
    yearTo: 2026,
    nodes: jemberRenstra,
  });
  const kaltimRefs = plan({
    id: "demo-plan-64-rpjmd-2019",
    code: "64",
    kind: "rpjmd",
    name: "RPJMD Provinsi Kalimantan Timur 2019-2023",
    yearFrom: 2019,
    yearTo: 2023,
    nodes: [
      {
        level: "visi",
        name: "Berani untuk Kalimantan Timur Berdaulat",
        children: [{ level: "misi", code: "4", ref: "misi4", name: "Berdaulat dalam mewujudkan birokrasi pemerintahan yang bersih, professional, dan berorientasi pelayanan publik" }],
      },
    ],
  });
  plan({
    id: "demo-plan-64-organisasi-2019",
    code: "64",
    kind: "renstra",
    pd: pdId("64", "Biro Organisasi"),
    rpjmd: "demo-plan-64-rpjmd-2019",
    name: "P-Renstra Biro Organisasi 2019-2023",
    yearFrom: 2019,
    yearTo: 2023,
    nodes: kaltimRenstra,
    refs: kaltimRefs,
    // Jabatan of Biro Organisasi from the Organisation demo (scripts/demo/struktur.mjs, seed 002 structure).
    owners: { kepala: "demo-jabatan-64-4.01.07-BO", kelembagaan: "demo-jabatan-64-4.01.07-BO.1", rb: "demo-jabatan-64-4.01.07-BO.2" },
  });
  return out;
}
