// Demo SAKIP results from the seed documents (../shared/seeds), as the historic import would store them.
import { importTs } from "./import-ts.mjs";
import { PERANGKAT_DAERAH } from "./organisation.mjs";

// The LKE sheets and predikat boundaries come from the TypeScript sources, bundled once, so the demo cannot drift.
const { defaultTemplate, predikatSakip } = importTs(
  'export { defaultTemplate } from "./shared/schemas/evaluation-criteria.ts"; export { predikatSakip } from "./shared/formulas/sakip.ts";',
);

// Seed 002, Tabel 3.13 "Daftar Nilai SAKIP Perangkat Daerah … Tahun 2021" (names as written there).
export const KALTIM_SAKIP_2021 = [
  ["Inspektorat", 79.15, "BB/Sangat Baik"], ["Badan Perencanaan Pembangunan Daerah", 78.19, "BB/Sangat Baik"],
  ["Dinas Peternakan dan Kesehatan Hewan", 76.17, "BB/Sangat Baik"], ["Badan Kepegawaian Daerah", 76.09, "BB/Sangat Baik"],
  ["RSUD Dr. Kanujoso Djati W. Balikpapan", 75.85, "BB/Sangat Baik"], ["RSJD Atma Husada Mahakam", 75.62, "BB/Sangat Baik"],
  ["Dinas Pendidikan dan Kebudayaan", 75.6, "BB/Sangat Baik"], ["RSUD A.W. Sjachranie Samarinda", 74.1, "BB/Sangat Baik"],
  ["Badan Pendapatan Daerah", 72.95, "BB/Sangat Baik"], ["Dinas Perkebunan", 72.43, "BB/Sangat Baik"],
  ["Dinas Perhubungan", 71.28, "BB/Sangat Baik"], ["Badan Penghubung", 71.07, "BB/Sangat Baik"],
  ["Dinas Sosial", 70.99, "BB/Sangat Baik"], ["Dinas Kehutanan", 70.58, "BB/Sangat Baik"],
  ["Dinas Kesehatan", 70.33, "BB/Sangat Baik"], ["Sekretariat DPRD", 70.32, "BB/Sangat Baik"],
  ["Dinas Energi dan Sumber Daya Mineral", 70.09, "BB/Sangat Baik"],
  ["Dinas Perindustrian, Perdagangan, Koperasi, dan Usaha Kecil dan Menengah (UKM);", 70.06, "BB/Sangat Baik"],
  ["Dinas Perpustakaan dan Kearsipan Daerah", 66.04, "B/Baik"], ["Dinas Lingkungan Hidup", 65.93, "B/Baik"],
  ["Dinas Pariwisata", 64.95, "B/Baik"], ["Badan Kesatuan Bangsa dan Politik", 64.07, "B/Baik"],
  ["Dinas Kependudukan, Pemberdayaan Perempuan, dan Perlindungan Anak", 63.84, "B/Baik"],
  ["Dinas Pemberdayaan Masyarakat dan Pemerintahan Desa", 63.82, "B/Baik"], ["Badan Penanggulangan Bencana Daerah", 62.78, "B/Baik"],
  ["Dinas Pangan, Tanaman Pangan, dan Hortikultura", 62.57, "B/Baik"], ["Dinas Kelautan dan Perikanan", 62.11, "B/Baik"],
  ["Dinas Pemuda dan Olahraga", 61.84, "B/Baik"], ["Badan Penelitian dan Pengembangan Daerah", 59.26, "CC/Cukup"],
  ["Sekretariat Daerah", 59.14, "CC/Cukup"], ["Dinas Pekerjaan Umum, Penataan Ruang, dan Perumahan Rakyat", 57.91, "CC/Cukup"],
  ["Badan Pengembangan Sumber Daya Manusia", 57.4, "CC/Cukup"], ["Dinas Komunikasi dan Informatika", 57.29, "CC/Cukup"],
  ["Satuan Polisi Pamong Praja", 57.12, "CC/Cukup"], ["Badan Pengelolaan Keuangan dan Aset Daerah", 51.11, "CC/Cukup"],
  ["Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", 51.09, "CC/Cukup"], ["Dinas Tenaga Kerja dan Transmigrasi", 50.35, "CC/Cukup"],
];

// Seed 002, Tabel 3.1: Sekretariat Daerah on the five-component sheet. The 2019 components add up to 67,23,
// not the 67,21 written — kept as written and flagged, as the import would.
export const KALTIM_SETDA_LEGACY = [
  { year: 2019, scores: [22.4, 15.94, 10.07, 6.27, 12.55], total: 67.21, written: "B" },
  { year: 2020, scores: [20.39, 13.75, 9.88, 3.84, 11.28], total: 59.14, written: "CC" },
];

// Seed 002, Tabel 3.2: recommendations of the LHE SAKIP 2020 for Sekretariat Daerah and their follow-up.
export const KALTIM_SETDA_2020_RECOMMENDATIONS = [
  ["perencanaan", "Target kinerja Renstra ditetapkan dengan data yang valid, merupakan breakdown target RPJMD, dan Renstra direviu berkala.", "done", "Target P-Renstra 2021 diselaraskan dengan P-RPJMD; Renstra direviu dan dituangkan dalam P-Renstra."],
  ["perencanaan", "Target kinerja dalam perjanjian kinerja dijabarkan menjadi target periodik dan rencana aksi dipantau serta dianalisis deviasinya.", "done", "Target PK dijabarkan per triwulan dan dimonitor dalam Rencana Aksi."],
  ["pengukuran", "IKU dimanfaatkan untuk penilaian kinerja serta dasar reward dan punishment; pengukuran berjenjang sampai level staf.", "in_progress", "Segera dilaksanakan; usulan reward Biro terbaik diajukan Maret 2022."],
  ["pelaporan", "Informasi kinerja dimanfaatkan untuk perbaikan perencanaan dan pengelolaan program.", "in_progress", "Akan diusulkan."],
  ["evaluasi", "Pemantauan rencana aksi minimal triwulanan dan hasil evaluasi program ditindaklanjuti dalam langkah nyata.", "in_progress", "Segera dilaksanakan."],
  ["capaian", "Tingkatkan capaian output dan outcome; informasi kinerja didukung data yang andal.", "done", "Sudah."],
];

// Seed 000, "Hasil evaluasi SAKIP Biro Administrasi Pimpinan 6 tahun terakhir" (totals only).
export const JATIM_ADPIM_HISTORY = [
  [2015, 73.55, "BB"], [2016, 74.07, "BB"], [2017, 80.21, "A"], [2018, 81.57, "A"], [2019, 81.23, "A"], [2020, 81.26, "A"],
];

const norm = (s) => s.toLowerCase().replace(/\([^)]*\)/g, " ").replace(/[^a-z0-9]+/g, " ").trim();
const round2 = (v) => Math.round(v * 100) / 100;
// Same wording as the import's checks (worker/import/evaluation.ts), which format with formatNumber.
const idNumber = (v) => v.toFixed(2).replace(".", ",");

/**
 * Rows for `demoSql`: templates, imported final evaluations, a 2022 LKE in progress at Kaltim, and the
 * published snapshots. `pdId(code, name)` is seed-sql's PD id; `row(table, values)` renders one INSERT.
 */
export function evaluationSql({ now, tenantId, pdId: pdIdOf, row }) {
  // Names as the seed writes them ("… Menengah (UKM);") matched like the import matches them.
  const pdByName = (code, name) => pdIdOf(code, PERANGKAT_DAERAH[code].find((p) => norm(p.name) === norm(name)).name);
  const out = [];
  const templates = new Map();
  const template = (code, year, locked = true) => {
    const key = `${code}:${year}`;
    if (!templates.has(key)) {
      const kind = year >= 2021 ? "lke2021" : "legacy";
      const id = `demo-lke-template-${code}-${year}`;
      templates.set(key, id);
      const name = `${kind === "lke2021" ? "LKE PermenPANRB 88/2021 (4 komponen)" : "LKE lama (5 komponen, hanya nilai komponen)"} · ${year}`;
      out.push(row("lke_templates", { id, tenant_id: tenantId(code), year, kind, name, definition: JSON.stringify(defaultTemplate(kind)), locked_at: locked ? now : null, created_at: now, updated_at: now }));
    }
    return templates.get(key);
  };
  const totals = new Map(); // "code:year" → nilai, for the published snapshots
  const imported = (code, pdName, year, total, written, extra = {}) => {
    const pdId = pdByName(code, pdName);
    const predikat = predikatSakip(total);
    const flags = [...(extra.flags ?? [])];
    const letter = written.split("/")[0];
    if (letter !== predikat) flags.push(`Tertulis ${letter}, menurut batas nilai ${idNumber(total)} adalah ${predikat}; dipakai ${predikat}`);
    out.push(
      row("lke_evaluations", {
        id: `demo-lke-${code}-${year}-${pdId.split("-").pop()}`,
        tenant_id: tenantId(code), pd_id: pdId, year, template_id: template(code, year), source: "import", status: "final",
        component_scores: extra.components ? JSON.stringify(extra.components) : null, total, predikat, flags: JSON.stringify(flags),
        finalised_at: now, finalised_by: null, created_at: now, updated_at: now,
      }),
    );
    totals.set(`${code}:${year}`, [...(totals.get(`${code}:${year}`) ?? []), total]);
  };

  for (const [name, nilai, written] of KALTIM_SAKIP_2021) {
    const flags = name === "Sekretariat Daerah" ? ["Nilai sama dengan LHE SAKIP 2020 Sekretariat Daerah (Tabel 3.1): tabel ini tampaknya memuat hasil evaluasi atas tahun 2020"] : [];
    imported("64", name, 2021, nilai, written, { flags });
  }
  const legacy = defaultTemplate("legacy").components;
  for (const { year, scores, total, written } of KALTIM_SETDA_LEGACY) {
    const sum = round2(scores.reduce((a, b) => a + b, 0));
    const flags = Math.abs(sum - total) > 0.011 ? [`Jumlah komponen ${idNumber(sum)} berbeda dengan nilai tertulis ${idNumber(total)}`] : [];
    imported("64", "Sekretariat Daerah", year, total, written, { flags, components: legacy.map((c, i) => ({ code: c.code, score: scores[i] })) });
  }
  const setda2020 = `demo-lke-64-2020-${pdByName("64", "Sekretariat Daerah").split("-").pop()}`;
  KALTIM_SETDA_2020_RECOMMENDATIONS.forEach(([component, text, status, followUp], i) => {
    out.push(row("lke_recommendations", { id: `${setda2020}-rec-${i + 1}`, tenant_id: tenantId("64"), evaluation_id: setda2020, component_code: component, text, status, follow_up: followUp, created_at: now + i, updated_at: now + i }));
  });
  for (const [year, nilai, written] of JATIM_ADPIM_HISTORY) imported("35", "Biro Administrasi Pimpinan", year, nilai, written);

  // 2022 at Kaltim on the LKE: Biro Organisasi is filling in its self-assessment, Biro Umum awaits the evaluator.
  const criteria = defaultTemplate("lke2021").components.flatMap((c) => Object.values(c.criteria).flat());
  const lke = (pdName, status, answered) => {
    const pdId = pdByName("64", pdName);
    const id = `demo-lke-64-2022-${pdId.split("-").pop()}`;
    out.push(row("lke_evaluations", { id, tenant_id: tenantId("64"), pd_id: pdId, year: 2022, template_id: template("64", 2022), source: "lke", status, component_scores: null, total: null, predikat: null, flags: "[]", finalised_at: null, finalised_by: null, created_at: now, updated_at: now }));
    criteria.slice(0, answered).forEach((c, i) => {
      out.push(
        row("lke_answers", {
          id: `${id}-${c.id}`, tenant_id: tenantId("64"), evaluation_id: id, criterion_id: c.id,
          self_answer: c.answerType === "YT" ? "Y" : ["A", "B", "B", "C"][i % 4], self_note: null,
          evidence_url: `https://biroorganisasi.kaltimprov.go.id/sakip/2022/${c.id}.pdf`, evaluator_answer: null, evaluator_note: null, updated_at: now,
        }),
      );
    });
  };
  lke("Biro Organisasi", "self_assessment", 12);
  lke("Biro Umum", "evaluator_review", criteria.length);

  // Published snapshots (what a provinsi or the national table may read once the pemda opts in).
  for (const [key, values] of totals) {
    const [code, year] = key.split(":");
    const atLeastB = values.filter((v) => ["AA", "A", "BB", "B"].includes(predikatSakip(v))).length;
    const figures = { sakip: values.reduce((a, b) => a + b, 0) / values.length, sakip_share_b: (atLeastB / values.length) * 100 };
    for (const [figure, value] of Object.entries(figures)) {
      out.push(row("published_figures", { tenant_id: tenantId(code), year: Number(year), figure, value, pd_count: values.length, published_at: now }));
    }
  }
  // Kaltim and Jawa Timur take part in the national comparison; a choice made later in the app is kept.
  for (const code of ["64", "35"]) {
    out.push(`UPDATE tenants SET settings = json_set(settings, '$.shareNationally', json('true')) WHERE id = '${tenantId(code)}' AND json_extract(settings, '$.shareNationally') IS NULL;`);
  }
  return out;
}
