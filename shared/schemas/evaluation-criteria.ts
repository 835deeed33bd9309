// Default LKE criteria of PermenPANRB 88/2021 (Lampiran, Lembar Kerja Evaluasi AKIP), grouped per
// component × sub-component. Pemenuhan criteria are answered Y/T, kualitas and pemanfaatan A–E.
// A tenant clones this set for a year and may adjust it before evaluation opens.
// Free of zod so the demo seed (scripts/demo/evaluation.mjs) can bundle it.
import { DEFAULT_LKE_SUB_SHARES, LKE_2021_COMPONENTS, LKE_LEGACY_COMPONENTS, type LkeAnswerType, type LkeSubComponent } from "../formulas/sakip";

export type CriterionText = { id: string; text: string; answerType: LkeAnswerType };
type Sub = Record<LkeSubComponent, string[]>;

const CRITERIA_2021: Record<string, Sub> = {
  perencanaan: {
    pemenuhan: [
      "Terdapat pedoman teknis perencanaan kinerja",
      "Terdapat dokumen perencanaan kinerja jangka panjang dan menengah (Renstra)",
      "Renstra telah memuat tujuan, sasaran, indikator kinerja dan target jangka menengah",
      "Terdapat dokumen perencanaan kinerja tahunan (Renja/RKT)",
      "Terdapat dokumen Perjanjian Kinerja (PK)",
      "Perjanjian Kinerja telah menyajikan Indikator Kinerja Utama (IKU)",
      "Terdapat rencana aksi atas kinerja",
    ],
    kualitas: [
      "Dokumen perencanaan kinerja telah diformalkan",
      "Dokumen perencanaan kinerja telah dipublikasikan tepat waktu",
      "Tujuan telah berorientasi hasil dan indikatornya memenuhi kriteria SMART",
      "Sasaran telah berorientasi hasil dan indikatornya memenuhi kriteria SMART",
      "Target kinerja ditetapkan dengan baik, menantang dan didukung data yang valid",
      "Kinerja dalam Renstra, Renja dan PK telah selaras (cascading)",
      "Setiap unit kerja telah menetapkan ukuran kinerja dalam PK yang selaras dengan ukuran kinerja di atasnya",
    ],
    pemanfaatan: [
      "Anggaran telah mengacu pada kinerja yang ingin dicapai",
      "Aktivitas yang dilaksanakan telah mendukung kinerja yang ingin dicapai",
      "Target dalam Perjanjian Kinerja telah tercapai atau masih dalam jalur (on the right track)",
      "Rencana aksi berjalan dinamis karena capaian kinerja dipantau secara berkala",
      "Dokumen perencanaan kinerja diperbaiki berdasarkan analisis kinerja sebelumnya",
      "Setiap pegawai memahami dan berkomitmen mencapai kinerja dalam Sasaran Kinerja Pegawai (SKP)",
    ],
  },
  pengukuran: {
    pemenuhan: [
      "Terdapat pedoman teknis pengukuran kinerja dan pengumpulan data kinerja",
      "Terdapat definisi operasional yang jelas atas kinerja dan cara mengukur indikatornya",
      "Terdapat mekanisme pengumpulan data kinerja yang dapat diandalkan",
    ],
    kualitas: [
      "Pimpinan terlibat sebagai pengambil keputusan dalam mengukur capaian kinerja",
      "Data kinerja yang dikumpulkan relevan untuk mengukur capaian kinerja yang diharapkan",
      "Pengukuran kinerja dilakukan secara berkala",
      "Setiap level organisasi memantau capaian kinerja unit di bawahnya secara berjenjang",
      "Pengumpulan dan pengukuran data kinerja telah memanfaatkan teknologi informasi (aplikasi)",
    ],
    pemanfaatan: [
      "Pengukuran kinerja menjadi dasar penyesuaian tunjangan kinerja/penghasilan",
      "Pengukuran kinerja mempengaruhi penyesuaian (refocusing) organisasi",
      "Pengukuran kinerja mempengaruhi penyesuaian strategi dan kebijakan",
      "Pengukuran kinerja mempengaruhi penyesuaian aktivitas dan anggaran",
      "Terdapat efisiensi penggunaan anggaran dalam mencapai kinerja",
      "Setiap unit kerja dan pegawai memahami dan peduli atas hasil pengukuran kinerja",
    ],
  },
  pelaporan: {
    pemenuhan: [
      "Terdapat dokumen laporan yang menggambarkan kinerja",
      "Dokumen laporan kinerja disusun secara berkala",
      "Dokumen laporan kinerja telah diformalkan dan direviu",
      "Dokumen laporan kinerja telah dipublikasikan dan disampaikan tepat waktu",
    ],
    kualitas: [
      "Laporan kinerja disusun secara berkualitas sesuai standar",
      "Laporan kinerja mengungkap seluruh informasi tentang pencapaian kinerja",
      "Laporan kinerja membandingkan realisasi dengan target tahunan dan jangka menengah",
      "Laporan kinerja membandingkan realisasi dengan tahun-tahun sebelumnya dan standar nasional",
      "Laporan kinerja mengungkap analisis keberhasilan/kegagalan dan efisiensi sumber daya",
      "Laporan kinerja mengungkap upaya perbaikan ke depan",
    ],
    pemanfaatan: [
      "Informasi dalam laporan kinerja menjadi perhatian utama pimpinan",
      "Penyajian informasi dalam laporan kinerja menjadi kepedulian seluruh pegawai",
      "Informasi laporan kinerja digunakan untuk menyesuaikan aktivitas dan anggaran",
      "Informasi laporan kinerja digunakan untuk mengevaluasi keberhasilan kinerja",
      "Informasi laporan kinerja digunakan untuk menyesuaikan perencanaan kinerja berikutnya",
    ],
  },
  evaluasi: {
    pemenuhan: [
      "Terdapat pedoman teknis evaluasi akuntabilitas kinerja internal",
      "Evaluasi akuntabilitas kinerja internal dilaksanakan pada seluruh unit kerja",
      "Evaluasi akuntabilitas kinerja internal dilaksanakan secara berjenjang",
    ],
    kualitas: [
      "Evaluasi akuntabilitas kinerja internal dilaksanakan sesuai standar",
      "Evaluasi dilaksanakan oleh SDM yang memadai dan dengan pendalaman yang memadai",
      "Evaluasi akuntabilitas kinerja internal memanfaatkan teknologi informasi (aplikasi)",
    ],
    pemanfaatan: [
      "Seluruh rekomendasi hasil evaluasi internal telah ditindaklanjuti",
      "Implementasi SAKIP meningkat dengan tindak lanjut rekomendasi evaluasi internal",
      "Hasil evaluasi internal dimanfaatkan untuk perbaikan akuntabilitas kinerja",
      "Hasil evaluasi internal mendukung efektivitas dan efisiensi kinerja",
    ],
  },
};

const PREFIX: Record<LkeSubComponent, string> = { pemenuhan: "a", kualitas: "b", pemanfaatan: "c" };

/** Criteria with stable ids such as "perencanaan.a.1" (component · sub-component letter · number). */
export function defaultCriteria2021(component: string): Record<LkeSubComponent, CriterionText[]> {
  const sub = CRITERIA_2021[component];
  if (!sub) throw new RangeError(`no default criteria for component ${component}`);
  const build = (key: LkeSubComponent): CriterionText[] =>
    sub[key].map((text, i) => ({ id: `${component}.${PREFIX[key]}.${i + 1}`, text, answerType: key === "pemenuhan" ? "YT" : "AE" }));
  return { pemenuhan: build("pemenuhan"), kualitas: build("kualitas"), pemanfaatan: build("pemanfaatan") };
}

export type BuiltInTemplate = {
  subShares: Record<LkeSubComponent, number>;
  components: { code: string; name: string; weight: number; criteria: Record<LkeSubComponent, CriterionText[]> }[];
};

/** The built-in sheet a tenant starts from: 88/2021 with criteria, or the five-component sheet (totals only). */
export function defaultTemplate(kind: "lke2021" | "legacy"): BuiltInTemplate {
  if (kind === "legacy") {
    return { subShares: { ...DEFAULT_LKE_SUB_SHARES }, components: LKE_LEGACY_COMPONENTS.map((c) => ({ ...c, criteria: { pemenuhan: [], kualitas: [], pemanfaatan: [] } })) };
  }
  return { subShares: { ...DEFAULT_LKE_SUB_SHARES }, components: LKE_2021_COMPONENTS.map((c) => ({ ...c, criteria: defaultCriteria2021(c.code) })) };
}
