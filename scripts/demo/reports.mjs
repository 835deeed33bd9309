// Demo texts of the LKjIP 2021 of Biro Organisasi Kaltim (seed 002, written for the Biro from the
// Sekretariat Daerah's report), so the Laporan module opens on a report with its chapters filled in.
// The tables come from the performance demo (PK, realisasi, anggaran); Bab I's Tabel 1.1 and 1.2 are
// the Sekretariat Daerah's own (seed 002, files/lkjip-bab1-setda-kaltim-2021.json, also the tests' fixture).
import { readFileSync } from "node:fs";

const BAB1_TABLES = JSON.parse(readFileSync(new URL("./files/lkjip-bab1-setda-kaltim-2021.json", import.meta.url), "utf8"));

const LKJIP_2021 = {
  kata_pengantar:
    "Puji syukur kehadirat Tuhan Yang Maha Esa, sehingga Laporan Kinerja Instansi Pemerintah (LKjIP) Biro Organisasi Sekretariat Daerah Provinsi Kalimantan Timur Tahun 2021 dapat diselesaikan dengan baik dan tepat waktu.\n\nPenyusunan LKjIP merupakan bentuk komitmen nyata dalam mengimplementasikan Sistem Akuntabilitas Kinerja Instansi Pemerintah sesuai Peraturan Presiden Nomor 29 Tahun 2014, dan disajikan berdasarkan Peraturan Menteri PANRB Nomor 53 Tahun 2014.",
  ikhtisar:
    "Biro Organisasi mengampu dua sasaran Renstra Sekretariat Daerah: meningkatnya kualitas kebijakan pelayanan publik dan meningkatnya kualitas layanan pemerintah, diukur dengan tiga indikator kinerja utama.\n\nIndeks Kelembagaan dan persentase IKM perangkat daerah yang bernilai B atau lebih melampaui target; persentase perangkat daerah dengan nilai SAKIP minimal B (75,68 %) belum mencapai target 77 % dan menjadi prioritas perbaikan.",
  dasar_pembentukan:
    "Biro Organisasi dibentuk berdasarkan Peraturan Daerah Nomor 09 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah Provinsi Kalimantan Timur, sedangkan susunan organisasi, tugas, fungsi dan tata kerjanya diatur dalam Peraturan Gubernur Kalimantan Timur Nomor 18 Tahun 2021.",
  tugas_fungsi:
    "Biro Organisasi mempunyai tugas melaksanakan penyiapan perumusan kebijakan daerah, pengoordinasian pelaksanaan tugas perangkat daerah, pemantauan dan evaluasi pelaksanaan kebijakan daerah di bidang kelembagaan dan analisis jabatan, reformasi birokrasi dan akuntabilitas kinerja, serta tata laksana.",
  struktur_organisasi:
    "Biro Organisasi berada di bawah Asisten Administrasi Umum dan membawahkan Bagian Kelembagaan dan Analisis Jabatan (Subbagian Kelembagaan Provinsi, Kelembagaan Kabupaten/Kota, Analisis Jabatan) serta Bagian Reformasi Birokrasi dan Akuntabilitas Kinerja (Subbagian Reformasi Birokrasi, Akuntabilitas Kinerja, Budaya Kerja).",
  sumber_daya:
    "Sumber daya aparatur merupakan salah satu faktor yang berpengaruh terhadap keberhasilan pelaksanaan tugas. Berikut data ASN dan non-ASN di lingkungan Sekretariat Daerah Provinsi Kalimantan Timur berdasarkan pendidikan, golongan, eselon dan jenis kelamin per 31 Desember 2021.",
  aspek_strategis:
    "Biro Organisasi mendukung misi ke-5 RPJMD Kalimantan Timur 2019-2023, “Berdaulat dalam mewujudkan birokrasi pemerintahan yang bersih, profesional dan berorientasi pelayanan publik”, melalui penataan kelembagaan, reformasi birokrasi dan penguatan akuntabilitas kinerja perangkat daerah.",
  isu_strategis:
    "a) Kelembagaan yang belum selaras dengan RPJMD;\nb) Akuntabilitas kinerja di lingkungan perangkat daerah belum menjadi budaya kerja;\nc) Belum optimalnya pelaksanaan reformasi birokrasi.",
  sarana_prasarana: "Sarana dan prasarana kerja yang menunjang tugas dan fungsi Sekretariat Daerah Provinsi Kalimantan Timur per 31 Desember 2021 dapat dilihat pada tabel berikut.",
  perencanaan:
    "Perencanaan kinerja Biro Organisasi mengacu pada Perubahan Renstra Sekretariat Daerah 2019-2023 dan Perjanjian Kinerja 2021 sebagaimana telah diubah dengan PK Perubahan yang berlaku 1 Oktober 2021.",
  analisis_capaian:
    "Persentase perangkat daerah yang memperoleh nilai SAKIP minimal B mencapai 75,68 % (28 dari 37 perangkat daerah), di bawah target 77 %. Kinerja beberapa perangkat daerah belum sepenuhnya berorientasi hasil dan indikatornya belum sepenuhnya terukur, relevan dan cukup.\n\nUpaya perbaikan: sosialisasi kembali aturan yang berlaku, asistensi dan pendampingan penyusunan cascading kinerja, perjanjian kinerja dan pelaporan.",
  analisis_anggaran:
    "Penyerapan anggaran Program Penataan Organisasi dipengaruhi refocusing APBD untuk penanganan Covid-19 dan pengembalian anggaran pada triwulan IV.",
  penutup:
    "LKjIP Biro Organisasi Tahun 2021 disusun sebagai bentuk akuntabilitas kepada publik. Secara keseluruhan capaian sasaran Perjanjian Kinerja dapat dikategorikan sangat baik; satu indikator (nilai SAKIP minimal B) masih perlu perbaikan melalui asistensi dan pendampingan kepada perangkat daerah.",
};

/** SQL rows for the demo; `tenantId`, `pdId(code, name)` and `row(table, values)` come from seed-sql.mjs. */
export function reportsSql({ now, tenantId, pdId, row }) {
  const pd = pdId("64", "Biro Organisasi");
  return [
    ...Object.entries(LKJIP_2021).map(([section, body]) =>
      row("report_sections", { id: `demo-report-section-${pd}-lkjip-2021-${section}`, tenant_id: tenantId("64"), kind: "lkjip", pd_id: pd, year: 2021, section, body, version: 1, updated_by: null, updated_at: now }),
    ),
    ...["sdm", "sarana"].map((table) =>
      row("lkjip_tables", { id: `demo-lkjip-table-${pd}-2021-${table}`, tenant_id: tenantId("64"), pd_id: pd, year: 2021, table_key: table, rows: JSON.stringify(BAB1_TABLES[table].rows), sumber: BAB1_TABLES[table].sumber, version: 1, updated_by: null, updated_at: now }),
    ),
  ];
}
